package app

import "github.com/swcert/swcert/data"

// word reads a coded value given on the command line by its code or its
// Chinese name (DOMAIN.md, words in Chinese). Anything else is passed on as
// typed, for the rule that checks the field to refuse it by name.
func word[T ~string](values []T, s string) T {
	if v, ok := data.ParseWord(values, s); ok {
		return v
	}
	return T(s)
}
