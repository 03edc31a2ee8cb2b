package data_test

import (
	"reflect"
	"runtime"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/demo"
)

// The dashboard shares the work among the cores: the result must be the
// same, item for item and in the same order, as on one core.
func TestAttentionItemsSameOnAnyNumberOfCores(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	s := &data.Snapshot{Holders: map[int64]*data.Holder{}, Annotations: map[int64][]data.Annotation{},
		Registrations: map[int64][]data.Registration{}, CERecords: map[int64][]data.CERecord{}, Paper: map[int64]*data.Paper{}}
	certID := int64(0)
	for i, r := range demo.Generate(3000, 7, data.DateOf(now)) {
		h := r.Holder
		h.ID = int64(i + 1)
		s.Holders[h.ID] = &h
		ids := make([]int64, len(r.Certificates))
		for j := range r.Certificates {
			certID++
			c := r.Certificates[j]
			c.ID, c.HolderID, ids[j] = certID, h.ID, certID
			s.Certificates = append(s.Certificates, &c)
		}
		for _, g := range r.Registrations {
			g.CertID = ids[g.Cert]
			s.Registrations[g.CertID] = append(s.Registrations[g.CertID], g.Registration)
		}
		for _, a := range r.Annotations {
			a.CertID = ids[a.Cert]
			s.Annotations[a.CertID] = append(s.Annotations[a.CertID], a.Annotation)
		}
		for _, p := range r.Paper {
			p.CertID = ids[p.Cert]
			s.Paper[p.CertID] = &p.Paper
		}
		s.CERecords[h.ID] = r.CERecords
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := data.AttentionItems(s, now)
	runtime.GOMAXPROCS(4)
	four := data.AttentionItems(s, now)
	if len(one) < 1000 || !reflect.DeepEqual(one, four) {
		t.Errorf("%d items on one core, %d on four, equal %v", len(one), len(four), reflect.DeepEqual(one, four))
	}
}
