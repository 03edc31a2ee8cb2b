package sheet

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/swcert/swcert/data"
)

// agencySheet is how agencies' sheets come: Chinese synonyms, columns in
// their own order, levels in Chinese, dates typed various ways.
var agencySheet = [][]string{
	{"序号", "身份证号", "姓名", "单位", "证书级别", "证书管理号", "签发日期", "通过日期", "联系电话"},
	{"1", "11010519491231002X", "张三", "阳光社工", "社会工作师", "2022S110001", "2022-12-01", "2022/9/20", "13800138000"},
	{"2", "110105194912310021", "李四", "阳光社工", "助理社会工作师", "2022Z110002", "2022-12-01", "2022-09-20", ""},   // bad check character
	{"3", "44030519900101123X", "王五", "同心社工", "高级", "2022G110003", "2022-12-01", "2022-09-20", ""},        // unknown level
	{"4", "44030519900101123X", "王五", "同心社工", "assistant", "2022S110001", "2022-12-01", "2022-09-20", ""}, // same management number as row 2
	{"", "", "", "", "", "", "", "", ""},
	{"6", "44030519900101123X", "王五", "同心社工", "senior", "2023G110004", "2023-12-01", "2024-09-20", ""},  // issued before passed
	{"7", "E12345678", "Anna Li", "", "助理社会工作师", "2024Z110005", "45627", "2024-09-20", "138 0013 8001"}, // a date cell's serial number
}

// Parse finds the cells that do not read; whether a row fits the rules and
// what is saved is data.MergeImport's (docs.TestImportSheetReportsEveryBadRow).
func TestParseReportsTheCellsThatDoNotRead(t *testing.T) {
	for _, format := range []string{"x.xlsx", "x.csv"} {
		var b bytes.Buffer
		if err := Write(format, &b, agencySheet[0], agencySheet[1:]); err != nil {
			t.Fatal(err)
		}
		tab, err := Read(format, &b)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		p, err := Parse(tab)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range p.Errors {
			got = append(got, strings.Join([]string{itoa(e.Row), e.Column, data.AsError(e.Err).Key}, ":"))
		}
		want := "4:证书级别:err.level.unknown 5:证书管理号:err.sheet.mno_twice"
		if strings.Join(got, " ") != want {
			t.Errorf("%s: errors\n%s\nwant\n%s", format, strings.Join(got, " "), want)
		}
		var lines []int
		for _, r := range p.Rows {
			lines = append(lines, r.Line)
		}
		if fmt.Sprint(lines) != "[2 3 7 8]" {
			t.Fatalf("%s: rows %v", format, lines)
		}
		zhang, anna := p.Rows[0], p.Rows[3]
		if *zhang.Certificate.Level != data.LevelSocialWorker || *zhang.Holder.Phone != "13800138000" || *zhang.Holder.Org != "阳光社工" ||
			zhang.Certificate.PassedOn.String() != "2022-09-20" || anna.Holder.IDNumber != "E12345678" || *anna.Holder.Phone != "138 0013 8001" {
			t.Errorf("%s: rows %+v", format, p.Rows)
		}
		if anna.Certificate.IssuedOn.String() != "2024-12-01" {
			t.Errorf("%s: serial date read as %s", format, anna.Certificate.IssuedOn)
		}
		// What the sheet does not say stays unsaid: no such column, or an
		// empty cell (李四's phone, Anna Li's employer).
		li := p.Rows[1]
		if zhang.Certificate.ExamYear != nil || zhang.Certificate.Status != nil || zhang.Certificate.Issuer != nil || zhang.Holder.IDType != nil ||
			zhang.Holder.Region != nil || li.Holder.Phone != nil || anna.Holder.Org != nil {
			t.Errorf("%s: a cell said something it did not: %+v %+v %+v", format, zhang, li, anna)
		}
	}
}

// The template's example row is skipped, however the rest was filled in,
// and so is an older template's; a row typed over it is the user's.
func TestTemplateExampleRowIsRecognised(t *testing.T) {
	h := TemplateHeader
	example := TemplateExample
	typedOver := append([]string{}, example...)
	typedOver[0], typedOver[2], typedOver[7] = "王五", "44030519900101123X", "2022S440001"
	nameOnly := append([]string{}, example...)
	nameOnly[0] = "王五" // the name typed, the example's numbers left
	older := append([]string{}, example...)
	older[0] = "张三（示例，导入前请删除）"
	tab := &Table{Header: h, Rows: [][]string{example, typedOver, nameOnly, older}}
	p, err := Parse(tab)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(p.Example) != "[2 4 5]" || len(p.Rows) != 1 || p.Rows[0].Line != 3 || len(p.Errors) != 0 {
		t.Errorf("example rows %v, rows %+v, errors %+v", p.Example, p.Rows, p.Errors)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestGB18030CSV(t *testing.T) {
	csv := "姓名,证件号码,级别,管理号,合格日期,发证日期\r\n张三,11010519491231002X,社会工作师,2022S110001,2022-09-20,2022-12-01\r\n"
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String(csv)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Read("staff.csv", strings.NewReader(gbk))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(tab)
	if err != nil || len(p.Errors) != 0 || len(p.Rows) != 1 || *p.Rows[0].Holder.Name != "张三" {
		t.Errorf("GB18030 CSV: %+v %v", p, err)
	}
}

func TestHeaderProblems(t *testing.T) {
	for _, tc := range []struct {
		header []string
		key    string
	}{
		{[]string{"姓名", "证件号码"}, "err.sheet.missing_columns"},
		{[]string{"姓名", "身份证号", "证件号码", "级别", "管理号"}, "err.sheet.header_twice"},
	} {
		if _, err := MapHeader(tc.header); data.AsError(err) == nil || data.AsError(err).Key != tc.key {
			t.Errorf("%v: %v, want %s", tc.header, err, tc.key)
		}
	}
	if _, err := Read("x.txt", strings.NewReader("")); data.AsError(err) == nil {
		t.Error("a .txt file read")
	}
}

// A date cell with a time of day keeps its calendar day: 45443.9 is
// 2024-05-31 21:36, which must not become 1 June in Beijing time.
func TestDateCellKeepsItsDay(t *testing.T) {
	d, err := cellDate("45443.9")
	if err != nil || d.String() != "2024-05-31" {
		t.Errorf("%s %v", d, err)
	}
}
