package data

import "strings"

// Decision (DOMAIN.md, words in Chinese): wherever a value has a Chinese
// name in the sources (本人调用, 有效, 社会工作师, 待审核 …), the command line
// and the import accept it as well as the code. chineseNames is the one
// place those names live: the first of each is the one printed, the others
// are accepted when read. Keys are typed values, so 待审核 can name both a
// registration status and a review without the two meeting.
var chineseNames = map[any][]string{
	LevelAssistant:    {"助理社会工作师", "助理社工师"},
	LevelSocialWorker: {"社会工作师", "社工师"},
	LevelSenior:       {"高级社会工作师", "高级社工师"},

	StatusValid:   {"有效"},
	StatusRevoked: {"无效", "not valid"},

	IDResident: {"居民身份证", "身份证"},
	IDPermit:   {"港澳台居民居住证", "居住证"},
	IDPassport: {"护照"},
	IDOther:    {"其他证件", "其他"},

	SceneSelf: {"本人调用"},

	AnnGenerating: {"证书生成中", "证书生成中…"},
	AnnValid:      {"有效"},
	AnnExpired:    {"加注件已过期", "已过期"},
	AnnWithdrawn:  {"已撤回"},

	RegFirst:   {"首次登记"},
	RegRenewal: {"再登记", "再次登记"},

	RegNotApplied:  {"未申请登记证书", "未申请"},
	RegPending:     {"待审核"},
	RegFirstPassed: {"初审通过"},
	RegFirstFailed: {"初审未通过"},
	RegFinalPassed: {"终审通过"},
	RegFinalFailed: {"终审未通过"},
	RegCompleted:   {"首次登记已完成", "登记已完成"},
	RegIssued:      {"已出证"},

	CETraining: {"培训", "培训（结业证书）"},
	CEOnline:   {"网络课程", "线上学习", "网上继续教育"},
	CEDegree:   {"学历教育（取得学位）", "学历教育(取得学位)", "取得学历或学位"},
	CECourses:  {"学历教育（通过课程）", "学历教育(通过课程)", "学历教育（未取得学位）", "未取得学历或学位"},

	ReviewPending:  {"待审核"},
	ReviewApproved: {"已通过", "审核通过"},
	ReviewRejected: {"未通过", "审核未通过"},

	PaperOnsite: {"现场领取"},
	PaperMail:   {"邮寄申领", "邮寄"},

	PaperNotCollected: {"未领取"},
	PaperApplied:      {"已申请邮寄", "已申请"},
	PaperUnderReview:  {"审核中"},
	PaperShipped:      {"已寄出"},
	PaperCollected:    {"已领取", "已收到", "已领取 / 已收到"},
	PaperOverdue:      {"逾期未领取", "已逾期"},

	SexMale:   {"男"},
	SexFemale: {"女"},

	FeePrepaid:    {"寄付"},
	FeeOnDelivery: {"到付"},

	EduHighSchool: {"高中及以下", "高中"},
	EduCollege:    {"大专", "大学专科"},
	EduBachelor:   {"本科", "大学本科"},
	EduMaster:     {"硕士研究生", "硕士"},
	EduDoctorate:  {"博士研究生", "博士"},

	FirstRegCertificate: {"首次领取登记证书", "领取登记证书"},
	FirstRegForm:        {"首次填写个人信息表", "填写个人信息表"},

	ProgrammeSanqu:    {"三区计划"},
	ProgrammeQianshou: {"牵手计划"},

	HonourVillage:     {"村(居)", "村（居）", "村", "居"},
	HonourStreet:      {"街道(乡镇)", "街道（乡镇）", "街道", "乡镇"},
	HonourDistrict:    {"区(县)", "区（县）", "区", "县"},
	HonourCity:        {"地市", "市"},
	HonourProvince:    {"省"},
	HonourMinisterial: {"部"},

	AttAnnotation:   {"加注"},
	AttRegistration: {"登记"},
	AttCE:           {"继续教育", "继续教育学时"},
	AttPaper:        {"纸质证书"},
	AttCertificate:  {"证书", "无效证书"},
}

// Chinese is the Chinese name of a coded value as documents and the
// command line with --lang zh print it; the code itself when it has none.
func Chinese[T ~string](v T) string {
	if n := chineseNames[v]; len(n) > 0 {
		return n[0]
	}
	return string(v)
}

// ParseWord reads one of values by its code (any case) or by any of its
// Chinese names, with the spaces around it trimmed.
func ParseWord[T ~string](values []T, s string) (T, bool) {
	s = strings.TrimSpace(s)
	for _, v := range values {
		if strings.EqualFold(s, string(v)) {
			return v, true
		}
		for _, n := range chineseNames[v] {
			if strings.EqualFold(s, n) {
				return v, true
			}
		}
	}
	return "", false
}

// wordList names values for a message: "本人调用 (self)", comma-separated.
func wordList[T ~string](values []T) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = Chinese(v) + " (" + string(v) + ")"
		if Chinese(v) == string(v) {
			parts[i] = string(v)
		}
	}
	return strings.Join(parts, ", ")
}
