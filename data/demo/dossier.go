package demo

import (
	"context"
	"strings"

	"github.com/swcert/swcert/data"
)

// The demo's personal information: most holders have a complete dossier,
// some an incomplete one (no photo yet, no major, a 三区计划 entry without
// its proof), some none at all; work histories with programme flags,
// honours, agency changes (a few under review), and projects with
// participants and service records.

var (
	majors     = []string{"社会工作", "社会工作", "社会学", "心理学", "公共事业管理", "行政管理", "教育学", "护理学", "法学"}
	ethnicDemo = []string{"汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "回族", "满族", "壮族", "蒙古族", "土家族", "苗族"}
	educations = []data.Education{data.EduCollege, data.EduBachelor, data.EduBachelor, data.EduBachelor, data.EduMaster, data.EduHighSchool, data.EduDoctorate}
	positions  = []string{"社工", "社工", "项目主管", "督导", "社工助理", "中心主任", "个案社工"}
	honourList = []string{"优秀社会工作者", "优秀志愿服务项目负责人", "社区服务先进个人", "最美社工", "社会工作优秀案例奖", "抗疫先进个人"}
	projectFor = []string{"社区居家养老服务", "困境儿童关爱", "青少年成长陪伴", "禁毒社会工作", "残障人士社区融入", "社区治理能力提升",
		"流动人口融合服务", "乡村振兴社工站", "心理健康服务", "家庭教育指导"}
)

// dossier gives the record its personal information. r picks what it
// has: a quarter is incomplete, one in eight has none.
func (g *generator) dossier(rec *data.HolderRecord, city string) {
	h := &rec.Holder
	x := g.r.IntN(100)
	if x < 12 {
		return // nothing filled in yet
	}
	p := &data.Profile{Ethnicity: g.pick(ethnicDemo), Education: educations[g.r.IntN(len(educations))], Major: g.pick(majors)}
	if h.IDType == data.IDPassport {
		p.Sex = []data.Sex{data.SexMale, data.SexFemale}[g.r.IntN(2)]
		p.BirthDate = g.today.AddDays(-(24*365 + g.r.IntN(30*365)))
		p.Ethnicity = "其他"
	}
	rec.Profile = p
	// The work history up to the current employer: earlier posts at other
	// agencies, each ending the day before the next begins.
	start := g.today.AddDays(-(365 + g.r.IntN(12*365)))
	n := 1 + g.r.IntN(3)
	entries := make([]data.WorkEntry, n)
	for i := n - 1; i >= 0; i-- {
		e := data.WorkEntry{Org: h.Org, Position: g.pick(positions), StartOn: start}
		if i < n-1 {
			e.Org = city[:strings.Index(city, "市")+len("市")] + g.pick(orgNames) + g.pick(orgKinds) + DemoOrgSuffix
			e.EndOn = entries[i+1].StartOn.AddDays(-1)
			e.StartOn = e.EndOn.AddDays(-(200 + g.r.IntN(5*365)))
		}
		if g.r.IntN(10) == 0 {
			e.Programme = data.Programmes[g.r.IntN(2)]
		}
		entries[i] = e
		if i > 0 {
			start = e.StartOn
		}
	}
	rec.Work = entries
	switch {
	case x < 22:
		p.Major = "" // incomplete: no major yet
	case x < 30:
		rec.Work = nil // incomplete: no work history yet
	}
	// First registration: the day of a local certificate for some, the
	// day the form was complete for others (both recorded as history).
	if x >= 30 {
		if g.r.IntN(3) == 0 {
			p.FirstRegKind, p.FirstRegOn = data.FirstRegCertificate, g.today.AddDays(-(100 + g.r.IntN(2000)))
		} else {
			p.FirstRegKind, p.FirstRegOn = data.FirstRegForm, g.today.AddDays(-(10 + g.r.IntN(700)))
		}
	}
	if g.r.IntN(5) == 0 {
		for k := 1 + g.r.IntN(2); k > 0; k-- {
			rec.Honours = append(rec.Honours, data.Honour{Title: g.pick(honourList), Date: g.today.AddDays(-(30 + g.r.IntN(3000))),
				Level: data.HonourLevels[g.r.IntN(len(data.HonourLevels))]})
		}
	}
	g.transfers(rec, city)
}

// transfers: a few holders changed agency (the work history shows it),
// a few have a change under review, some of them to another region.
func (g *generator) transfers(rec *data.HolderRecord, city string) {
	h := &rec.Holder
	if n := len(rec.Work); n >= 2 && rec.Work[n-1].Org != rec.Work[n-2].Org && g.r.IntN(6) == 0 {
		cur, prev := rec.Work[n-1], rec.Work[n-2]
		t := data.Transfer{AppliedOn: cur.StartOn.AddDays(-(5 + g.r.IntN(30))), FromOrg: prev.Org, ToOrg: cur.Org, FromRegion: h.Region,
			Position: cur.Position, Status: data.ReviewApproved, DecidedOn: cur.StartOn}
		if t.AppliedOn.Before(prev.StartOn) {
			t.AppliedOn = prev.StartOn
		}
		rec.Transfers = append(rec.Transfers, t)
	}
	if len(rec.Work) > 0 && g.r.IntN(25) == 0 {
		t := data.Transfer{AppliedOn: g.today.AddDays(-g.r.IntN(20)), FromOrg: h.Org, FromRegion: h.Region, Position: "社工", Status: data.ReviewPending}
		other := regions[g.r.IntN(len(regions))].city
		t.ToOrg = other[:strings.Index(other, "市")+len("市")] + g.pick(orgNames) + g.pick(orgKinds) + DemoOrgSuffix
		if other != city {
			t.ToRegion = other
		}
		if t.ToOrg != t.FromOrg {
			rec.Transfers = append(rec.Transfers, t)
		}
	}
}

// oneUnderReview makes sure a demo shows an agency change under review:
// the first holder with a work history gets one when none of recs (the
// first part) has.
func (g *generator) oneUnderReview(recs []data.HolderRecord) {
	for _, r := range recs {
		for _, t := range r.Transfers {
			if t.Status == data.ReviewPending {
				return
			}
		}
	}
	for i := range recs {
		r := &recs[i]
		if len(r.Work) > 0 {
			other := regions[(g.r.IntN(len(regions)))].city
			r.Transfers = append(r.Transfers, data.Transfer{AppliedOn: g.today.AddDays(-3), FromOrg: r.Holder.Org, FromRegion: r.Holder.Region,
				ToOrg: other[:strings.Index(other, "市")+len("市")] + "星光社会工作服务中心" + DemoOrgSuffix, ToRegion: other, Position: "社工", Status: data.ReviewPending})
			return
		}
	}
}

// AttachFiles gives the records the demo's photos and proof files, for a
// store that keeps files: a photo to most holders with a dossier (those
// without stay incomplete), a proof to most 三区计划 / 牵手计划 entries,
// one to the honours at city level and above. Few distinct files: each
// is kept once however many records refer to it.
func AttachFiles(recs []data.HolderRecord) { attachFiles(recs, 0) }

// attachFiles is AttachFiles for the part of the records from first on.
func attachFiles(part []data.HolderRecord, first int) {
	photos := Photos()
	for k := range part {
		r, i := &part[k], first+k
		if r.Profile == nil || i%9 == 4 {
			continue // no photo yet
		}
		ph := photos[i%len(photos)]
		r.Profile.Photo = &ph
		for j := range r.Work {
			if r.Work[j].Programme != data.ProgrammeNone && (i+j)%5 != 0 {
				r.Work[j].Proofs = []data.Proof{WorkProof()}
			}
		}
		for j := range r.Honours {
			if lv := r.Honours[j].Level; lv == data.HonourCity || lv == data.HonourProvince || lv == data.HonourMinisterial {
				p := HonourProof()
				r.Honours[j].Proof = &p
			}
		}
	}
}

// Projects are the demo's projects for the holders saved (their IDs in
// recs): about one for every 25 holders, run by one holder's agency, with
// 3 to 12 participants and a few records each, never more than 24 hours
// a day for anyone.
func Projects(recs []data.HolderRecord, seed int64, today data.Date) []data.ProjectRecord {
	var ms members
	ms.add(recs)
	return ms.projects(seed, today)
}

// members are the holders saved, as their projects need them: a load of
// 1,000,000 keeps these, not the records.
type members struct {
	ids  []int64
	orgs []string
	// org interns the agencies' names: under a thousand for a million holders.
	org map[string]string
}

func (ms *members) add(recs []data.HolderRecord) {
	if ms.org == nil {
		ms.org = map[string]string{}
	}
	for i := range recs {
		h := &recs[i].Holder
		o, ok := ms.org[h.Org]
		if !ok {
			o = h.Org
			ms.org[o] = o
		}
		ms.ids = append(ms.ids, h.ID)
		ms.orgs = append(ms.orgs, o)
	}
}

func (ms *members) projects(seed int64, today data.Date) []data.ProjectRecord {
	n := len(ms.ids)
	if n == 0 {
		return nil
	}
	g := &generator{r: newRand(seed), today: today}
	type holderDay struct {
		holder int64
		day    data.Date
	}
	tenths := map[holderDay]int64{} // recorded on a holder's day
	out := make([]data.ProjectRecord, max(min(3, n), n/25))
	for i := range out {
		lead := g.r.IntN(n)
		org := ms.orgs[lead]
		start := today.AddDays(-(30 + g.r.IntN(4*365)))
		p := data.Project{Name: strings.TrimSuffix(org, DemoOrgSuffix) + g.pick(projectFor) + "项目（演示）", Org: org, StartOn: start}
		if g.r.IntN(3) > 0 {
			p.EndOn = start.AddDays(180 + g.r.IntN(3*365))
		}
		switch x := g.r.IntN(100); {
		case x < 15:
			p.Programme = data.ProgrammeSanqu
		case x < 25:
			p.Programme = data.ProgrammeQianshou
		}
		pr := data.ProjectRecord{Project: p}
		seen := map[int64]bool{}
		for k := 3 + g.r.IntN(10); k > 0; k-- {
			id := ms.ids[lead]
			if len(pr.Participants) > 0 {
				id = ms.ids[g.r.IntN(n)]
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			pr.Participants = append(pr.Participants, id)
			last := today
			if !p.EndOn.IsZero() && p.EndOn.Before(today) {
				last = p.EndOn
			}
			span := p.StartOn.DaysUntil(last)
			for n := g.r.IntN(5); n > 0 && span >= 0; n-- {
				d := p.StartOn.AddDays(g.r.IntN(span + 1))
				hours := int64(10 + 5*g.r.IntN(14)) // 1 to 7.5 h
				key := holderDay{id, d}
				if tenths[key]+hours > data.MaxServiceDay.Tenths() {
					continue
				}
				tenths[key] += hours
				pr.Records = append(pr.Records, data.ServiceRecord{HolderID: id, Date: d, Content: g.pick(serviceContents), Hours: data.TenthsOfHour(hours)})
			}
		}
		out[i] = pr
	}
	return out
}

var serviceContents = []string{"入户探访", "个案面谈", "小组活动", "社区活动策划与执行", "志愿者培训", "需求调研", "资源链接", "个案跟进记录", "督导会议", "政策宣传"}

// keepsFiles is what a store that keeps proof files says it does.
type keepsFiles interface{ KeepsProofFiles() bool }

// loadProjects adds the projects of the holders saved, when the service
// keeps them.
func loadProjects(ctx context.Context, svc data.HolderService, saved *members, seed int64, today data.Date) error {
	ps, ok := svc.(data.ProjectService)
	if !ok {
		return nil
	}
	return ps.CreateProjectRecords(ctx, saved.projects(seed, today))
}
