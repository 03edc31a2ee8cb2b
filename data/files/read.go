package files

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/swcert/swcert/data"
)

// ReadAtMost reads r to its end, or to max+1 bytes, whichever comes first:
// a caller that gets more than max bytes knows the input is too large
// without having read all of it (stdin, /dev/zero, a pipe that never ends).
//
// The bytes are read in chunks and joined once at the end, so a stream of
// unknown length costs twice its length at most, not the garbage of a
// buffer doubling its way up (168 MB for /dev/zero at a 32 MB cap, 75 MB
// this way).
func ReadAtMost(r io.Reader, max int64) ([]byte, error) {
	r = io.LimitReader(r, max+1)
	var chunks [][]byte
	total, size := 0, 64<<10
	for {
		c := make([]byte, size)
		n, err := io.ReadFull(r, c)
		if n > 0 {
			chunks = append(chunks, c[:n])
			total += n
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, err
		}
		size = min(2*size, 4<<20)
	}
	if len(chunks) == 1 {
		return chunks[0], nil
	}
	out := make([]byte, 0, total)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out, nil
}

// ReadFile is ReadAtMost on the file at path, which need not be a regular
// file. A regular file's size is known first, so no more than max+1 bytes
// are ever held, however large it is.
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() <= max {
		b := make([]byte, 0, st.Size()+1) // +1: ReadFrom needs room to see the end
		buf := bytes.NewBuffer(b)
		_, err := buf.ReadFrom(io.LimitReader(f, max+1))
		return buf.Bytes(), err
	}
	return ReadAtMost(f, max)
}

// ReadError is what a person reads when the file they named (field) at
// path cannot be read: the causes a person can fix are application errors
// that say what to do; anything else is an internal error (logged, shown as
// a plain sentence), never the system's own text.
func ReadError(field, path string, err error) error {
	switch {
	case err == nil:
		return nil
	case data.AsError(err) != nil: // refused already, in words (CheckOutput)
		return err
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return data.Invalid(field, "err.file.not_found", "Path", path)
	case errors.Is(err, fs.ErrPermission):
		return data.Invalid(field, "err.file.read_denied", "Path", path)
	case errors.Is(err, syscall.EISDIR):
		return data.Invalid(field, "err.file.is_folder", "Path", path)
	case errors.Is(err, ErrNotRegular):
		return data.Invalid(field, "err.file.not_file", "Path", path)
	}
	return fmt.Errorf("read %s: %w", path, err)
}

// WriteError is ReadError for a file to be written at path.
func WriteError(field, path string, err error) error {
	switch {
	case err == nil:
		return nil
	case data.AsError(err) != nil: // already in words (what WriteFrom wrote refused)
		return err
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return data.Invalid(field, "err.file.no_folder", "Path", path)
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return data.Invalid(field, "err.file.write_denied", "Path", path)
	case errors.Is(err, syscall.EISDIR), errors.Is(err, fs.ErrExist):
		return data.Invalid(field, "err.file.is_folder", "Path", path)
	case errors.Is(err, syscall.ENOSPC):
		// Not the person's input (exit 1), but theirs to fix.
		return &data.Error{Code: data.EINTERNAL, Field: field, Key: "err.file.disk_full", Args: map[string]any{"Path": path}}
	}
	return fmt.Errorf("write %s: %w", path, err)
}

// ErrNotRegular is what ReadRegular says of a path that is not a regular
// file: a folder, a device such as /dev/zero, a pipe or a socket.
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError is what ReadRegular says of a file larger than its cap:
// Size is the file's size, or the cap and one byte when it grew while
// being read.
type TooLargeError struct{ Size int64 }

func (e *TooLargeError) Error() string { return fmt.Sprintf("file of %d bytes is too large", e.Size) }

// ReadRegular reads the regular file at path, of at most max bytes. What is
// not a regular file or is larger is refused before a byte of it is read,
// and a pipe put in its place meanwhile is opened without waiting for a
// writer, then refused: a person names a file, and a file has an end.
func ReadRegular(path string, max int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := regularAtMost(fi, max); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := regularAtMost(fi, max); err != nil {
		return nil, err
	}
	b, err := ReadAtMost(f, max)
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, &TooLargeError{Size: int64(len(b))}
	}
	return b, nil
}

// CheckRegular says, before anything is opened, what ReadRegular would
// refuse at path: not a regular file, or larger than max.
func CheckRegular(path string, max int64) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	return regularAtMost(fi, max)
}

func regularAtMost(fi fs.FileInfo, max int64) error {
	if !fi.Mode().IsRegular() {
		if fi.IsDir() {
			return syscall.EISDIR
		}
		return ErrNotRegular
	}
	if fi.Size() > max {
		return &TooLargeError{Size: fi.Size()}
	}
	return nil
}
