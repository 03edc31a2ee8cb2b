package store

import (
	"context"
	"log"
	"time"
)

// After large deletions the file keeps its size, its free pages zeroed
// (secure_delete) but still there. When at least vacuumMinFree pages and a
// quarter of the file are free, closing the store gives them back: at the
// end of a command, after its output, or when the window closes, never
// while a person waits for a save. A file with another program at work in
// it is left for a later close.
const (
	vacuumMinFree  = 256 // pages: 1 MiB of SQLite's 4 KiB pages
	vacuumFraction = 4   // free pages ≥ 1/vacuumFraction of the file
)

func (db *DB) vacuumIfWorth(ctx context.Context) {
	free, pages, err := db.freePages(ctx)
	if err != nil || !worthVacuum(free, pages) {
		return
	}
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	// Not five seconds at the end of a command: another writer means later.
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = 100"); err != nil {
		return
	}
	start := time.Now()
	if _, err := conn.ExecContext(ctx, "VACUUM"); err != nil {
		log.Printf("vacuum %s (%d of %d pages free): %v", db.path, free, pages, err)
		return
	}
	log.Printf("vacuum %s: %d of %d pages were free, %v", db.path, free, pages, time.Since(start).Round(time.Millisecond))
}

func (db *DB) freePages(ctx context.Context) (free, pages int64, err error) {
	if err = db.sql.QueryRowContext(ctx, "PRAGMA freelist_count").Scan(&free); err != nil {
		return 0, 0, err
	}
	err = db.sql.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages)
	return free, pages, err
}

func worthVacuum(free, pages int64) bool {
	return free >= vacuumMinFree && free*vacuumFraction >= pages
}
