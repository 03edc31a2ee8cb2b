package i18n

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
)

// An error that is not an application error reaches a person as a plain
// sentence; its chain reaches the log, without the ID or phone number a
// driver may quote.
func TestInternalErrorIsLoggedAndShownPlain(t *testing.T) {
	var buf bytes.Buffer
	defer SetLogger(log.New(&buf, "", 0))()
	SetLanguage(Chinese)
	defer SetLanguage(English)

	cause := errors.New(`converting driver.Value type string ("11010519491231002X") to a int64: invalid syntax`)
	err := fmt.Errorf("store: load holder: %w", cause)
	got := Message(err)
	if got != T("err.internal") || strings.Contains(got, "store") {
		t.Errorf("shown %q", got)
	}
	logged := buf.String()
	for _, want := range []string{"store: load holder: converting driver.Value", "*fmt.wrapError > *errors.errorString", "i18n/internal_test.go:"} {
		if !strings.Contains(logged, want) {
			t.Errorf("log lacks %q:\n%s", want, logged)
		}
	}
	if strings.Contains(logged, "11010519491231002X") {
		t.Errorf("the ID number was logged:\n%s", logged)
	}
}

// An application error is the person's to act on: shown, not logged.
func TestApplicationErrorIsNotLogged(t *testing.T) {
	var buf bytes.Buffer
	defer SetLogger(log.New(&buf, "", 0))()
	if got := FieldMessage(fmt.Errorf("row 3: %w", data.Invalid("id_number", "err.id.checksum", "Want", "X"))); !strings.Contains(got, "X") {
		t.Errorf("shown %q", got)
	}
	if buf.Len() != 0 {
		t.Errorf("logged %q", buf.String())
	}
}
