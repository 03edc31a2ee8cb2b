package app

import (
	"reflect"
	"testing"

	"github.com/swcert/swcert/data"
)

// The flag package's English never reaches a person: each of its
// refusals becomes a message of ours, naming the flag.
func TestFlagErrorsInWords(t *testing.T) {
	cases := []struct {
		args  []string
		key   string
		args2 map[string]any
	}{
		{[]string{"--nmae", "x"}, "cli.unknown_flag", map[string]any{"Flag": "--nmae"}},
		{[]string{"--days", "ninety"}, "cli.bad_flag_value", map[string]any{"Flag": "--days", "Value": "ninety"}},
		{[]string{"--json=maybe"}, "cli.bad_flag_value", map[string]any{"Flag": "--json", "Value": "maybe"}},
		{[]string{"--days"}, "cli.flag_needs_value", map[string]any{"Flag": "--days"}},
		{[]string{"---days", "9"}, "cli.bad_flag_syntax", map[string]any{"Flag": "---days"}},
		{[]string{"-h"}, "cli.flag_help", nil},
	}
	for _, c := range cases {
		fs := flags("test")
		fs.Int("days", 90, "")
		fs.Bool("json", false, "")
		_, err := parse(fs, c.args)
		e := data.AsError(err)
		if e == nil || e.Key != c.key || !reflect.DeepEqual(e.Args, c.args2) {
			t.Errorf("%v: %v, want %s %v", c.args, err, c.key, c.args2)
		}
	}
}
