package data

import (
	"fmt"
	"strings"
	"testing"
)

func ptr[T any](v T) *T { return &v }

func TestMergeImport(t *testing.T) {
	zhang := Holder{ID: 7, Name: "张三", IDType: IDResident, IDNumber: "11010519491231002X", Phone: "13800138000", Org: "阳光社工", Region: "北京市"}
	wang := Holder{ID: 8, Name: "王五", IDType: IDResident, IDNumber: "44030519900101123X"}
	anna := Holder{ID: 9, Name: "Anna Li", IDType: IDPassport, IDNumber: "E12345678"}
	revoked := Certificate{ID: 21, HolderID: 7, Level: LevelSocialWorker, MNo: "2022S110001", ExamYear: 2021,
		PassedOn: NewDate(2022, 6, 20), IssuedOn: NewDate(2022, 12, 1), Issuer: "北京市民政局", Status: StatusRevoked}
	savedZhang := ImportSaved{Holder: &zhang, Certificate: &revoked, Owner: &zhang}

	// A row as an agency's sheet gives it: name, ID number, level,
	// management number and the two dates, and whatever else is named.
	type row struct {
		HolderUpdate
		CertificateUpdate
	}
	zhangRow := func(change func(*row)) ImportRow {
		r := row{
			HolderUpdate: HolderUpdate{IDNumber: zhang.IDNumber, Name: ptr("张三")},
			CertificateUpdate: CertificateUpdate{MNo: "2022S110001", Level: ptr(LevelSocialWorker),
				PassedOn: ptr(NewDate(2022, 6, 20)), IssuedOn: ptr(NewDate(2022, 12, 1))},
		}
		if change != nil {
			change(&r)
		}
		return ImportRow{Line: 2, Holder: r.HolderUpdate, Certificate: r.CertificateUpdate}
	}
	newRow := func(id, name, mno string, change func(*row)) ImportRow {
		r := zhangRow(nil)
		r.Holder = HolderUpdate{IDNumber: id, Name: ptr(name)}
		r.Certificate.MNo = mno
		if change != nil {
			x := row{r.Holder, r.Certificate}
			change(&x)
			r.Holder, r.Certificate = x.HolderUpdate, x.CertificateUpdate
		}
		return r
	}

	cases := []struct {
		rule  string
		row   ImportRow
		saved ImportSaved
		want  string
	}{
		// Create gets the defaults.
		{"a new holder and certificate: the ID type follows from the number; the issuer, valid, and the exam year of the day passed are the defaults",
			newRow("44030519900101123X", "王五", "2022S440001", nil), ImportSaved{},
			"holder new 王五 resident phone= org= region=; certificate new social_worker 2022 2022-06-20 2022-12-01 人力资源和社会保障部 民政部 valid"},
		{"a number that starts with a letter is a passport",
			newRow("E12345678", "Anna Li", "2022S440002", nil), ImportSaved{},
			"holder new Anna Li passport phone= org= region=; certificate new social_worker 2022 2022-06-20 2022-12-01 人力资源和社会保障部 民政部 valid"},
		{"what the cells of a new record say is taken as said",
			newRow("44030519900101123X", "王五", "2022S440001", func(r *row) {
				r.Phone, r.Org, r.ExamYear, r.Issuer, r.Status = ptr("13800138001"), ptr("同心社工"), ptr(2021), ptr("广东省民政厅"), ptr(StatusRevoked)
			}), ImportSaved{},
			"holder new 王五 resident phone=13800138001 org=同心社工 region=; certificate new social_worker 2021 2022-06-20 2022-12-01 广东省民政厅 revoked"},
		{"a new certificate of a saved holder",
			newRow(zhang.IDNumber, "张三", "2024G110002", func(r *row) { r.Level = ptr(LevelSenior) }), ImportSaved{Holder: &zhang},
			"holder unchanged; certificate new senior 2022 2022-06-20 2022-12-01 人力资源和社会保障部 民政部 valid"},

		// Update changes only what the cells say.
		{"a sheet without the status, issuer and exam-year columns keeps them as saved",
			zhangRow(nil), savedZhang, "holder unchanged; certificate unchanged"},
		{"an empty phone cell keeps the saved phone; a new employer is changed, old → new",
			zhangRow(func(r *row) { r.Org = ptr("新单位") }), savedZhang,
			"holder updated [org: 阳光社工 → 新单位]; certificate unchanged"},
		{"a status cell 有效 makes a revoked certificate valid",
			zhangRow(func(r *row) { r.Status = ptr(StatusValid) }), savedZhang,
			"holder unchanged; certificate updated [status: revoked → valid]"},
		{"corrected dates and issuer are changed, each listed",
			zhangRow(func(r *row) { r.IssuedOn, r.Issuer = ptr(NewDate(2022, 12, 20)), ptr("民政部") }), savedZhang,
			"holder unchanged; certificate updated [issued_on: 2022-12-01 → 2022-12-20, issuer: 北京市民政局 → 民政部]"},
		{"a cell that says empty clears an optional field (a sheet's empty cell says nothing instead)",
			zhangRow(func(r *row) { r.Phone = ptr("") }), savedZhang,
			"holder updated [phone: 13800138000 → ]; certificate unchanged"},
		{"the same name in other letter case is the same person, spelled as the sheet spells it",
			newRow(anna.IDNumber, "ANNA  LI", "2022S440002", nil), ImportSaved{Holder: &anna},
			"holder updated [name: Anna Li → ANNA LI]; certificate new social_worker 2022 2022-06-20 2022-12-01 人力资源和社会保障部 民政部 valid"},

		// A row never changes who a record is about.
		{"a saved ID number under another name is refused, naming the saved name, not renamed",
			zhangRow(func(r *row) { r.Name = ptr("张叁") }), savedZhang, "name err.import.name_differs Saved=张三"},
		{"a management number saved for another holder's certificate is refused, naming them",
			newRow(wang.IDNumber, "王五", "2022S110001", nil), ImportSaved{Holder: &wang, Certificate: &revoked, Owner: &zhang},
			"mno err.import.mno_other_holder Name=张三"},
		{"… also when the row's holder is new",
			newRow("44030519900101123X", "王五", "2022S110001", nil), ImportSaved{Certificate: &revoked, Owner: &zhang},
			"mno err.import.mno_other_holder Name=张三"},
		{"a saved certificate at another level is refused: a certificate's level does not change",
			zhangRow(func(r *row) { r.Level = ptr(LevelAssistant) }), savedZhang,
			"level err.import.level_differs MNo=2022S110001 Saved=社会工作师"},

		// Every record is checked as it would be saved.
		{"a new holder needs a name", newRow("44030519900101123X", "", "2022S440001", func(r *row) { r.Name = nil }), ImportSaved{},
			"name err.required"},
		{"a new certificate needs its level", newRow("44030519900101123X", "王五", "2022S440001", func(r *row) { r.Level = nil }), ImportSaved{},
			"level err.required"},
		{"a new certificate needs the day it was passed", newRow("44030519900101123X", "王五", "2022S440001", func(r *row) { r.PassedOn = nil }), ImportSaved{},
			"passed_on err.required"},
		{"a new resident ID number needs its check character", newRow("110105194912310021", "李四", "2022S440001", nil), ImportSaved{},
			"id_number err.id.checksum"},
		{"a changed day passed before the saved exam year is refused",
			zhangRow(func(r *row) { r.PassedOn = ptr(NewDate(2020, 6, 20)) }), savedZhang, "passed_on err.date.before_exam Year=2021"},
		{"a phone that is not a mobile number is refused",
			zhangRow(func(r *row) { r.Phone = ptr("12345") }), savedZhang, "phone err.phone.format"},
	}
	for _, tc := range cases {
		m, err := MergeImport(tc.row, tc.saved, today)
		got := ""
		if err != nil {
			e := AsError(err)
			got = e.Field + " " + e.Key
			for _, k := range []string{"MNo", "Name", "Saved", "Year"} {
				if v, ok := e.Args[k]; ok {
					got += fmt.Sprintf(" %s=%v", k, v)
				}
			}
		} else {
			got = describeMerge(m)
		}
		if got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.rule, got, tc.want)
		}
	}
}

func describeMerge(m ImportMerge) string {
	var b strings.Builder
	h, c := m.Holder, m.Certificate
	b.WriteString("holder " + string(m.HolderOutcome))
	if m.HolderOutcome == ImportNew {
		fmt.Fprintf(&b, " %s %s phone=%s org=%s region=%s", h.Name, h.IDType, h.Phone, h.Org, h.Region)
	}
	writeChanges(&b, m.HolderChanges)
	b.WriteString("; certificate " + string(m.CertOutcome))
	if m.CertOutcome == ImportNew {
		fmt.Fprintf(&b, " %s %d %s %s %s %s", c.Level, c.ExamYear, c.PassedOn, c.IssuedOn, c.Issuer, c.Status)
	}
	writeChanges(&b, m.CertChanges)
	return b.String()
}

func writeChanges(b *strings.Builder, cs []FieldChange) {
	if len(cs) == 0 {
		return
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Field + ": " + c.Old + " → " + c.New
	}
	b.WriteString(" [" + strings.Join(parts, ", ") + "]")
}

func TestImportTallyCountsEachRecordOnce(t *testing.T) {
	merge := func(id string, h ImportOutcome, mno string, c ImportOutcome) ImportMerge {
		return ImportMerge{Holder: Holder{IDNumber: id}, HolderOutcome: h, Certificate: Certificate{MNo: mno}, CertOutcome: c}
	}
	cases := []struct {
		rule string
		rows []ImportMerge
		want string
	}{
		{"a new holder with two certificates on two rows: 3 new records",
			[]ImportMerge{merge("A", ImportNew, "1", ImportNew), merge("A", ImportUnchanged, "2", ImportNew)}, "3 new, 0 updated, 0 unchanged"},
		{"a holder the first row creates and the next changes stays new",
			[]ImportMerge{merge("A", ImportNew, "1", ImportNew), merge("A", ImportUpdated, "2", ImportNew)}, "3 new, 0 updated, 0 unchanged"},
		{"a saved holder on two rows, changed by the second: updated, once",
			[]ImportMerge{merge("A", ImportUnchanged, "1", ImportUnchanged), merge("A", ImportUpdated, "2", ImportUnchanged)}, "0 new, 1 updated, 2 unchanged"},
		{"… and changed by the first only: still updated",
			[]ImportMerge{merge("A", ImportUpdated, "1", ImportUnchanged), merge("A", ImportUnchanged, "2", ImportUnchanged)}, "0 new, 1 updated, 2 unchanged"},
		{"a sheet imported again: every record unchanged",
			[]ImportMerge{merge("A", ImportUnchanged, "1", ImportUnchanged), merge("B", ImportUnchanged, "2", ImportUnchanged)}, "0 new, 0 updated, 4 unchanged"},
	}
	for _, tc := range cases {
		var tally ImportTally
		for _, m := range tc.rows {
			tally.Add(m)
		}
		if got := fmt.Sprintf("%d new, %d updated, %d unchanged", tally.Imported, tally.Updated, tally.Unchanged); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.rule, got, tc.want)
		}
	}
}

func TestImportGoesAhead(t *testing.T) {
	cases := []struct {
		rule           string
		good, bad      int
		goodOnly, want bool
	}{
		{"every row good: all are written", 10, 0, false, true},
		{"one bad row: nothing is written", 9, 1, false, false},
		{"one bad row, the good ones asked for: they are written", 9, 1, true, true},
		{"every row bad: nothing to write", 0, 3, true, false},
		{"no rows (the template's example alone): nothing to write", 0, 0, false, false},
	}
	for _, tc := range cases {
		if got := ImportGoesAhead(tc.good, tc.bad, tc.goodOnly); got != tc.want {
			t.Errorf("%s: %v", tc.rule, got)
		}
	}
}
