package data

import "testing"

// Every coded value the sources name in Chinese is read by its code and by
// each of its names, and the name printed reads back as the same value.
func TestWordsReadBack(t *testing.T) {
	check := func(kind string, codes []string, parse func(string) (string, bool), printed func(string) string) {
		t.Helper()
		seen := map[string]string{}
		for _, c := range codes {
			name := printed(c)
			if name == c {
				t.Errorf("%s %s has no Chinese name", kind, c)
			}
			if other, dup := seen[name]; dup {
				t.Errorf("%s: %q names both %s and %s", kind, name, other, c)
			}
			seen[name] = c
			for _, in := range []string{c, name, " " + name + " "} {
				if got, ok := parse(in); !ok || got != c {
					t.Errorf("%s: %q reads as %q, want %s", kind, in, got, c)
				}
			}
		}
		if _, ok := parse("不存在"); ok {
			t.Errorf("%s: an unknown word was read", kind)
		}
	}
	check("scene", strs(Scenes), parser(Scenes), namer[Scene])
	check("level", strs(Levels), parser(Levels), namer[Level])
	check("certificate status", strs(CertStatuses), parser(CertStatuses), namer[CertStatus])
	check("ID type", strs(IDTypes), parser(IDTypes), namer[IDType])
	check("annotation state", strs(AnnotationStates), parser(AnnotationStates), namer[AnnotationState])
	check("registration kind", strs(RegKinds), parser(RegKinds), namer[RegKind])
	check("registration status", strs(RegStatuses), parser(RegStatuses), namer[RegStatus])
	check("CE kind", strs(CEKinds()), parser(CEKinds()), namer[CEKind])
	check("review", strs(Reviews), parser(Reviews), namer[Review])
	check("paper method", strs(PaperMethods), parser(PaperMethods), namer[PaperMethod])
	check("paper status", strs(PaperStatuses), parser(PaperStatuses), namer[PaperStatus])
	check("sex", strs(Sexes), parser(Sexes), namer[Sex])
	check("fee", strs(Fees), parser(Fees), namer[Fee])
	check("attention kind", strs(AttentionKinds), parser(AttentionKinds), namer[AttentionKind])

	// The same word in two lists is two values: 待审核 is a registration
	// status and a review.
	if s, _ := ParseWord(RegStatuses, "待审核"); s != RegPending {
		t.Errorf("待审核 as a registration status: %q", s)
	}
	if r, _ := ParseWord(Reviews, "待审核"); r != ReviewPending {
		t.Errorf("待审核 as a review: %q", r)
	}
	if got, ok := ParseWord(Scenes, "SELF"); !ok || got != SceneSelf {
		t.Errorf("codes are read in any case: %q", got)
	}
}

func strs[T ~string](v []T) []string {
	out := make([]string, len(v))
	for i, x := range v {
		out[i] = string(x)
	}
	return out
}

func parser[T ~string](values []T) func(string) (string, bool) {
	return func(s string) (string, bool) {
		v, ok := ParseWord(values, s)
		return string(v), ok
	}
}

func namer[T ~string](code string) string { return Chinese(T(code)) }
