package proofs

import (
	"github.com/swcert/swcert/data"
)

// NewPhoto describes b as the ID photo of a personal information form,
// checked as data.CheckPhoto says (size first, then only the header), to
// be kept as a proof file when the profile takes it.
func NewPhoto(name string, b []byte) (data.Proof, data.PhotoInfo, error) {
	info, err := data.CheckPhoto(b)
	if err != nil {
		return data.Proof{}, info, err
	}
	p, err := New(name, b)
	return p, info, err
}

// ReadPhotoFile reads the photo at path: what is not a regular file, or
// is larger than data.MaxPhotoBytes, is refused before anything is read.
func ReadPhotoFile(path string) (data.Proof, data.PhotoInfo, error) {
	b, err := readBounded(path, data.MaxPhotoBytes, data.PhotoTooLarge)
	if e := data.AsError(err); e != nil && e.Field == "proof" {
		named := *e // the file's problem, said of the photo
		named.Field = "photo"
		err = &named
	}
	if err != nil {
		return data.Proof{}, data.PhotoInfo{}, err
	}
	return NewPhoto(path, b)
}
