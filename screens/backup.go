package screens

import (
	"bytes"
	"strconv"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/backup"
	"github.com/swcert/swcert/i18n"
)

// PrefBackupKeep is how many automatic backups to keep (0: none made).
const PrefBackupKeep = "backup_keep"

// autoBackupRunning keeps two automatic backups from running at once (the
// one at start and the hourly one, on a slow disk).
var autoBackupRunning atomic.Bool

// ShowBackup asks where to write a backup of the database, its proofs
// and its key, and writes it there.
func (m *Main) ShowBackup() {
	name := "swcert-backup-" + m.Svc.Now().In(data.Beijing).Format("20060102") + ".zip"
	askSave(m.Win, name, []string{".zip"}, m.backupTo)
}

// backupTo writes the backup to path, behind a dialog that says so.
func (m *Main) backupTo(path string) {
	var man *backup.Manifest
	var where string
	var err error
	m.busy(i18n.T("menu.backup"), i18n.T("busy.backup"), func() {
		var b bytes.Buffer
		man, err = m.Svc.Backups.Backup(m.Svc.ctx(), m.Svc.Now(), &b)
		where, err = writeOut(path, b.Bytes(), err)
	}, func() {
		if err != nil {
			dialog.ShowInformation(i18n.T("menu.backup"), i18n.FieldMessage(err), m.Win)
			return
		}
		dialog.ShowInformation(i18n.T("menu.backup"), i18n.T("backup.written", "Path", where, "Proofs", man.Proofs())+backupWarnings(man), m.Win)
	})
}

func backupWarnings(m *backup.Manifest) string {
	s := ""
	if !m.HasKey() {
		s += "\n\n" + i18n.T("backup.no_key")
	}
	if len(m.Missing) > 0 {
		s += "\n\n" + i18n.T("backup.missing_proofs", "Count", len(m.Missing))
	}
	return s
}

// ShowRestore asks for a backup file, then for a confirmation, and
// restores it.
func (m *Main) ShowRestore() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		m.confirmRestore(path)
	}, m.Win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".zip"}))
	showFileDialog(d, m.Win)
}

// confirmRestore says what a restore replaces, and that what it replaces
// is kept, before it does.
func (m *Main) confirmRestore(path string) {
	text := widget.NewLabel(i18n.T("restore.confirm", "Path", path, "DB", m.Svc.Backups.DB))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(i18n.T("menu.restore"), i18n.T("restore.do"), i18n.T("cancel"), text, func(ok bool) {
		if ok {
			m.restoreFrom(path)
		}
	}, m.Win)
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
}

// restoreFrom restores the backup at path, then shows the restored
// records in every tab.
func (m *Main) restoreFrom(path string) {
	var res *backup.Restored
	var err error
	db := m.Svc.Backups.DB
	m.busy(i18n.T("menu.restore"), i18n.T("busy.restore"), func() {
		res, err = m.Svc.Backups.Restore(m.Svc.ctx(), m.Svc.Now(), path)
	}, func() {
		if err != nil {
			dialog.ShowInformation(i18n.T("menu.restore"), i18n.FieldMessage(err), m.Win)
			return
		}
		msg := i18n.T("restore.done", "Path", path, "DB", db, "Created", res.Manifest.CreatedAt.In(data.Beijing).Format("2006-01-02 15:04"), "Proofs", res.Manifest.Proofs())
		if res.Kept != "" {
			msg += "\n\n" + i18n.T("restore.kept", "Path", res.Kept)
		}
		m.current().rebuild() // every tab reads the restored records
		dialog.ShowInformation(i18n.T("menu.restore"), msg+backupWarnings(res.Manifest), m.Win)
	})
}

// backupKeep is the number of automatic backups the settings keep.
func (m *Main) backupKeep() int {
	n, err := backup.ParseKeep(m.App.Preferences().StringWithFallback(PrefBackupKeep, strconv.Itoa(backup.DefaultKeep)))
	if err != nil {
		return backup.DefaultKeep
	}
	return n
}

// autoBackup makes the day's automatic backup beside the database, in the
// background (the window stays live), unless it was made already today.
// It runs when the window opens and with the hourly refresh, so a window
// left open past midnight makes the next day's too. Only a failure is
// told, once.
func (m *Main) autoBackup() {
	keep := m.backupKeep()
	if keep == 0 || m.Svc.Backups == nil || !autoBackupRunning.CompareAndSwap(false, true) {
		return
	}
	files, now := m.Svc.Backups, m.Svc.Now()
	var err error
	m.Svc.background(func() {
		_, err = files.Auto(m.Svc.ctx(), now, keep)
	}, func() {
		autoBackupRunning.Store(false)
		if err != nil {
			msg := i18n.Message(err)
			if data.AsError(err) == nil { // logged by Message; said here in words
				msg = i18n.T("backup.auto_failed", "Dir", files.BackupsDir())
			}
			dialog.ShowInformation(i18n.T("menu.backup"), msg, m.Win)
		}
	})
}

// newBackupKeepField is the Settings field for how many automatic
// backups to keep; it is saved as soon as it reads well.
func (m *Main) newBackupKeepField() *field {
	prefs := m.App.Preferences()
	f := newField("backup_keep", strconv.Itoa(backup.DefaultKeep), func(t string) error {
		n, err := backup.ParseKeep(t)
		if err == nil {
			prefs.SetString(PrefBackupKeep, strconv.Itoa(n))
		}
		return err
	})
	f.entry.SetText(strings.TrimSpace(prefs.StringWithFallback(PrefBackupKeep, strconv.Itoa(backup.DefaultKeep))))
	return f
}

// warnKey tells at start when no seal can be made (the key file missing
// or not this database's), rather than at the first export: restoring a
// backup is the remedy, and the sooner the better.
func (m *Main) warnKey() {
	if m.Svc.Keys == nil {
		return
	}
	if _, err := m.Svc.Keys.OwnKey(m.Svc.ctx()); err != nil && data.AsError(err) != nil {
		dialog.ShowInformation(i18n.T("key.title"), i18n.Message(err), m.Win)
	}
}
