// Package i18n translates SWCert's own strings and application errors into
// the user's language: Simplified Chinese or English.
//
// The message files are assets/translations/{en,zh_Hans}.json in go-i18n's
// format, the format of Fyne's lang package. Fyne's lang can only follow
// the system locale, and the language here must be switchable in Settings
// and remembered on every OS; so our strings go through a localizer of
// their own, bound to the language chosen (go-i18n, the engine under Fyne's
// lang), and Fyne's own texts are made to follow it (screens/language.go,
// since this package, which the command line uses too, has no Fyne).
package i18n

import (
	"encoding/json"
	"errors"
	"io/fs"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/swcert/swcert/assets"
	"github.com/swcert/swcert/data"
)

// The languages SWCert speaks, as stored in preferences and given to --lang.
const (
	Chinese = "zh"
	English = "en"
)

var (
	mu        sync.RWMutex
	bundle    *i18n.Bundle
	localizer *i18n.Localizer
	current   = English
	loadErr   error
)

func init() {
	bundle = i18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	loadErr = fs.WalkDir(assets.Translations, "translations", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		b, err := fs.ReadFile(assets.Translations, path)
		if err != nil {
			return err
		}
		_, err = bundle.ParseMessageFileBytes(b, path)
		return err
	})
	localizer = i18n.NewLocalizer(bundle, English)
}

// LoadError reports a broken translation file (tested, so never in a release).
func LoadError() error { return loadErr }

// Resolve turns a preference ("zh", "en", or "" for the system's) and the
// system locale (as "zh-CN", "en-US", ...) into one of the two languages.
func Resolve(pref, system string) string {
	switch strings.ToLower(pref) {
	case Chinese, "zh_hans", "zh-hans", "zh-cn", "cn":
		return Chinese
	case English:
		return English
	}
	if strings.HasPrefix(strings.ToLower(system), "zh") {
		return Chinese
	}
	return English
}

// SetLanguage switches every later translation to lang (Chinese or English).
func SetLanguage(lang string) {
	mu.Lock()
	defer mu.Unlock()
	if lang == Chinese {
		current = Chinese
		localizer = i18n.NewLocalizer(bundle, "zh-Hans", "en")
	} else {
		current = English
		localizer = i18n.NewLocalizer(bundle, English)
	}
}

// Language is the language in use.
func Language() string {
	mu.RLock()
	defer mu.RUnlock()
	return current
}

// T translates the message key, filling its template with args given as
// key, value pairs ("Max", 50) or as one map. A missing key shows the key
// itself, which a test of the translation files catches. A count of one
// takes the message's singular, KEY.one, when it has one (see one).
func T(key string, args ...any) string {
	var tmpl map[string]any
	if len(args) == 1 {
		if m, ok := args[0].(map[string]any); ok {
			tmpl = m
		}
	} else if len(args) > 1 {
		tmpl = make(map[string]any, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			if k, ok := args[i].(string); ok {
				tmpl[k] = args[i+1]
			}
		}
	}
	mu.RLock()
	l := localizer
	mu.RUnlock()
	if one(tmpl) { // "1 certificate", not "1 certificate(s)"
		if s, err := l.Localize(&i18n.LocalizeConfig{MessageID: key + ".one", TemplateData: tmpl}); err == nil {
			return s
		}
	}
	s, err := l.Localize(&i18n.LocalizeConfig{MessageID: key, TemplateData: tmpl})
	if err != nil {
		return key
	}
	return s
}

// one says the message counts exactly one thing: its Count (or, without
// one, its Days) is 1. A message whose noun follows that number has a
// second key, KEY.one, with the singular ("1 day overdue"); the key
// itself has the plural. Chinese needs none, and the files say the same
// in both keys. (The files stay flat strings, read as such elsewhere, so
// go-i18n's nested plural forms are not used.)
func one(tmpl map[string]any) bool {
	n, ok := tmpl["Count"]
	if !ok {
		n = tmpl["Days"]
	}
	switch v := n.(type) {
	case int:
		return v == 1
	case int64:
		return v == 1
	}
	return false
}

// Field is the label of a data-model field ("id_number" → "证件号码").
func Field(name string) string { return T("field." + name) }

// Message is what a person reads for err: the translated message of an
// application error; anything else goes through Internal (its detail to
// the log, never to the screen; a plain sentence to the person).
func Message(err error) string {
	if err == nil {
		return ""
	}
	var e *data.Error
	if !errors.As(err, &e) {
		return Internal(err)
	}
	msg := T(e.Key, e.Args)
	if row, ok := e.Args["Row"]; ok { // from a batch: which record is wrong
		return T("err.row", "Row", row, "Message", msg)
	}
	return msg
}

// FieldMessage is Message prefixed with the field's label, for messages
// shown away from the field (the CLI, a dialog): "证件号码：校验位应为 X".
func FieldMessage(err error) string {
	e := data.AsError(err)
	if e == nil || e.Field == "" {
		return Message(err)
	}
	return T("err.field_prefix", "Field", Field(e.Field), "Message", Message(err))
}
