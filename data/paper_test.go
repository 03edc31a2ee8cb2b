package data

import (
	"strings"
	"testing"
)

func TestPaperState(t *testing.T) {
	end := NewDate(2026, 12, 31)
	cases := []struct {
		name  string
		p     Paper
		today Date
		want  PaperStatus
		days  int
	}{
		{"not collected, window open", Paper{Status: PaperNotCollected, WindowEnd: end}, NewDate(2026, 12, 1), PaperNotCollected, 30},
		{"the last day is still in time", Paper{Status: PaperNotCollected, WindowEnd: end}, end, PaperNotCollected, 0},
		{"the day after: overdue", Paper{Status: PaperNotCollected, WindowEnd: end}, end.AddDays(1), PaperOverdue, -1},
		{"applied by mail in time: not overdue", Paper{Method: PaperMail, Status: PaperApplied, SentOn: end.AddDays(-3), WindowEnd: end}, end.AddDays(20), PaperApplied, -20},
		{"sent by mail on the window's last day: in time", Paper{Method: PaperMail, Status: PaperShipped, SentOn: end, WindowEnd: end}, end.AddDays(1), PaperShipped, -1},
		{"sent by mail the day after the window: stays overdue", Paper{Method: PaperMail, Status: PaperApplied, SentOn: end.AddDays(1), WindowEnd: end}, end.AddDays(2), PaperOverdue, -2},
		{"applied by mail, no day sent: overdue once the window closed", Paper{Method: PaperMail, Status: PaperApplied, WindowEnd: end}, end.AddDays(1), PaperOverdue, -1},
		{"applied by mail, window still open", Paper{Method: PaperMail, Status: PaperApplied, WindowEnd: end}, end, PaperApplied, 0},
		{"collected", Paper{Status: PaperCollected, WindowEnd: end}, end.AddDays(5), PaperCollected, -5},
	}
	for _, tc := range cases {
		if got := PaperState(&tc.p, tc.today); got != tc.want {
			t.Errorf("%s: state %s, want %s", tc.name, got, tc.want)
		}
		if d, ok := PaperDaysLeft(&tc.p, tc.today); !ok || d != tc.days {
			t.Errorf("%s: %d days left, want %d", tc.name, d, tc.days)
		}
	}
	if _, ok := PaperDaysLeft(&Paper{}, end); ok {
		t.Error("days left without a window")
	}
	if got := PaperState(&Paper{Status: PaperNotCollected}, end); got != PaperNotCollected {
		t.Errorf("no window: %s", got)
	}
}

func TestPaperValidate(t *testing.T) {
	today := NewDate(2026, 11, 22)
	ok := Paper{CertID: 1, Method: PaperOnsite, WindowStart: NewDate(2026, 11, 1), WindowEnd: NewDate(2026, 12, 31)}
	ok.Normalize()
	if err := ok.Validate(today); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		p     Paper
		field string
		key   string
	}{
		{Paper{CertID: 1, Method: "drone"}, "method", "err.paper.method"},
		{Paper{CertID: 1, Method: PaperOnsite, Status: PaperShipped}, "status", "err.paper.onsite_status"},
		{Paper{CertID: 1, Method: PaperMail, WindowStart: NewDate(2026, 12, 1), WindowEnd: NewDate(2026, 11, 1)}, "window_end", "err.paper.window_order"},
		{Paper{CertID: 1, Method: PaperMail, SentOn: NewDate(2026, 11, 23)}, "sent_on", "err.date.after_today"},
		{Paper{CertID: 1, Method: PaperMail, Status: PaperCollected, SentOn: NewDate(2026, 11, 10), CollectedOn: NewDate(2026, 11, 9)}, "collected_on", "err.paper.received_before_sent"},
		{Paper{CertID: 1, Method: PaperOnsite, CollectedOn: NewDate(2026, 11, 20)}, "collected_on", "err.paper.collected_status"},
		{Paper{CertID: 1, Method: PaperMail, Status: PaperShipped, SentOn: NewDate(2026, 11, 1), CollectedOn: NewDate(2026, 11, 20)}, "collected_on", "err.paper.collected_status"},
		{Paper{CertID: 1, Method: PaperMail, Status: PaperApplied}, "sent_on", "err.required"},
		// A mail application sent after the window closed is refused: the
		// certificate is never reissued.
		{Paper{CertID: 1, Method: PaperMail, Status: PaperApplied, WindowEnd: NewDate(2026, 11, 1), SentOn: NewDate(2026, 11, 2)}, "sent_on", "err.paper.sent_after_window"},
		{Paper{CertID: 1, Method: PaperOnsite, Status: PaperCollected}, "collected_on", "err.required"},
		{Paper{CertID: 1, Method: PaperOnsite, ProxyName: "李四"}, "proxy_id_number", "err.paper.proxy_both"},
		{Paper{CertID: 1, Method: PaperOnsite, ProxyName: "李四", ProxyIDNumber: "110105194912310021"}, "proxy_id_number", "err.id.checksum"},
	}
	onLastDay := Paper{CertID: 1, Method: PaperMail, Status: PaperApplied, WindowEnd: NewDate(2026, 11, 1), SentOn: NewDate(2026, 11, 1)}
	if err := onLastDay.Validate(today); err != nil {
		t.Errorf("sent on the window's last day: %v", err)
	}
	for _, tc := range cases {
		tc.p.Normalize()
		e := AsError(tc.p.Validate(today))
		if e == nil || e.Field != tc.field || e.Key != tc.key {
			t.Errorf("%+v: %v, want %s %s", tc.p, e, tc.field, tc.key)
		}
	}
}

func TestMailForm(t *testing.T) {
	good := func() MailForm {
		return MailForm{CertID: 1, Sex: SexFemale, Recipient: "欧阳娜娜", Phone: "138 0013 8000", Province: "北京市", City: "北京市",
			District: "朝阳区", Address: "建国路 88 号", Postcode: "100022"}
	}
	f := good()
	f.Normalize()
	if err := f.Validate(); err != nil || f.Phone != "13800138000" || f.Fee != FeeOnDelivery {
		t.Fatalf("good form: %v %+v", err, f)
	}
	cases := []struct {
		edit  func(*MailForm)
		field string
		key   string
	}{
		{func(f *MailForm) { f.Sex = "" }, "sex", "err.required"},
		{func(f *MailForm) { f.Recipient = " " }, "recipient", "err.required"},
		{func(f *MailForm) { f.Recipient = strings.Repeat("娜", MaxNameLen+1) }, "recipient", "err.too_long"},
		{func(f *MailForm) { f.Phone = "" }, "phone", "err.required"},
		{func(f *MailForm) { f.Phone = "010-12345678" }, "phone", "err.phone.format"},
		{func(f *MailForm) { f.Province = "" }, "province", "err.required"},
		{func(f *MailForm) { f.City = "" }, "city", "err.required"},
		{func(f *MailForm) { f.District = "" }, "district", "err.required"},
		{func(f *MailForm) { f.Address = "" }, "address", "err.required"},
		{func(f *MailForm) { f.Postcode = "" }, "postcode", "err.required"},
		{func(f *MailForm) { f.Postcode = "10002" }, "postcode", "err.mail.postcode"},
		{func(f *MailForm) { f.Postcode = "10002A" }, "postcode", "err.mail.postcode"},
		{func(f *MailForm) { f.Fee = "free" }, "fee", "err.mail.fee"},
	}
	for i, tc := range cases {
		f := good()
		tc.edit(&f)
		f.Normalize()
		e := AsError(f.Validate())
		if e == nil || e.Field != tc.field || e.Key != tc.key {
			t.Errorf("case %d: %v, want %s %s", i, e, tc.field, tc.key)
		}
	}
	for _, tc := range []struct {
		in   MailForm
		want MailForm
	}{
		{MailForm{}, MailForm{Sex: SexFemale, Recipient: "欧阳娜娜", Phone: "13800138000", Fee: FeeOnDelivery}},
		{MailForm{Recipient: "李四"}, MailForm{Sex: SexFemale, Recipient: "李四", Fee: FeeOnDelivery}},
		{MailForm{Sex: SexMale, Phone: "13900139000", Fee: FeePrepaid}, MailForm{Sex: SexMale, Recipient: "欧阳娜娜", Phone: "13900139000", Fee: FeePrepaid}},
	} {
		got := tc.in
		got.FillFromHolder(&Holder{Name: "欧阳娜娜", IDType: IDResident, IDNumber: "11010519491231002X", Phone: "13800138000"})
		if got != tc.want {
			t.Errorf("FillFromHolder(%+v) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
	for id, want := range map[string]Sex{"11010519491231002X": SexFemale, "11010519491231001X": SexMale, "E12345678": ""} {
		typ := IDResident
		if id[0] == 'E' {
			typ = IDPassport
		}
		if got := IDSex(typ, id); got != want {
			t.Errorf("IDSex(%s) = %q, want %q", id, got, want)
		}
	}
}

func TestPaperProxyIsAnotherPerson(t *testing.T) {
	holder := "11010519491231002X"
	cases := []struct {
		name  string
		proxy string
		want  string
	}{
		{"the holder goes in person", "", ""},
		{"another person collects", "440305199001011238", ""},
		{"the holder's own number as the proxy's", holder, "err.paper.proxy_is_holder"},
		{"the same number typed in lower case", "11010519491231002x", "err.paper.proxy_is_holder"},
	}
	for _, tc := range cases {
		p := Paper{CertID: 1, Method: PaperOnsite, ProxyName: "李四", ProxyIDNumber: tc.proxy}
		p.Normalize()
		if got := key(ValidateProxy(&p, holder)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestJoinAddressSaysEachPartOnce(t *testing.T) {
	for _, c := range []struct {
		parts []string
		want  string
	}{
		{[]string{"北京市", "北京市", "朝阳区", "建国路88号"}, "北京市朝阳区建国路88号"},
		{[]string{"北京", "北京市", "朝阳区", "建国路88号"}, "北京市朝阳区建国路88号"},
		{[]string{"上海市", "上海市", "浦东新区", "世纪大道100号"}, "上海市浦东新区世纪大道100号"},
		{[]string{"广东省", "深圳市", "南山区", "科技园路1号"}, "广东省深圳市南山区科技园路1号"},
		{[]string{"广东省", "深圳市", "南山区", "广东省深圳市南山区科技园路1号"}, "广东省深圳市南山区科技园路1号"},
		{[]string{"广东省", "深圳市", "南山区", "南山区科技园路1号"}, "广东省深圳市南山区科技园路1号"},
		{[]string{"重庆市", "重庆市", "渝中区", ""}, "重庆市渝中区"},
		{[]string{"湖北省", "潜江市", "", "园林路"}, "湖北省潜江市园林路"},
	} {
		if got := JoinAddress(c.parts...); got != c.want {
			t.Errorf("JoinAddress(%q) = %q, want %q", c.parts, got, c.want)
		}
	}
}
