package data

import (
	"strings"
	"unicode"
)

// Redact is what may be written to a log of text that might hold an ID or
// phone number (an error from the store can quote a value it could not
// read). ID and phone numbers are never logged (PIPL; see DOMAIN.md), and
// a log line cannot know which of its words are such numbers, so every
// word with seven or more digits in a row is replaced: mainland ID numbers
// (18 or 15 characters), mobile numbers (11 digits), permit and passport
// numbers (a letter or two and 8 or 9 digits). A number typed in groups
// ("138 0013 8000", "138-0013-8000") goes too when its groups together
// have 11 digits or more. Dates and times (2026-11-22 10:00:00), line
// numbers and management numbers (2022S11A0001) have shorter runs and stay.
func Redact(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !isWordRune(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		// A run of words joined by single spaces or hyphens, each word
		// all digits, is one number typed in groups.
		end, digits := word(rs, i)
		groupEnd, groupDigits := end, digits
		if allDigits(rs[i:end]) {
			for groupEnd+1 < len(rs) && (rs[groupEnd] == ' ' || rs[groupEnd] == '-') && unicode.IsDigit(rs[groupEnd+1]) {
				e, d := word(rs, groupEnd+1)
				if !allDigits(rs[groupEnd+1 : e]) {
					break
				}
				groupEnd, groupDigits = e, groupDigits+d
			}
		}
		switch {
		case groupDigits >= 11 && groupEnd > end:
			b.WriteString(redacted)
			i = groupEnd
		case digits >= 7:
			b.WriteString(redacted)
			i = end
		default:
			b.WriteString(string(rs[i:end]))
			i = end
		}
	}
	return b.String()
}

const redacted = "[redacted]"

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// word returns the end of the word starting at i and its longest run of
// digits.
func word(rs []rune, i int) (end, digits int) {
	run := 0
	for end = i; end < len(rs) && isWordRune(rs[end]); end++ {
		if unicode.IsDigit(rs[end]) {
			run++
			digits = max(digits, run)
		} else {
			run = 0
		}
	}
	return end, digits
}

func allDigits(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return len(rs) > 0
}
