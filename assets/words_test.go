package assets

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// Every word the documents and sheets take from the translations is there,
// in both languages: a missing one would print its key on a page.
func TestDocumentWordsExist(t *testing.T) {
	uses := regexp.MustCompile(`(?:\bzh|\ben)\("([a-z_]+)"\)|Word\(assets\.(?:Chinese|English), "([a-z_.]+)"(?:\+[a-z.]+)?\)|rosterCol\("([a-z_]+)"`)
	keys := map[string]bool{}
	for _, dir := range []string{"../data/pdf", "../data/sheet", "../data/docs"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range uses.FindAllStringSubmatch(string(b), -1) {
				switch {
				case m[1] != "":
					keys["field."+m[1]] = true
				case m[2] != "":
					keys[m[2]] = true
				case m[3] != "":
					keys["sheet.col."+m[3]] = true
				}
			}
		}
	}
	if len(keys) < 20 {
		t.Fatalf("found only %d uses: %v", len(keys), keys)
	}
	for k := range keys {
		if k[len(k)-1] == '.' { // a prefix, its names checked where they are listed
			continue
		}
		for _, lang := range []string{Chinese, English} {
			if Word(lang, k) == k {
				t.Errorf("%s has no %q", lang, k)
			}
		}
	}
}
