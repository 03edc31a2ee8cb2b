package sheet

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/swcert/swcert/data"
)

var today = data.NewDate(2026, 11, 22)

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

func TestParseReportsExactlyTheBadRows(t *testing.T) {
	for _, format := range []string{"x.xlsx", "x.csv"} {
		var b bytes.Buffer
		if err := Write(format, &b, agencySheet[0], agencySheet[1:]); err != nil {
			t.Fatal(err)
		}
		tab, err := Read(format, &b)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		rows, errs, err := Parse(tab, today)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range errs {
			got = append(got, strings.Join([]string{itoa(e.Row), e.Column, data.AsError(e.Err).Key}, ":"))
		}
		want := "3:身份证号:err.id.checksum 4:证书级别:err.level.unknown 5:证书管理号:err.sheet.mno_twice 7:签发日期:err.date.issued_before_passed"
		if strings.Join(got, " ") != want {
			t.Errorf("%s: errors\n%s\nwant\n%s", format, strings.Join(got, " "), want)
		}
		if len(rows) != 2 || rows[0].Line != 2 || rows[0].Certificate.Level != data.LevelSocialWorker || rows[0].Holder.Phone != "13800138000" ||
			rows[0].Certificate.ExamYear != 2022 || rows[1].Holder.IDType != data.IDPassport || rows[1].Holder.Phone != "13800138001" {
			t.Fatalf("%s: rows %+v", format, rows)
		}
		if rows[1].Certificate.IssuedOn.String() != "2024-12-01" {
			t.Errorf("%s: serial date read as %s", format, rows[1].Certificate.IssuedOn)
		}
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
	rows, errs, err := Parse(tab, today)
	if err != nil || len(errs) != 0 || len(rows) != 1 || rows[0].Holder.Name != "张三" {
		t.Errorf("GB18030 CSV: %+v %+v %v", rows, errs, err)
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
