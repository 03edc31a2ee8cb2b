package screens

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// otherID is a second valid ID number (validID is the first).
const otherID = "110105198001010016"

// laidOut sizes a list row as the list would and returns it.
func laidOut(o fyne.CanvasObject) fyne.CanvasObject {
	o.Resize(fyne.NewSize(520, o.MinSize().Height))
	return o
}

// The ID numbers of the holder list start at one place on every row,
// whatever the length of the name before them.
func TestHolderListIDColumnStaysPut(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	f.addHolder("李明", validID)
	f.addHolder("欧阳娜娜娜", otherID)
	s := f.certificates()
	l := s.list.list
	if l.Length() != 2 {
		t.Fatalf("%d rows", l.Length())
	}
	var xs []float32
	for i := range 2 {
		o := l.CreateItem()
		l.UpdateItem(i, o)
		laidOut(o)
		detail := o.(*fyne.Container).Objects[0].(*widget.Label)
		xs = append(xs, detail.Position().X)
	}
	if xs[0] != xs[1] {
		t.Errorf("the ID column starts at x=%v after one name and x=%v after the other", xs[0], xs[1])
	}
}

// The dashboard's management numbers line up the same way.
func TestDashboardMNoColumnStaysPut(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	for i, h := range []*data.Holder{f.addHolder("李明", validID), f.addHolder("欧阳娜娜娜", otherID)} {
		passed := data.NewDate(2013, 9, 20) // first registration long missed: one item each
		c := &data.Certificate{HolderID: h.ID, Level: data.LevelSocialWorker, MNo: fmt.Sprintf("2013S11000%d", i+1), ExamYear: 2013,
			PassedOn: passed, IssuedOn: passed.AddDays(60), Issuer: data.DefaultIssuer}
		if err := f.db.CreateCertificate(context.Background(), c); err != nil {
			t.Fatal(err)
		}
	}
	d := NewDashboard(f.svc, f.win)
	f.win.SetContent(d.Content())
	d.within.SetSelectedIndex(len(withinDays) - 1) // any time
	d.Refresh()
	xs := map[string]float32{}
	for i, it := range shownItems(d) {
		o := d.newRow()
		d.updateRow(i, o)
		laidOut(o)
		_, what, _, _ := rowTexts(o)
		// where the management number starts on screen: the label's place
		// in its line plus the width of any text before the number in it
		// (the line's own offset is the same on every row)
		before, _, ok := strings.Cut(what.Text, it.MNo)
		if !ok {
			t.Fatalf("row %q lacks %s", what.Text, it.MNo)
		}
		xs[it.Name] = what.Position().X + fyne.MeasureText(before, theme.TextSize(), what.TextStyle).Width
	}
	if len(xs) != 2 || xs["李明"] == 0 {
		t.Fatalf("rows for %v", xs)
	}
	if xs["李明"] != xs["欧阳娜娜娜"] {
		t.Errorf("the management number starts at %v after 李明 and %v after 欧阳娜娜娜", xs["李明"], xs["欧阳娜娜娜"])
	}
}
