// Package screens holds one screen per tab of the SWCert window, and the
// dialogs they open. A screen is a struct holding its widgets, built once and
// changed by its on… methods; it talks to the services of data/, never to
// SQL and never to app/, so it runs headless under fyne.io/fyne/v2/test.
package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/backup"
	"github.com/swcert/swcert/data/docs"
	"github.com/swcert/swcert/data/proofs"
)

// Services are what the screens work with, wired by app/.
type Services struct {
	Holders data.HolderService
	Certs   data.CertificateService
	Anns    data.AnnotationService
	Keys    data.KeyService
	Regs    data.RegistrationService
	CE      data.CEService
	Paper   data.PaperService
	// Dossiers keeps the personal information (个人信息), Transfers the
	// agency changes and Projects the service records.
	Dossiers  data.DossierService
	Transfers data.TransferService
	Projects  data.ProjectService
	// Attention feeds the dashboard and the reminders.
	Attention data.AttentionService
	// Calendar numbers the revisions of exported calendar events.
	Calendar data.CalendarService
	// Reminders keeps what happened to each reminder (the reminder centre).
	Reminders data.ReminderService
	// Audit reads the log of every write (a holder's History…); nil: the
	// button is not offered.
	Audit data.AuditService
	// Encryption turns encryption at rest on and off (Settings); nil for a
	// store that keeps its own (a shared server).
	Encryption data.EncryptionService
	// Proofs keeps the files that prove CE records.
	Proofs *proofs.Store
	// Docs exports sealed PDFs and verifies seals.
	Docs *docs.Service
	// Backups backs up and restores the database's files (File → Back
	// up…, Restore…, the automatic backup). Nil: a store that is not a
	// file of this machine; the menu has no such items.
	Backups *backup.Files
	// Now is the only clock (the --now flag can fix it).
	Now func() time.Time
	// DBPath is shown where the user is asked to confirm a change to it.
	DBPath string
	// Offices: the store keeps the agency's offices (a shared database):
	// the holder form has an office field.
	Offices bool
	// OpenShared opens the shared database at url with the password, off
	// the UI goroutine; its Use shows the window on it (File → Open
	// shared database…). Nil: no such item.
	OpenShared func(url string, password []byte) (Opened, error)
	// Heavy runs work that holds much memory for a while (the roster, an
	// import, a batch of PDFs, working out the whole dashboard): app/ lets
	// the process use more memory meanwhile. Nil: the work just runs.
	Heavy func(work func())
	// Sync runs background work (the dashboard, reading a seal) on the
	// calling goroutine: tests, whose driver does not serialise fyne.Do.
	Sync bool
}

// background runs work off the UI goroutine and then done on it, so the
// window stays live while work takes long.
func (s Services) background(work func(), done func()) {
	if s.Sync {
		work()
		done()
		return
	}
	data.Go(func() {
		work()
		fyne.Do(done)
	})
}

func (s Services) heavy(work func()) {
	if s.Heavy == nil {
		work()
		return
	}
	s.Heavy(work)
}

func (s Services) today() data.Date { return data.DateOf(s.Now()) }

func (s Services) ctx() context.Context { return context.Background() }
