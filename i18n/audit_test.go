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
