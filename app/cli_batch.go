package app

import (
	"context"
	"fmt"
	"io"

	"github.com/swcert/swcert/data/docs"
	"github.com/swcert/swcert/i18n"
)

// batchView is the result with each skip's reason in words.
type batchView struct {
	*docs.BatchResult
	Skipped []skipView `json:"skipped"`
}

type skipView struct {
	docs.BatchSkip
	Reason string `json:"reason"`
}

// exportBatch makes `export certs` and `export ce-reports`.
func exportBatch(name string, run func(s *docs.Service, ctx context.Context, search, out string, progress func(int, int)) (*docs.BatchResult, error)) command {
	return func(c *cli, args []string) error {
		fs := flags(name)
		out := fs.String("out", "", "a folder, or FILE.zip")
		search := fs.String("search", "", "only the holders this search finds (as holder list --search)")
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		if err := checkOut(*out); err != nil {
			return err
		}
		res, err := run(c.docs(), c.ctx, *search, *out, nil)
		if err != nil {
			return err
		}
		view := batchView{BatchResult: res, Skipped: []skipView{}}
		for _, s := range res.Skipped {
			view.Skipped = append(view.Skipped, skipView{BatchSkip: s, Reason: i18n.Message(s.Reason)})
		}
		c.print(view, func(w io.Writer) {
			for _, s := range view.Skipped {
				fmt.Fprintln(w, i18n.T("batch.skipped", "Name", s.Name, "MNo", s.MNo, "Reason", s.Reason))
			}
			fmt.Fprintln(w, i18n.T("batch.done", "Written", len(res.Written), "Skipped", len(res.Skipped), "Path", *out))
		})
		return nil
	}
}
