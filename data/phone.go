package data

import "strings"

// NormalizePhone drops spaces and dashes people type into numbers
// ("138 0013 8000", "138-0013-8000") and a leading +86 or 86.
func NormalizePhone(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '\u00a0' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if strings.HasPrefix(s, "+86") {
		s = s[3:]
	} else if len(s) == 13 && strings.HasPrefix(s, "86") {
		s = s[2:]
	}
	return s
}

// ValidateMobile checks a mainland mobile number: 11 digits starting with 1.
// An empty number is allowed (the phone is optional); callers that require
// one check for emptiness themselves.
func ValidateMobile(field, s string) error {
	if s == "" {
		return nil
	}
	if len(s) != 11 || !isDigits(s) || s[0] != '1' || s[1] < '3' {
		return Invalid(field, "err.phone.format")
	}
	return nil
}

// ValidateRequiredMobile is ValidateMobile for a number that must be there:
// the courier calls the recipient.
func ValidateRequiredMobile(field, s string) error {
	if s == "" {
		return Invalid(field, "err.required")
	}
	return ValidateMobile(field, s)
}

// MaskPhone keeps the first 3 and last 4 digits: 138****8000.
func MaskPhone(s string) string {
	if len(s) < 8 {
		return strings.Repeat("*", len(s))
	}
	return s[:3] + strings.Repeat("*", len(s)-7) + s[len(s)-4:]
}
