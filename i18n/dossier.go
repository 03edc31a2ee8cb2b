package i18n

import "strings"

// DossierIncomplete says what a holder's personal information still lacks
// (data.DossierMissing, field names): "dossier incomplete: ethnicity,
// photo" / "个人信息未完善：民族、照片". The registration due, the dashboard
// and `profile show` say it with this one sentence.
func DossierIncomplete(missing []string) string {
	names := make([]string, len(missing))
	for i, m := range missing {
		names[i] = Field(m)
	}
	return T("dossier.incomplete", "Missing", strings.Join(names, T("dossier.list_sep")))
}
