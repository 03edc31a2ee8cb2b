package docs

import (
	"archive/zip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/files"
)

// BatchSkip is a document a batch did not write, and why.
type BatchSkip struct {
	Name   string `json:"name"`
	MNo    string `json:"mno"`
	Reason error  `json:"-"`
}

// BatchResult says what a batch wrote and what it skipped.
type BatchResult struct {
	Written  []string    `json:"written"` // file names (in the folder or the ZIP)
	Skipped  []BatchSkip `json:"skipped"`
	Canceled bool        `json:"canceled"`
}

// batchJob is one document of a batch.
type batchJob struct {
	file, name, mno string
	at              time.Time // the export's time: the ZIP entry's modified time
	make            func(ctx context.Context) ([]byte, error)
}

// ExportCertificates exports the electronic certificate of every
// certificate of the holders matching search (all when empty) into out: a
// folder, or a .zip file. Certificates that may not be downloaded now are
// skipped with the reason. progress is told after each document.
func (s *Service) ExportCertificates(ctx context.Context, search, out string, progress func(done, total int)) (*BatchResult, error) {
	holders, err := s.matching(ctx, search)
	if err != nil {
		return nil, err
	}
	var jobs []batchJob
	for _, h := range holders {
		certs, err := s.Certs.Certificates(ctx, h.ID)
		if err != nil {
			return nil, err
		}
		for _, c := range certs {
			id := c.ID
			jobs = append(jobs, batchJob{file: data.ExportFileName(".pdf", h.Name, c.MNo, data.FileCertificate), name: h.Name, mno: c.MNo, at: s.Now(),
				make: func(ctx context.Context) ([]byte, error) {
					b, _, err := s.ExportCertificate(ctx, id)
					return b, err
				}})
		}
	}
	return runBatch(ctx, jobs, out, progress)
}

// ExportCEReports exports the current CE report of every matching holder.
func (s *Service) ExportCEReports(ctx context.Context, search, out string, progress func(done, total int)) (*BatchResult, error) {
	holders, err := s.matching(ctx, search)
	if err != nil {
		return nil, err
	}
	jobs := make([]batchJob, len(holders))
	for i, h := range holders {
		// Named for the certificate whose period the report is of (the
		// binding one), as the report itself is.
		certs, err := s.Certs.Certificates(ctx, h.ID)
		if err != nil {
			return nil, err
		}
		mno := ""
		if c := data.BindingCertificates(certs)[h.ID]; c != nil {
			mno = c.MNo
		}
		id := h.ID
		jobs[i] = batchJob{file: data.ExportFileName(".pdf", h.Name, mno, data.FileCEReport), name: h.Name, mno: mno, at: s.Now(),
			make: func(ctx context.Context) ([]byte, error) {
				b, _, err := s.ExportCEReport(ctx, id, 0, data.Date{})
				return b, err
			}}
	}
	return runBatch(ctx, jobs, out, progress)
}

func (s *Service) matching(ctx context.Context, search string) ([]*data.Holder, error) {
	var out []*data.Holder
	for off := 0; ; off += 1000 {
		page, err := s.Holders.FindHolders(ctx, data.HolderFilter{Search: search, Offset: off, Limit: 1000})
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		if len(page) < 1000 {
			return out, nil
		}
	}
}

// runBatch makes the documents on every core and writes them in order of
// completion: each into the folder by temporary file and rename, or into a
// ZIP that is renamed into place only when complete. Canceled, the ZIP is
// removed (no partial file is left as if done); in a folder, the documents
// finished before the cancel stay, each complete, and are listed.
func runBatch(ctx context.Context, jobs []batchJob, out string, progress func(done, total int)) (*BatchResult, error) {
	res := &BatchResult{Written: []string{}, Skipped: []BatchSkip{}}
	// Not the database, nor into the proof files' folder: refused before
	// anything is created (each PDF in a folder is checked again).
	if err := files.CheckOutput(out); err != nil {
		return nil, err
	}
	asZip := strings.EqualFold(filepath.Ext(out), ".zip")
	var zf *os.File
	var zw *zip.Writer
	if asZip {
		if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
			return nil, files.WriteError("out", out, err)
		}
		f, done, err := files.CreateTemp(filepath.Dir(out), ".swcert-batch-", ".zip")
		if err != nil {
			return nil, files.WriteError("out", out, err)
		}
		defer done() // the journal's entry, once the ZIP is in place or removed
		zf, zw = f, zip.NewWriter(f)
	} else if st, err := os.Stat(out); err == nil && !st.IsDir() {
		return nil, data.Invalid("out", "err.file.not_folder", "Path", out)
	} else if err := os.MkdirAll(out, 0o700); err != nil {
		return nil, files.WriteError("out", out, err)
	}

	type done struct {
		job batchJob
		pdf []byte
		err error
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	todo := make(chan batchJob)
	results := make(chan done)
	var wg sync.WaitGroup
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		data.Go(func() {
			defer wg.Done()
			for j := range todo {
				b, err := j.make(ctx)
				select {
				case results <- done{j, b, err}:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	data.Go(func() {
		defer close(todo)
		for _, j := range jobs {
			select {
			case todo <- j:
			case <-ctx.Done():
				return
			}
		}
	})
	data.Go(func() { wg.Wait(); close(results) })

	// werr is why the batch stopped: a document that could not be written
	// (the person's to fix: the folder, the disk) or made for a reason that
	// is not an application error (the store failed: an internal error,
	// which its caller logs and shows as such, never as invalid input).
	var werr error
	n := 0
	for d := range results {
		n++
		switch {
		case werr != nil:
		case d.err != nil && ctx.Err() != nil:
			// Canceled while it was being made: not a failure.
		case d.err != nil && data.AsError(d.err) != nil:
			res.Skipped = append(res.Skipped, BatchSkip{Name: d.job.name, MNo: d.job.mno, Reason: d.err})
		case d.err != nil:
			werr = fmt.Errorf("batch: %w", d.err)
			cancel()
		case zw != nil:
			w, err := zw.CreateHeader(zipHeader(d.job.file, d.job.at))
			if err == nil {
				_, err = w.Write(d.pdf)
			}
			if err != nil {
				werr = files.WriteError("out", out, err)
				cancel()
			} else {
				res.Written = append(res.Written, d.job.file)
			}
		default:
			if err := files.Write(filepath.Join(out, d.job.file), d.pdf); err != nil {
				werr = files.WriteError("out", out, err)
				cancel()
			} else {
				res.Written = append(res.Written, d.job.file)
			}
		}
		if progress != nil {
			progress(n, len(jobs))
		}
	}
	// Canceled when a document is missing for it: one whose making was
	// stopped comes back too (as an error), so a count of the results
	// would call a ZIP without it complete (it wrote 3 of 4, "skipped 0").
	res.Canceled = ctx.Err() != nil && werr == nil && len(res.Written)+len(res.Skipped) < len(jobs)
	if zw != nil {
		err := zw.Close()
		if err == nil {
			err = zf.Sync() // a ZIP said to be written survives a power cut
		}
		if cerr := zf.Close(); err == nil {
			err = cerr
		}
		if err == nil && werr == nil && !res.Canceled {
			if err = files.CheckOutput(out); err == nil { // nothing took its place meanwhile
				err = os.Rename(zf.Name(), out)
			}
			if err == nil {
				files.SyncDir(filepath.Dir(out))
			}
		}
		if err != nil || werr != nil || res.Canceled {
			os.Remove(zf.Name())
			if res.Canceled {
				res.Written = []string{} // nothing of the ZIP is there
			}
		}
		if werr == nil && err != nil {
			werr = files.WriteError("out", out, err)
		}
	}
	if werr != nil {
		return nil, werr
	}
	return res, nil
}
