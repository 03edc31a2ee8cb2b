package app

import (
	"bytes"
	"testing"
)

func TestTableAlignsHanCharacters(t *testing.T) {
	var tb table
	tb.add("ID", "Name", "Employer")
	tb.add(1, "欧阳娜娜", "同心（演示）")
	tb.add(22, "Li Na", "")
	var b bytes.Buffer
	tb.write(&b)
	want := "ID  Name      Employer\n" +
		"1   欧阳娜娜  同心（演示）\n" +
		"22  Li Na\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
