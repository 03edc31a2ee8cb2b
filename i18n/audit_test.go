package i18n

import (
	"testing"

	"github.com/swcert/swcert/data"
)

// Every table, operation and break an entry of the audit log can name
// has its words in both languages (the keys are built, not literal).
func TestAuditWordsInBothLanguages(t *testing.T) {
	en, zh := loadFile(t, "en.json"), loadFile(t, "zh_Hans.json")
	var keys []string
	for _, table := range data.AuditTables {
		keys = append(keys, "audit.table."+table)
	}
	for _, op := range []string{data.AuditInsert, data.AuditUpdate, data.AuditDelete} {
		keys = append(keys, "audit.op."+op)
	}
	for _, r := range []string{data.AuditAltered, data.AuditMissing, data.AuditOutOfOrder} {
		keys = append(keys, "audit.broken."+r)
	}
	for _, k := range keys {
		if _, ok := en[k]; !ok {
			t.Errorf("en.json lacks %q", k)
		}
		if _, ok := zh[k]; !ok {
			t.Errorf("zh_Hans.json lacks %q", k)
		}
	}
}

// A change in the log is said with the column's words: a flag kept as
// 0/1 reads as no/yes, a column a form labels otherwise has its own
// label ("Data" is the holder list's column of demo and real).
func TestAuditChangeWords(t *testing.T) {
	SetLanguage(English)
	defer SetLanguage(English)
	for _, c := range []struct {
		op   string
		ch   data.AuditChange
		want string
	}{
		{data.AuditInsert, data.AuditChange{Field: "demo", After: "0"}, "Demo holder: no"},
		{data.AuditUpdate, data.AuditChange{Field: "demo", Before: "1", After: "0"}, "Demo holder: yes → no"},
		{data.AuditInsert, data.AuditChange{Field: "own", After: "1"}, "This installation's key: yes"},
		{data.AuditUpdate, data.AuditChange{Field: "org", Before: "旧单位", After: "新单位"}, "Employer: 旧单位 → 新单位"},
		{data.AuditUpdate, data.AuditChange{Field: "org", Before: "", After: "新单位"}, "Employer: (empty) → 新单位"},
		{data.AuditDelete, data.AuditChange{Field: "cert_id", Before: "7"}, "Certificate: 7"},
		{data.AuditDelete, data.AuditChange{Field: "row_key", Before: "7"}, "row_key: 7"},
	} {
		if got := AuditChange(c.op, c.ch); got != c.want {
			t.Errorf("%s %+v: %q, want %q", c.op, c.ch, got, c.want)
		}
	}
	SetLanguage(Chinese)
	if got := AuditChange(data.AuditInsert, data.AuditChange{Field: "demo", After: "0"}); got != "演示持证人: 否" {
		t.Errorf("in Chinese: %q", got)
	}
}
