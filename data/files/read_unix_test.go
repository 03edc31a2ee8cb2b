//go:build unix

package files

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/swcert/swcert/data"
)

// ReadRegular reads a regular file of at most max bytes; anything else is
// refused before a byte is read, a pipe without waiting for a writer.
func TestReadRegularRefusesWhatIsNotAFileUnread(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small")
	os.WriteFile(small, []byte("hello"), 0o600)
	if b, err := ReadRegular(small, 5); err != nil || string(b) != "hello" {
		t.Errorf("read %q (%v)", b, err)
	}
	var large *TooLargeError
	if _, err := ReadRegular(small, 4); !errors.As(err, &large) || large.Size != 5 {
		t.Errorf("5 bytes at a cap of 4: %v", err)
	}
	if _, err := ReadRegular(dir, 5); !errors.Is(err, syscall.EISDIR) || data.AsError(ReadError("file", dir, err)).Key != "err.file.is_folder" {
		t.Errorf("a folder: %v", err)
	}
	devices := []string{os.DevNull}
	if _, err := os.Stat("/dev/zero"); err == nil {
		devices = append(devices, "/dev/zero")
	}
	if pipe := filepath.Join(dir, "pipe"); syscall.Mkfifo(pipe, 0o600) == nil {
		devices = append(devices, pipe)
	}
	for _, p := range devices {
		_, err := ReadRegular(p, 5)
		if !errors.Is(err, ErrNotRegular) || data.AsError(ReadError("file", p, err)).Key != "err.file.not_file" {
			t.Errorf("%s: %v", p, err)
		}
	}
}
