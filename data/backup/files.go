package backup

import (
	"context"
	"io"
	"time"
)

// Files are the files of one database that its backups hold, where the
// app keeps them: the database, the folder of proofs beside it and the key
// file. The window and the command line back up and restore through it.
type Files struct {
	DB         string
	Proofs     string
	AppVersion string
}

func (f *Files) source(now time.Time) Source {
	return Source{DB: f.DB, Proofs: f.Proofs, AppVersion: f.AppVersion, Now: now}
}

// Backup writes a backup to w (Create).
func (f *Files) Backup(ctx context.Context, now time.Time, w io.Writer) (*Manifest, error) {
	return Create(ctx, f.source(now), w)
}

// BackupFile writes a backup to the file out (CreateFile).
func (f *Files) BackupFile(ctx context.Context, now time.Time, out string) (*Manifest, error) {
	return CreateFile(ctx, f.source(now), out)
}

// Restore puts the backup at file in place of these files (Restore).
func (f *Files) Restore(ctx context.Context, now time.Time, file string) (*Restored, error) {
	return Restore(ctx, file, Target(f.source(now)))
}

// Auto makes the day's automatic backup, keeping the newest keep (Auto).
func (f *Files) Auto(ctx context.Context, now time.Time, keep int) (string, error) {
	return Auto(ctx, f.source(now), keep)
}

// Check checks these files (Check).
func (f *Files) Check(ctx context.Context) (*Report, error) { return Check(ctx, f.DB, f.Proofs) }

// BackupsDir is the folder of the automatic backups and those kept
// before a restore.
func (f *Files) BackupsDir() string { return BackupsDir(f.DB) }
