package data

import "strings"

// Ethnicities are the 56 ethnic groups (民族) by their Chinese names, as
// GB 3304 lists them, and its two other entries (其他 and 外国血统中国籍人士,
// for holders of other ID types). The form asks for one of them.
var Ethnicities = []string{
	"汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
	"满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
	"佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
	"达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
	"塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
	"独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
	"其他", "外国血统中国籍人士",
}

var ethnicitySet = func() map[string]bool {
	m := make(map[string]bool, len(Ethnicities))
	for _, e := range Ethnicities {
		m[e] = true
	}
	return m
}()

// NormalizeEthnicity trims the name and completes the short form people
// write ("汉" for 汉族). The spaces go before the text is made NFC, so
// that normalizing again changes nothing (marks a space kept apart would
// be reordered by a second pass, as in NormalizeIDNumber).
func NormalizeEthnicity(s string) string {
	s = NormalizeText(strings.ReplaceAll(s, " ", ""))
	if s != "" && !ethnicitySet[s] && ethnicitySet[s+"族"] {
		return s + "族"
	}
	return s
}

// KnownEthnicity reports whether s (normalized) is one of Ethnicities.
func KnownEthnicity(s string) bool { return ethnicitySet[s] }
