package screens

import (
	"testing"

	"github.com/swcert/swcert/i18n"
)

// Found by using it: a search that excluded the holder shown left them in
// the form as if they were a result ("没有与“李”匹配的持证人" above, 张伟's
// record beside it). The form keeps them (it may hold edits; the other tabs
// share the selection), and the list says they are not among its rows.
func TestHolderFilteredAwayIsMarked(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	f.addHolder("张伟", validID)
	f.addHolder("李娜", "110105194912310038")
	m := NewMain(f.app, f.win, f.svc, "test", "zh-CN")
	m.Install()
	m.Certificates.SearchDelay, m.Register.picker.SearchDelay = 0, 0 // searched as typed
	s := m.Certificates
	s.list.list.Select(0) // 张伟 (names sort by code point: 张 before 李)
	if s.holder.h == nil || s.holder.h.Name != "张伟" {
		t.Fatalf("picked %+v", s.holder.h)
	}
	if !s.list.outside.Hidden {
		t.Fatalf("marked before any search: %q", s.list.outside.Text)
	}
	typeInto(s.list.search, "李")
	if s.list.outside.Hidden || s.list.outside.Text != "右侧显示的持证人与“李”不匹配，不在此列表中。" {
		t.Errorf("张伟 filtered away, unmarked: %v %q", s.list.outside.Hidden, s.list.outside.Text)
	}
	if s.holder.h == nil || s.holder.h.Name != "张伟" {
		t.Errorf("the form dropped the holder: %+v", s.holder.h)
	}
	typeInto(s.list.search, "张")
	if !s.list.outside.Hidden {
		t.Errorf("张伟 matches 张, still marked: %q", s.list.outside.Text)
	}
	// Picking the row the search found clears the mark.
	typeInto(s.list.search, "李")
	s.list.list.Select(0)
	if !s.list.outside.Hidden || s.holder.h.Name != "李娜" {
		t.Errorf("picked 李娜: mark %v %q, form %s", s.list.outside.Hidden, s.list.outside.Text, s.holder.h.Name)
	}

	// The other tabs, which follow the selection, say the same.
	m.showTab(m.CELog.Content())
	typeInto(m.CELog.list.search, "张")
	if m.CELog.list.outside.Hidden {
		t.Errorf("CE tab: 李娜 shown, search 张: unmarked")
	}
	m.showTab(m.Register.Content())
	typeInto(m.Register.picker.list.search, "张")
	if m.Register.picker.list.outside.Hidden {
		t.Errorf("registration tab: 李娜 shown, search 张: unmarked")
	}
}
