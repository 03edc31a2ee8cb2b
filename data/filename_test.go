package data

import "testing"

func TestExportFileName(t *testing.T) {
	for _, c := range []struct {
		ext   string
		parts []string
		want  string
	}{
		{".pdf", []string{"张三", "2022S110000123"}, "张三-2022S110000123.pdf"},
		{".pdf", []string{"张三", "2022S110000123", FileMailForm}, "张三-2022S110000123-邮寄申请表.pdf"},
		{".pdf", []string{"李 四", "", FileCEReport}, "李 四-继续教育学时报告.pdf"},
		{".pdf", []string{`a/b\c:d*e?f"g<h>i|j`}, "a_b_c_d_e_f_g_h_i_j.pdf"},
		{".pdf", []string{"名字\x01."}, "名字_.pdf"},
		{".pdf", []string{"尾巴. . "}, "尾巴.pdf"},
		{".pdf", []string{"CON"}, "_CON.pdf"},
		{".pdf", []string{"nul.txt"}, "_nul.txt.pdf"},
		{".pdf", []string{"com1"}, "_com1.pdf"},
		{".pdf", []string{"LPT9"}, "_LPT9.pdf"},
		{".pdf", []string{"COM10"}, "COM10.pdf"},
		{".pdf", []string{"Conrad"}, "Conrad.pdf"},
		{".pdf", []string{"", " "}, "swcert.pdf"},
	} {
		if got := ExportFileName(c.ext, c.parts...); got != c.want {
			t.Errorf("ExportFileName(%q, %q) = %q, want %q", c.ext, c.parts, got, c.want)
		}
	}
	long := ""
	for i := 0; i < 300; i++ {
		long += "长"
	}
	if got := []rune(ExportFileName(".pdf", long)); len(got) != maxFileNameRunes+4 {
		t.Errorf("a long name is %d characters", len(got))
	}
}

func TestExporterName(t *testing.T) {
	k := &SealKey{KID: "3-lmZFDUabcdefghijklmn"}
	for name, want := range map[string]string{
		"":                "未署名导出者（密钥 3-lmZFDU）",
		"SWCert 3-lmZFDU": "未署名导出者（密钥 3-lmZFDU）", // what older versions named every key
		"阳光社会工作服务中心":      "阳光社会工作服务中心",
	} {
		k.Name = name
		if got := ExporterName(k); got != want || k.Named() != (name == want) {
			t.Errorf("ExporterName(%q) = %q (named %v), want %q", name, got, k.Named(), want)
		}
	}
}
