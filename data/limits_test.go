package data

import (
	"reflect"
	"testing"
)

// "Check dimensions before decoding": the image's stated size alone says
// whether it is read, and the refusal says how large it is.
func TestCheckImageSize(t *testing.T) {
	cases := []struct {
		name string
		w, h int
		want string
		args map[string]any
	}{
		{"a 12-megapixel phone photo", 4032, 3024, "", nil},
		{"an A4 page at 300 dpi", 2480, 3508, "", nil},
		{"a 24-megapixel camera", 6000, 4000, "", nil},
		{"exactly 25 megapixels", 5000, 5000, "", nil},
		{"one pixel more", 5000, 5001, "err.image.too_large",
			map[string]any{"Width": "5,000", "Height": "5,001", "Megapixels": "25.0", "Max": 25}},
		{"an A4 page at 600 dpi", 4961, 7016, "err.image.too_large",
			map[string]any{"Width": "4,961", "Height": "7,016", "Megapixels": "34.8", "Max": 25}},
		{"a PNG header claiming 65,500 squared", 65500, 65500, "err.image.too_large",
			map[string]any{"Width": "65,500", "Height": "65,500", "Megapixels": "4,290", "Max": 25}},
		{"the largest a PNG can claim", 1<<31 - 1, 1<<31 - 1, "err.image.too_large",
			map[string]any{"Width": "2,147,483,647", "Height": "2,147,483,647", "Megapixels": "4,611,686,014,132", "Max": 25}},
		{"no pixels", 0, 10, "err.seal.bad_image", nil},
	}
	for _, c := range cases {
		err := CheckImageSize(c.w, c.h)
		if key(err) != c.want && !(c.want == "" && err == nil) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
			continue
		}
		if c.args != nil && !reflect.DeepEqual(AsError(err).Args, c.args) {
			t.Errorf("%s: args %v, want %v", c.name, AsError(err).Args, c.args)
		}
	}
}

// "read at most a cap + 1 byte": one byte over is enough to refuse.
func TestCheckInputSize(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, ""}, {MaxInputBytes, ""}, {MaxInputBytes + 1, "err.input.too_large"}} {
		if got := key(CheckInputSize(c.n)); got != c.want {
			t.Errorf("%d bytes: %q, want %q", c.n, got, c.want)
		}
	}
}

func TestGrouped(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 65500: "65,500", 1234567: "1,234,567", -1000: "-1,000"} {
		if got := Grouped(n); got != want {
			t.Errorf("Grouped(%d) = %q, want %q", n, got, want)
		}
	}
}

// A refusal names the column as the spreadsheet does, and sizes as a
// person reads them.
func TestColumnNameAndSizes(t *testing.T) {
	for col, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", 1000: "ALL", 16384: "XFD"} {
		if got := ColumnName(col); got != want {
			t.Errorf("column %d: %q, want %q", col, got, want)
		}
	}
	for n, want := range map[int64]string{200 << 20: "200.0", 340<<20 + 1: "340.0", 1 << 30: "1,024", 1 << 62: "4,398,046,511,104"} {
		if got := mebibytes(n); got != want {
			t.Errorf("%d bytes: %q, want %q", n, got, want)
		}
	}
	if CheckSheetSize(MaxSheetBytes) != nil || key(CheckSheetSize(MaxSheetBytes+1)) != "err.sheet.too_large" {
		t.Error("the size bound is not at MaxSheetBytes")
	}
	if CheckSheetRow(MaxSheetRows+1) != nil || key(CheckSheetRow(MaxSheetRows+2)) != "err.sheet.too_many_rows" {
		t.Error("the row bound is not MaxSheetRows below the header")
	}
}
