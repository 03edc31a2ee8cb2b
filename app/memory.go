package app

import (
	"runtime/debug"
	"sync"
)

// How the process uses memory. A PDF export allocates ~10 MB (fpdf) that
// is garbage at once: collecting at 400% instead of 100% does a quarter of
// the collector's work and brings an export from ~18 ms to ~13 ms
// (BenchmarkExportCertificate mirrors it). A limit keeps that from
// growing without end: the collector runs as often as it must near it.
//
// The command line runs one task and ends, so it may use heavyLimit
// throughout. The window runs for days: it stays under idleLimit (with its
// ~60 MB live, a few dozen exports' garbage), so that with the graphics
// libraries it stays under 300 MB, and takes heavyLimit only while work
// that holds much at once runs (the roster of 100,000 holds ~250 MB).
const (
	gcPercent  = 400
	heavyLimit = 384 << 20
	idleLimit  = 128 << 20
)

// heavyWork lets the window use heavyLimit while work runs (any number at
// once), and idleLimit again when the last one ends: the collector then
// returns the memory to the system.
type heavyWork struct {
	mu      sync.Mutex
	running int
}

func (h *heavyWork) run(work func()) {
	h.set(+1)
	defer h.set(-1)
	work()
}

func (h *heavyWork) set(delta int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.running += delta
	if h.running > 0 {
		debug.SetMemoryLimit(heavyLimit)
	} else {
		debug.SetMemoryLimit(idleLimit)
	}
}
