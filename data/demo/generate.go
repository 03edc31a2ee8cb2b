// Package demo makes realistic but clearly fake holders and certificates for
// demos, training and benchmarks. Every holder is marked Demo and works for
// an organisation whose name ends in （演示）; the numbers pass every check
// (GB 11643-1999 checksums, mobile formats) so the demo exercises the real
// rules, but no record belongs to a real person.
package demo

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/swcert/swcert/data"
)

// DemoOrgSuffix marks every demo employer.
const DemoOrgSuffix = "（演示）"

var (
	surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	given    = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉鹏宇浩凯晨欣怡婷雪梅琳晶颖佳嘉慧俊博子涵思睿宁安然雅琪心悦诗雨梓萱一诺")
	// Counties of several provinces: the first six digits of an ID number,
	// with the city the demo places the holder in.
	regions = []struct{ code, city string }{
		{"110105", "北京市朝阳区"}, {"110108", "北京市海淀区"}, {"310104", "上海市徐汇区"},
		{"310115", "上海市浦东新区"}, {"440106", "广州市天河区"}, {"440305", "深圳市南山区"},
		{"320102", "南京市玄武区"}, {"330106", "杭州市西湖区"}, {"510107", "成都市武侯区"},
		{"420106", "武汉市武昌区"}, {"370102", "济南市历下区"}, {"500103", "重庆市渝中区"},
		{"610113", "西安市雁塔区"}, {"430104", "长沙市岳麓区"}, {"350102", "福州市鼓楼区"},
		{"530102", "昆明市五华区"},
	}
	orgKinds = []string{"社会工作服务中心", "社工服务社", "社区服务中心", "街道社会工作站", "家庭综合服务中心", "公益发展中心"}
	orgNames = []string{"阳光", "春晖", "同心", "启航", "暖心", "和谐", "益友", "众善", "恒爱", "乐助", "睦邻", "绿荫"}
	phonePre = []string{"130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "177", "180", "185", "186", "187", "188", "189", "199"}
	// Levels by the letter the demo management numbers use.
	levelCode = map[data.Level]string{data.LevelAssistant: "Z", data.LevelSocialWorker: "S", data.LevelSenior: "G"}
)

// seniorFirstYear: the senior level is examined from 2018 on in the demo.
const seniorFirstYear = 2018

// PartSize is how many records Parts makes at a time: a load writes a
// part before the next is made, so a demo of 1,000,000 holders never
// holds more than this many in memory.
const PartSize = 5000

// Generate returns n holders with one to three certificates each. The same
// seed gives the same people. ID numbers and management numbers are unique
// within the result; no date is after today.
func Generate(n int, seed int64, today data.Date) []data.HolderRecord {
	recs := make([]data.HolderRecord, 0, n)
	for part := range Parts(n, seed, today) {
		recs = append(recs, part...)
	}
	return recs
}

// Parts yields the holders Generate returns, PartSize at a time; each
// range starts again from the seed (a transaction run again makes the
// same people again).
func Parts(n int, seed int64, today data.Date) iter.Seq[[]data.HolderRecord] {
	return func(yield func([]data.HolderRecord) bool) {
		g := &generator{
			r:     newRand(seed),
			today: today,
			ids:   make(map[string]bool, min(n, 1<<16)),
			// Starting the serial from the seed keeps two loads from colliding.
			serial: int(uint64(seed) % 9_000_000),
		}
		for from := 0; from < n; from += PartSize {
			part := make([]data.HolderRecord, min(PartSize, n-from))
			for i := range part {
				part[i] = g.record()
			}
			if from == 0 {
				g.oneUnderReview(part)
			}
			if !yield(part) {
				return
			}
		}
	}
}

func newRand(seed int64) *rand.Rand { return rand.New(rand.NewPCG(uint64(seed), 0x5eed)) }

type generator struct {
	r      *rand.Rand
	today  data.Date
	ids    map[string]bool
	serial int
}

func (g *generator) pick(s []string) string { return s[g.r.IntN(len(s))] }

func (g *generator) record() data.HolderRecord {
	reg := regions[g.r.IntN(len(regions))]
	birth := g.today.AddDays(-(22*365 + g.r.IntN(38*365)))
	h := data.Holder{
		Name:   g.name(),
		IDType: data.IDResident,
		Phone:  g.pick(phonePre) + fmt.Sprintf("%08d", g.r.IntN(100_000_000)),
		Org:    reg.city[:strings.Index(reg.city, "市")+len("市")] + g.pick(orgNames) + g.pick(orgKinds) + DemoOrgSuffix,
		Region: reg.city,
		Demo:   true,
	}
	switch x := g.r.IntN(100); {
	case x < 3: // a Hong Kong, Macao or Taiwan resident with a residence permit
		h.IDType = data.IDPermit
		h.IDNumber = g.idNumber([]string{"810000", "820000", "830000"}[g.r.IntN(3)], birth)
	case x < 5: // a foreign holder, identified by passport
		h.IDType = data.IDPassport
		h.IDNumber = fmt.Sprintf("E%08d", g.r.IntN(100_000_000))
		for g.ids[h.IDNumber] {
			h.IDNumber = fmt.Sprintf("E%08d", g.r.IntN(100_000_000))
		}
		g.ids[h.IDNumber] = true
	default:
		h.IDNumber = g.idNumber(reg.code, birth)
	}
	if g.r.IntN(10) == 0 {
		h.Phone = "" // the phone is optional; some holders have none on file
	}
	rec := data.HolderRecord{Holder: h, Certificates: g.certificates(reg.code[:2], birth)}
	g.registrations(&rec, reg.city)
	g.annotationsAndPaper(&rec, reg.city)
	g.dossier(&rec, reg.city)
	return rec
}

// annotationsAndPaper gives electronic certificates the annotations their
// holders applied for over the last months, and recent certificates a
// paper collection under way, so the dashboard has something to show.
func (g *generator) annotationsAndPaper(rec *data.HolderRecord, city string) {
	now := g.today.Time().Add(9 * time.Hour)
	for i, c := range rec.Certificates {
		if c.Status != data.StatusValid {
			continue
		}
		if c.NeedsAnnotation() && g.r.IntN(10) < 6 {
			applied := now.AddDate(0, 0, -g.r.IntN(100)).Add(-time.Duration(g.r.IntN(8)) * time.Hour)
			if !data.DateOf(applied).Before(c.IssuedOn) {
				a := data.Annotation{Scene: data.SceneSelf, Days: []int{30, 60, 90, 90, 90}[g.r.IntN(5)], AppliedAt: applied}
				if done := applied.Add(time.Duration(2+g.r.IntN(20)) * time.Hour); done.Before(now) && g.r.IntN(4) > 0 {
					a.CompletedAt = &done
				}
				rec.Annotations = append(rec.Annotations, data.CertAnnotation{Cert: i, Annotation: a})
			}
		}
		// Issued in the last half year: the paper copy is being collected.
		if since := c.IssuedOn.DaysUntil(g.today); since >= 0 && since < 180 {
			p := data.Paper{Method: data.PaperOnsite, Status: data.PaperNotCollected, Place: city + "民政局",
				WindowStart: c.IssuedOn.AddDays(60), WindowEnd: c.IssuedOn.AddDays(150)}
			switch g.r.IntN(4) {
			case 0:
				p.Method, p.Place, p.Status = data.PaperMail, "", data.PaperApplied
				p.SentOn = c.IssuedOn.AddDays(61 + g.r.IntN(20))
				if p.SentOn.After(g.today) {
					p.Status, p.SentOn = data.PaperNotCollected, data.Date{}
				}
			case 1:
				if on := c.IssuedOn.AddDays(62 + g.r.IntN(30)); !on.After(g.today) {
					p.Status, p.CollectedOn = data.PaperCollected, on
				}
			}
			rec.Paper = append(rec.Paper, data.CertPaper{Cert: i, Paper: p})
		}
	}
}

var (
	ceTitles = []string{"社区治理能力提升培训", "儿童保护与个案管理", "老年社会工作实务", "社会工作督导技巧", "心理危机干预基础",
		"社区营造与居民参与", "社会政策解读", "项目设计与评估", "禁毒社会工作", "家庭社会工作专题"}
	ceProviders = []string{"市社会工作者协会", "民政局培训中心", "中国社会工作联合会", "社会工作学院继续教育部", "社工人才培训基地"}
)

// registrations registers the holder's newest valid certificate as most
// holders do (a few are late, a few are still under review) and gives
// those registered some continuing-education records in the period.
func (g *generator) registrations(rec *data.HolderRecord, region string) {
	i := len(rec.Certificates) - 1
	c := rec.Certificates[i]
	if c.Status != data.StatusValid || g.r.IntN(10) == 0 {
		return // some have not registered (yet)
	}
	applied := c.PassedOn.AddDays(30 + g.r.IntN(200))
	if applied.After(g.today) {
		return
	}
	r := data.Registration{Kind: data.RegFirst, Status: data.RegIssued, AppliedOn: applied, ValidFrom: applied.AddDays(20 + g.r.IntN(20)), Region: region}
	if r.ValidFrom.After(g.today) || g.r.IntN(12) == 0 {
		r.Status, r.ValidFrom = data.RegPending, data.Date{}
		rec.Registrations = append(rec.Registrations, data.CertRegistration{Cert: i, Registration: r})
		return
	}
	rec.Registrations = append(rec.Registrations, data.CertRegistration{Cert: i, Registration: r})
	// Renewed on time while the periods run out, most of the time.
	for last := r; last.ValidTo().Before(g.today) && g.r.IntN(6) > 0; {
		next := data.Registration{Kind: data.RegRenewal, Status: data.RegIssued, AppliedOn: last.ValidTo().AddDays(-20 - g.r.IntN(60)),
			ValidFrom: last.ValidTo().AddDays(1), Region: region}
		if next.ValidFrom.After(g.today) {
			break
		}
		rec.Registrations = append(rec.Registrations, data.CertRegistration{Cert: i, Registration: next})
		last = next
	}
	// Records in the latest period, up to today.
	last := rec.Registrations[len(rec.Registrations)-1].Registration
	if last.ValidTo().Before(g.today) {
		return
	}
	span := last.ValidFrom.DaysUntil(g.today)
	for n := g.r.IntN(6); n > 0 && span > 0; n-- {
		kind := []data.CEKind{data.CETraining, data.CETraining, data.CEOnline, data.CEOnline, data.CECourses}[g.r.IntN(5)]
		review := data.ReviewApproved
		if g.r.IntN(5) == 0 {
			review = data.ReviewPending
		}
		r := data.CERecord{Title: g.pick(ceTitles), Provider: g.pick(ceProviders), Date: last.ValidFrom.AddDays(g.r.IntN(span + 1)),
			Hours: data.WholeHours(4 + g.r.IntN(30)), Review: review}
		r.SetKind(kind) // online courses take no review status
		rec.CERecords = append(rec.CERecords, r)
	}
}

func (g *generator) name() string {
	n := []rune{surnames[g.r.IntN(len(surnames))], given[g.r.IntN(len(given))]}
	if g.r.IntN(3) > 0 {
		n = append(n, given[g.r.IntN(len(given))])
	}
	return string(n)
}

// idNumber makes an unused 18-character number with a valid check character.
func (g *generator) idNumber(region string, birth data.Date) string {
	for {
		first17 := region + birth.Time().Format("20060102") + fmt.Sprintf("%03d", g.r.IntN(1000))
		id := first17 + string(data.IDCheckChar(first17))
		if !g.ids[id] {
			g.ids[id] = true
			return id
		}
		birth = birth.AddDays(1)
	}
}

// certificates climbs the levels: an assistant certificate first, then
// perhaps social worker, then perhaps senior, each a later exam.
func (g *generator) certificates(province string, birth data.Date) []data.Certificate {
	first := max(data.FirstExamYear, birth.Year()+22)
	last := g.today.Year()
	if !g.examResult(last).Before(g.today) {
		last-- // this year's results are not out yet
	}
	var certs []data.Certificate
	year := first + g.r.IntN(max(last-first+1, 1))
	for _, lvl := range data.Levels {
		if lvl == data.LevelSenior && year < seniorFirstYear {
			year = seniorFirstYear + g.r.IntN(3)
		}
		if year > last || (len(certs) > 0 && g.r.IntN(2) == 0) {
			break
		}
		certs = append(certs, g.certificate(lvl, year, province))
		year += 1 + g.r.IntN(4)
	}
	if len(certs) == 0 { // too young for the exam calendar: one recent certificate
		certs = append(certs, g.certificate(data.LevelAssistant, last, province))
	}
	return certs
}

// examResult is when an exam year's results are released (the demo uses
// late September).
func (g *generator) examResult(year int) data.Date {
	return data.NewDate(year, time.September, 20)
}

func (g *generator) certificate(lvl data.Level, year int, province string) data.Certificate {
	passed := g.examResult(year).AddDays(g.r.IntN(10))
	issued := passed.AddDays(45 + g.r.IntN(150))
	if issued.After(g.today) {
		issued = g.today
	}
	if passed.After(issued) {
		passed = issued
	}
	g.serial++
	c := data.Certificate{
		Level:    lvl,
		MNo:      fmt.Sprintf("%d%s%s%07d", year, levelCode[lvl], province, g.serial%10_000_000),
		ExamYear: year,
		PassedOn: passed,
		IssuedOn: issued,
		Issuer:   data.DefaultIssuer,
		Status:   data.StatusValid,
	}
	if g.r.IntN(20) == 0 {
		c.Status = data.StatusRevoked
	}
	return c
}
