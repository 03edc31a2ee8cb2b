package data

import (
	"runtime/debug"
	"sync/atomic"
)

// onPanic is told of a panic that a goroutine started by Go did not
// recover. A goroutine's panic ends the program however it is caught
// elsewhere, so every goroutine the program starts goes through Go, and
// the program (app) says what a panic does: log it masked, say a plain
// sentence, end with a status of its own.
var onPanic atomic.Pointer[func(v any, stack []byte)]

// OnPanic sets what a goroutine started by Go does when it panics; nil
// lets the panic go on (the runtime's own report).
func OnPanic(f func(v any, stack []byte)) {
	if f == nil {
		onPanic.Store(nil)
		return
	}
	onPanic.Store(&f)
}

// Go runs f in a goroutine of its own, a panic in it handed to OnPanic's
// function.
func Go(f func()) {
	go func() {
		defer func() {
			if v := recover(); v != nil {
				h := onPanic.Load()
				if h == nil {
					panic(v)
				}
				(*h)(v, debug.Stack())
			}
		}()
		f()
	}()
}
