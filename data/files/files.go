// Package files writes files whole or not at all, private to the user, and
// never over the files SWCert keeps (guard.go); what an interrupted write
// leaves behind is removed at the next start (journal.go).
package files

import (
	"bufio"
	"io"
	"os"
)

// OutputMode is the mode of every export: readable by the user alone. The
// roster holds full ID numbers; a PDF holds a name and a masked number.
const OutputMode os.FileMode = 0o600

// Write puts the output b at path (an export: a PDF, a sheet, a key) with
// OutputMode, after CheckOutput: never over the database, its journals,
// the log, the key or into the proof files' folder.
func Write(path string, b []byte) error {
	if err := CheckOutput(path); err != nil {
		return err
	}
	return WriteOwn(path, b, OutputMode)
}

// WriteOwn puts b at path with the permissions perm, for the files SWCert
// keeps itself (a proof file in the protected folder, the folder's owner
// note): into a temporary file beside it first, synced to the disk, then
// renamed over it and the folder synced, so a reader (or a crash, a power
// cut, a full disk) never meets half a file, what was there stays until
// the new one is whole, and a completed write is still there after a power
// cut. The temporary file is removed when anything fails, and at the next
// start when the process was killed (journal.go).
func WriteOwn(path string, b []byte, perm os.FileMode) error {
	return writeOwnFrom(path, perm, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// WriteFrom is Write of what write writes, streamed into the temporary
// file rather than held whole (the roster of 1,000,000 holders is 465
// MB); write's error is returned as it is, and nothing is left at path.
func WriteFrom(path string, write func(w io.Writer) error) error {
	if err := CheckOutput(path); err != nil {
		return err
	}
	return writeOwnFrom(path, OutputMode, write)
}

func writeOwnFrom(path string, perm os.FileMode, write func(w io.Writer) error) error {
	dir, _ := split(path)
	tmp, done, err := CreateTemp(dir, ".swcert-", "")
	if err != nil {
		return err
	}
	defer done()
	bw := bufio.NewWriterSize(tmp, 1<<16)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Chmod(perm) // exactly perm, whatever the umask
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	SyncDir(dir)
	return nil
}

// SyncDir makes a rename in dir durable. Where a folder cannot be synced
// (Windows) the rename is already durable when it returns.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
