package i18n

import (
	"testing"

	"github.com/swcert/swcert/data"
)

// What the window and the command line print with --lang zh can be typed
// back into the command line and an import (DOMAIN.md, words in Chinese).
func TestChineseTextsReadBack(t *testing.T) {
	SetLanguage(Chinese)
	defer SetLanguage(English)
	check := func(prefix string, codes []string, parse func(string) (string, bool)) {
		t.Helper()
		for _, c := range codes {
			shown := T(prefix + c)
			if got, ok := parse(shown); !ok || got != c {
				t.Errorf("%s%s is shown as %q, which reads back as %q", prefix, c, shown, got)
			}
		}
	}
	check("level.", strs(data.Levels), wordParser(data.Levels))
	check("status.", strs(data.CertStatuses), wordParser(data.CertStatuses))
	check("id_type.", strs(data.IDTypes), wordParser(data.IDTypes))
	check("scene.", strs(data.Scenes), wordParser(data.Scenes))
	check("annotation.state.", strs(data.AnnotationStates), wordParser(data.AnnotationStates))
	check("reg.kind.", strs(data.RegKinds), wordParser(data.RegKinds))
	check("reg.status.", strs(data.RegStatuses), wordParser(data.RegStatuses))
	check("ce.kind.", strs(data.CEKinds()), wordParser(data.CEKinds()))
	check("ce.review.", strs(data.Reviews), wordParser(data.Reviews))
	check("paper.method.", strs(data.PaperMethods), wordParser(data.PaperMethods))
	check("paper.status.", strs(data.PaperStatuses), wordParser(data.PaperStatuses))
	check("sex.", strs(data.Sexes), wordParser(data.Sexes))
	check("fee.", strs(data.Fees), wordParser(data.Fees))
	check("att.kind.", strs(data.AttentionKinds), wordParser(data.AttentionKinds))
}

func strs[T ~string](v []T) []string {
	out := make([]string, len(v))
	for i, x := range v {
		out[i] = string(x)
	}
	return out
}

func wordParser[T ~string](values []T) func(string) (string, bool) {
	return func(s string) (string, bool) {
		v, ok := data.ParseWord(values, s)
		return string(v), ok
	}
}
