package store

import (
	"fmt"
	"slices"
	"strings"
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
		// Digits, six in a row or more (the index of 00025): an ID
		// number's start, its middle, its end, with a word beside.
		{"1101051980010100", 0, 0, []string{"张三", "李伟", "王伟", "王伟娜", "王芳"}, 5},
		{"11010519800101003", 0, 0, []string{"张三"}, 1},
		{"519800101002", 0, 0, []string{"王伟娜"}, 1},
		{"0101004", 0, 0, []string{"王伟"}, 1},
		{"1980010100 娜", 0, 0, []string{"王伟娜"}, 1},
		{"198001019", 0, 0, nil, 0},
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

// Every page is the same whichever way the server reads it, ties of one
// name in id order: page 2, the last page (short), a page past the end,
// and the count, with the rows the index names sorted in SQL (migration
// 00020) as with the names walked in order; a file gives the same.
func TestSearchPagesEitherWay(t *testing.T) {
	db := openTest(t)
	var want []int64 // 王 in list order: name, then id
	for i, name := range []string{"王芳", "李伟", "王伟", "王芳", "王伟娜", "张三", "王芳", "王伟", "王芳"} {
		first17 := fmt.Sprintf("11010519800101%03d", i)
		mustCreateHolder(t, db, &data.Holder{Name: name, IDNumber: first17 + string(data.IDCheckChar(first17))})
	}
	all, err := db.FindHolders(ctx, data.HolderFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range all { // the list without a search: name, then id
		if strings.Contains(h.Name, "王") {
			want = append(want, h.ID)
		}
	}
	if len(want) != 7 {
		t.Fatalf("%d holders with 王, want 7", len(want))
	}
	defer func(near, few int) { serverNearRows, serverFewMatches = near, few }(serverNearRows, serverFewMatches)
	for _, way := range []struct{ near, few int }{{1000, 1000}, {1, 1000}, {1, 7}, {1, 6}, {1, 1}} {
		serverNearRows, serverFewMatches = way.near, way.few
		for _, p := range []struct{ limit, offset int }{{3, 0}, {3, 3}, {3, 6}, {3, 9}, {2, 5}, {7, 0}, {10, 0}} {
			got, err := db.FindHolders(ctx, data.HolderFilter{Search: "王", Limit: p.limit, Offset: p.offset})
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, h := range got {
				ids = append(ids, h.ID)
			}
			page := want[min(p.offset, len(want)):min(p.offset+p.limit, len(want))]
			if !slices.Equal(ids, page) {
				t.Errorf("ways %v: 王, %d at %d = %v, want %v", way, p.limit, p.offset, ids, page)
			}
		}
		if n, err := db.CountHolders(ctx, data.HolderFilter{Search: "王"}); err != nil || n != len(want) {
			t.Errorf("ways %v: count 王 = %d, %v; want %d", way, n, err, len(want))
		}
	}
}

// The server's table of search keys follows the holders' writes: a new
// name, phone or employer, a certificate's management number, a deletion;
// found (or not) through the trigram index as the file finds them.
func TestSearchKeysFollowWrites(t *testing.T) {
	db := openTest(t)
	h := mustCreateHolder(t, db, &data.Holder{Name: "王芳", IDNumber: "110105198001010016", Org: "阳光社工"})
	defer func(near, few int) { serverNearRows, serverFewMatches = near, few }(serverNearRows, serverFewMatches)
	serverNearRows, serverFewMatches = 1, 1000 // the index's way on a server
	finds := func(q string) bool {
		t.Helper()
		got, err := db.FindHolders(ctx, data.HolderFilter{Search: q})
		if err != nil {
			t.Fatal(err)
		}
		n, err := db.CountHolders(ctx, data.HolderFilter{Search: q})
		if err != nil || n != len(got) {
			t.Fatalf("count %q = %d, %v; found %d", q, n, err, len(got))
		}
		return len(got) == 1 && got[0].ID == h.ID
	}
	h.Name, h.Phone, h.Org = "李娜娜", "13800138001", "星光服务中心"
	if err := db.UpdateHolder(ctx, h); err != nil {
		t.Fatal(err)
	}
	if finds("王芳") || finds("阳光社工") || !finds("李娜娜") || !finds("娜娜") || !finds("13800138001") || !finds("星光服务") {
		t.Error("the search does not follow the holder's new name, phone and employer")
	}
	if err := db.CreateCertificate(ctx, cert(h.ID, "2021S440077", data.NewDate(2021, 12, 1))); err != nil {
		t.Fatal(err)
	}
	if !finds("2021s440077") || !finds("2021S44007") {
		t.Error("the search does not find the new certificate's management number")
	}
	if err := db.DeleteHolder(ctx, h.ID); err != nil {
		t.Fatal(err)
	}
	if finds("李娜娜") || finds("2021s440077") {
		t.Error("a deleted holder is still found")
	}
}

// A word's runs of six digits are the key's as the server writes them
// (swcert_digit_grams, migration 00025): else a search by digits would
// miss the holders whose key has them.
func TestDigitGramsAsTheServerWritesThem(t *testing.T) {
	serverOnly(t, "the server's function")
	db := openTest(t)
	for _, s := range []string{"", "12345", "123456", "000123x", "110105196001011300", "2018z110000700 2022s110000701",
		"王王王伟伟伟\n11010519491231002x\n13800138000", "１２３４５６７", "12345x678901"} {
		want, err := column[int64](ctx, db.sql.DB, "grams", `SELECT unnest(swcert_digit_grams($1))`, s)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, g := range digitGrams(s) {
			got = append(got, int64(g))
		}
		slices.Sort(got)
		if got = slices.Compact(got); !slices.Equal(got, want) {
			t.Errorf("%q: digitGrams %v, the server %v", s, got, want)
		}
	}
}
