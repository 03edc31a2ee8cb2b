package assets

import (
	"encoding/json"
	"sync"
)

// The words of the documents (issue #15, one vocabulary): a field is
// called the same in the window, the command line, the PDFs and the
// spreadsheets, because all of them take its name from the translations,
// "field.exam_year" and the like. The window and the command line read
// them through i18n; the PDFs and the sheets, which sit below it,
// through Word.

// Languages of Word: the message files' names.
const (
	Chinese = "zh_Hans"
	English = "en"
)

var (
	wordsOnce sync.Once
	words     map[string]map[string]string
)

// Word is the translation of key in lang as the message file holds it
// (placeholders untouched). A key the file lacks is a bug the tests
// catch: it comes back as the key itself, visibly.
func Word(lang, key string) string {
	wordsOnce.Do(func() {
		words = map[string]map[string]string{}
		for _, l := range []string{Chinese, English} {
			m := map[string]string{}
			if b, err := Translations.ReadFile("translations/" + l + ".json"); err == nil {
				_ = json.Unmarshal(b, &m) // a broken file fails the i18n tests
			}
			words[l] = m
		}
	})
	if w, ok := words[lang][key]; ok {
		return w
	}
	return key
}
