package store

import (
	"fmt"
	"testing"

	"github.com/swcert/swcert/data"
)

// The search finds the same holders in the same order whichever way the
// server reads them (search_server.go: the trigram index for a few
// matches, the names in list order for many), as the file's index does:
// words of one and two Chinese characters, the phone number, a word that
// is no phone number, pages.
func TestSearchEitherWay(t *testing.T) {
	db := openTest(t)
	for i, name := range []string{"王芳", "李伟", "王伟娜", "张三", "王伟"} {
		first17 := fmt.Sprintf("11010519800101%03d", i)
		h := &data.Holder{Name: name, IDNumber: first17 + string(data.IDCheckChar(first17)), Phone: fmt.Sprintf("1380013800%d", i), Org: "阳光社工服务中心"}
		mustCreateHolder(t, db, h)
	}
	cases := []struct {
		q             string
		limit, offset int
		want          []string
		count         int
	}{
		{"王", 0, 0, []string{"王伟", "王伟娜", "王芳"}, 3}, // code point order: 伟 before 芳
		{"伟", 0, 0, []string{"李伟", "王伟", "王伟娜"}, 3},
		{"伟娜", 0, 0, []string{"王伟娜"}, 1},
		{"王 娜", 0, 0, []string{"王伟娜"}, 1},
		{"王", 2, 1, []string{"王伟娜", "王芳"}, 3},
		{"13800138003", 0, 0, []string{"张三"}, 1}, // the phone number
		{"1380013800", 0, 0, nil, 0},             // part of a phone number: the phone is compared whole
		{"-", 0, 0, nil, 0},                      // no phone number: compared with none
		{"阳光", 0, 0, []string{"张三", "李伟", "王伟", "王伟娜", "王芳"}, 5},
		{"鑫", 0, 0, nil, 0},
	}
	defer func(near, few int) { serverNearRows, serverFewMatches = near, few }(serverNearRows, serverFewMatches)
	// The top of the list; the trigram index; the whole list in order.
	for _, way := range []struct{ near, few int }{{1000, 1000}, {1, 1000}, {1, 1}} {
		serverNearRows, serverFewMatches = way.near, way.few
		for _, c := range cases {
			f := data.HolderFilter{Search: c.q, Limit: c.limit, Offset: c.offset}
			got, err := db.FindHolders(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, h := range got {
				names = append(names, h.Name)
			}
			if !equal(names, c.want) {
				t.Errorf("ways %v: search %q (%d at %d) = %v, want %v", way, c.q, c.limit, c.offset, names, c.want)
			}
			if n, err := db.CountHolders(ctx, f); err != nil || n != c.count {
				t.Errorf("ways %v: count %q = %d, %v; want %d", way, c.q, n, err, c.count)
			}
		}
	}
}
