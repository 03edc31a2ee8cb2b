package screens

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/sheet"
	"github.com/swcert/swcert/screens/i18n"
)

func TestImportShowsBadRowsThenImportsTheGoodOnes(t *testing.T) {
	f := newFixture(t, i18n.English)
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	var b bytes.Buffer
	rows := [][]string{
		{"姓名", "证件号码", "级别", "管理号", "合格日期", "发证日期"},
		{"张三", "11010519491231002X", "社会工作师", "2022S110001", "2022-09-20", "2022-12-01"},
		{"李四", "110105194912310021", "社会工作师", "2022S110002", "2022-09-20", "2022-12-01"},
	}
	if err := sheet.Write("staff.xlsx", &b, rows[0], rows[1:]); err != nil {
		t.Fatal(err)
	}
	m.importFile("staff.xlsx", b.Bytes())
	text := f.dialogText()
	if !strings.Contains(text, "2 rows checked; 1 have problems") {
		t.Errorf("report %q", text)
	}
	if hs, _ := f.db.FindHolders(context.Background(), data.HolderFilter{}); len(hs) != 0 {
		t.Fatal("the dry run wrote")
	}
	f.tapDialogButton("Import the 1 good rows")
	hs, _ := f.db.FindHolders(context.Background(), data.HolderFilter{})
	if len(hs) != 1 || hs[0].Name != "张三" {
		t.Errorf("imported %+v", hs)
	}
}
