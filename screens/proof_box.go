package screens

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/files"
	"github.com/swcert/swcert/data/proofs"
	"github.com/swcert/swcert/i18n"
)

// proofBox lists the proof files of a record being edited (a work history
// entry, an honour), each to view or remove, with a button to attach one.
// A file attached is kept only when the record is saved (its Data travels
// with the record to the store), as on the CE tab.
type proofBox struct {
	svc    Services
	win    fyne.Window
	max    int // 0: any number
	proofs []data.Proof
	box    *fyne.Container
	attach *widget.Button
	msg    *widget.Label // what attaching said
	ownMsg bool          // msg is the box's, under it (not the form's)
	// changed runs after a file was attached or removed.
	changed func()

	content fyne.CanvasObject
}

func newProofBox(svc Services, win fyne.Window, max int) *proofBox {
	return newProofBoxSaying(svc, win, max, nil)
}

// newProofBoxSaying makes a proof box that says what attaching did in msg,
// a form's own message line (the CE tab's), or under the box when nil.
func newProofBoxSaying(svc Services, win fyne.Window, max int, msg *widget.Label) *proofBox {
	b := &proofBox{svc: svc, win: win, max: max, box: container.NewVBox(), msg: msg}
	b.attach = widget.NewButtonWithIcon(i18n.T("ce.attach"), theme.ContentAddIcon(), b.onAttach)
	if msg == nil {
		b.msg, b.ownMsg = wrapped(""), true
		b.content = container.NewVBox(b.box, container.NewHBox(b.attach), b.msg)
	} else {
		b.content = container.NewVBox(b.box, container.NewHBox(b.attach))
	}
	return b
}

// set shows the files of the record loaded.
func (b *proofBox) set(ps []data.Proof) {
	b.proofs = append([]data.Proof(nil), ps...)
	if b.ownMsg {
		b.msg.SetText("") // a form's own line is the form's to clear
	}
	b.show()
}

func (b *proofBox) show() {
	b.box.Objects = nil
	for i, p := range b.proofs {
		i, p := i, p
		open := widget.NewButtonWithIcon("", theme.VisibilityIcon(), func() { b.open(p) })
		if p.Data != nil {
			open.Disable() // not kept until the record is saved
		}
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			b.proofs = append(b.proofs[:i:i], b.proofs[i+1:]...)
			b.show()
			if b.changed != nil {
				b.changed()
			}
		})
		name := widget.NewLabel(p.Name + "  " + proofs.FormatSize(p.Size))
		name.Truncation = fyne.TextTruncateEllipsis
		b.box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(open, remove), name))
	}
	if b.max > 0 && len(b.proofs) >= b.max {
		b.attach.Disable()
	} else {
		b.attach.Enable()
	}
	b.box.Refresh()
}

// open shows a kept file with the system's viewer.
func (b *proofBox) open(p data.Proof) {
	path, err := b.svc.Proofs.ViewPath(p)
	if err == nil {
		err = fyne.CurrentApp().OpenURL(files.URL(path)) // file:///C:/… on Windows
	}
	if err != nil {
		status(b.msg, err, "")
	}
}

func (b *proofBox) onAttach() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		if r.URI().Scheme() == "file" {
			b.add(proofs.ReadFile(r.URI().Path())) // refuses a folder, a device, a pipe before reading
			return
		}
		b.add(proofs.Read(r.URI().Name(), r))
	}, b.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf", ".png", ".jpg", ".jpeg"}))
	showFileDialog(d, b.win)
}

// attachData adds a file by its name and content (what the file dialog
// hands over; tests call it).
func (b *proofBox) attachData(name string, data []byte) { b.add(proofs.New(name, data)) }

func (b *proofBox) add(p data.Proof, err error) {
	if err != nil {
		status(b.msg, err, "")
		return
	}
	b.proofs = append(b.proofs, p)
	b.show()
	status(b.msg, nil, i18n.T("ce.attached", "Name", p.Name))
	if b.changed != nil {
		b.changed()
	}
}

// pickField is a field whose text may also be picked from a list that
// follows what is typed (the employers in the database): a SelectEntry
// with the field's rule and message.
type pickField struct {
	*field
	pick *widget.SelectEntry
}

// newPickField makes one; options gives the choices for what is typed.
func newPickField(name, placeholder string, check func(string) error, options func(typed string) []string) *pickField {
	se := widget.NewSelectEntry(nil)
	f := &field{name: name, entry: &se.Entry, msg: widget.NewLabel(""), check: check}
	se.SetPlaceHolder(placeholder)
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord
	f.msg.Hide()
	p := &pickField{field: f, pick: se}
	last := "\x00"
	f.entry.OnChanged = func(t string) {
		f.validate()
		if options != nil && t != last {
			last = t
			se.SetOptions(options(t))
		}
	}
	if options != nil {
		se.SetOptions(options(""))
	}
	return p
}

// object is the entry with its list button and its message under it.
func (p *pickField) object() fyne.CanvasObject { return container.NewVBox(p.pick, p.msg) }

// employerChoices reads the employers the database knows once (a form
// opening) and gives, for what is typed, those that hold it: the
// choices of an employer's field, without a query at every keystroke.
func (s Services) employerChoices() func(typed string) []string {
	all, err := s.Dossiers.Employers(s.ctx(), "", maxEmployerChoices)
	if err != nil {
		all = nil
	}
	return func(typed string) []string {
		t := strings.ToLower(data.NormalizeText(typed))
		var out []string
		for _, e := range all {
			if strings.Contains(strings.ToLower(e), t) {
				out = append(out, e)
				if len(out) == shownEmployerChoices {
					break
				}
			}
		}
		return out
	}
}

// How many employers a form reads, and how many it offers at a time.
const (
	maxEmployerChoices   = 2000
	shownEmployerChoices = 20
)
