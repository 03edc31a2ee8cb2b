package pdf

import "github.com/swcert/swcert/assets"

// The documents call a field what the window and the command line call it:
// the translations' "field.…" words (assets.Word), Chinese with the
// English beside it. Words only documents use are set where they are used.

// zh is a field's Chinese name, en its English one.
func zh(field string) string { return assets.Word(assets.Chinese, "field."+field) }
func en(field string) string { return assets.Word(assets.English, "field."+field) }

// certName is the certificate's name, as issued: 社会工作者职业水平证书.
func certName() string { return assets.Word(assets.Chinese, "doc.cert_name") }
