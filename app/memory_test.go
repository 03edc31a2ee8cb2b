package app

import (
	"runtime/debug"
	"sync"
	"testing"
)

// The window's memory limit is the heavy one while any heavy work runs,
// and the idle one again once the last ends.
func TestHeavyWorkRaisesTheLimitWhileItRuns(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	limit := func() int64 { return debug.SetMemoryLimit(-1) } // -1 reads it
	h := &heavyWork{}
	h.set(0)
	if limit() != idleLimit {
		t.Fatalf("idle limit %d", limit())
	}
	started, release := make(chan bool), make(chan bool)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go h.run(func() {
			defer wg.Done()
			started <- true
			<-release
		})
	}
	<-started
	<-started
	if limit() != heavyLimit {
		t.Errorf("limit %d while two run", limit())
	}
	release <- true
	if limit() == idleLimit {
		t.Fatal("back to idle with one still running")
	}
	release <- true
	wg.Wait()
	if limit() != idleLimit {
		t.Errorf("limit %d after both", limit())
	}
}
