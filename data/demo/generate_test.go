package demo

import (
	"strings"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
)

var today = data.NewDate(2026, time.November, 22)

func TestGenerateIsValidRealisticAndFake(t *testing.T) {
	recs := Generate(DefaultHolders, 1, today)
	if len(recs) != DefaultHolders {
		t.Fatalf("%d holders", len(recs))
	}
	levels := map[data.Level]int{}
	var before, after int
	for i, r := range recs {
		h := r.Holder
		h.Normalize()
		if err := h.Validate(today); err != nil {
			t.Errorf("holder %d %+v: %v", i, h, err)
		}
		if !h.Demo || !strings.HasSuffix(h.Org, DemoOrgSuffix) {
			t.Errorf("holder %d not marked as demo: %+v", i, h)
		}
		if n := len([]rune(h.Name)); n < 2 || n > 3 {
			t.Errorf("holder %d name %q", i, h.Name)
		}
		if len(r.Certificates) < 1 || len(r.Certificates) > 3 {
			t.Errorf("holder %d has %d certificates", i, len(r.Certificates))
		}
		for _, c := range r.Certificates {
			c.HolderID = 1
			c.Normalize()
			if err := c.Validate(today); err != nil {
				t.Errorf("holder %d certificate %+v: %v", i, c, err)
			}
			levels[c.Level]++
			if c.NeedsAnnotation() {
				after++
			} else {
				before++
			}
		}
	}
	for _, l := range data.Levels {
		if levels[l] == 0 {
			t.Errorf("no %s certificate among %d holders: %v", l, DefaultHolders, levels)
		}
	}
	var regs, ce int
	for _, r := range recs {
		for _, reg := range r.Registrations {
			reg.CertID = 1
			reg.Normalize()
			if err := reg.Validate(today); err != nil {
				t.Errorf("registration %+v: %v", reg, err)
			}
			regs++
		}
		for _, c := range r.CERecords {
			c.HolderID = 1
			c.Normalize()
			if err := c.Validate(today); err != nil {
				t.Errorf("CE record %+v: %v", c, err)
			}
			ce++
		}
	}
	if regs < DefaultHolders/2 || ce == 0 {
		t.Errorf("%d registrations and %d CE records among %d holders", regs, ce, DefaultHolders)
	}
	if before == 0 || after == 0 {
		t.Errorf("certificates issued before 2021-12-17: %d, on or after: %d; want both", before, after)
	}
}

func TestGenerateUniqueAndRepeatable(t *testing.T) {
	const n = 20_000
	recs := Generate(n, 42, today)
	ids, mnos := map[string]bool{}, map[string]bool{}
	types := map[data.IDType]int{}
	for _, r := range recs {
		if ids[r.Holder.IDNumber] {
			t.Fatalf("ID number %s twice", r.Holder.IDNumber)
		}
		ids[r.Holder.IDNumber] = true
		types[r.Holder.IDType]++
		for _, c := range r.Certificates {
			if mnos[c.MNo] {
				t.Fatalf("management number %s twice", c.MNo)
			}
			mnos[c.MNo] = true
		}
	}
	if types[data.IDPermit] == 0 || types[data.IDPassport] == 0 || types[data.IDResident] < n*9/10 {
		t.Errorf("ID types %v: want mostly resident, some permits and passports", types)
	}
	again := Generate(3, 42, today)
	for i := range again {
		if again[i].Holder.IDNumber != recs[i].Holder.IDNumber || again[i].Holder.Name != recs[i].Holder.Name {
			t.Errorf("seed 42 gave another person at %d", i)
		}
	}
}
