package i18n

import (
	"time"

	"github.com/swcert/swcert/data"
)

// Time shows an instant as people read it here: Beijing time, to the
// minute, saying so (DOMAIN.md, the clock), whatever the machine's zone.
func Time(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return T("time.beijing", "Time", data.FormatTime(t))
}

// Unix is Time for the seconds a seal states.
func Unix(sec int64) string { return Time(time.Unix(sec, 0)) }
