#!/usr/bin/env bash
# What a phone photo of a printed page does to the seal, measured: each of
# the three sealed documents (certificate, CE report, mail form) exported
# by the real binary, rendered by pdftoppm and degraded as a photo
# degrades it, then read by the app's own reader (swcert verify: valid or
# not) and by zbarimg (the seal's text, compared with the exported one).
# Prints one table: the QR code's version and modules, then a column per
# variant.
# Usage: scripts/seal-photo.sh BINARY
set -euo pipefail
bin=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

now1=2026-11-22T10:00:00+08:00
now2=2026-11-23T10:00:00+08:00
sw() { "$bin" --db "$work/t.db" --lang en "$@"; }
{
	sw --now $now1 holder add --name 欧阳娜娜 --id-number 11010519491231002X --phone 13800138000
	sw --now $now1 cert add --holder 1 --level social_worker --mno 2022S110001 --exam-year 2022 --passed-on 2022-09-20 --issued-on 2022-12-01
	sw --now $now1 annotate apply --cert 1
	sw --now $now2 annotate complete 1 --at 2026-11-22T12:00:00+08:00
	sw --now $now1 reg add --cert 1 --kind first --status issued --applied-on 2022-10-01 --valid-from 2022-11-01
	sw --now $now1 ce add --holder 1 --kind online --title 伦理 --hours 3 --date 2024-01-05
	sw --now $now1 ce add --holder 1 --kind training --title 社区治理培训 --hours 24 --date 2024-03-01 --review approved
	sw --now $now1 paper set --cert 1 --method mail --window-start 2026-11-01 --window-end 2026-12-31
	sw --now $now1 mail form --cert 1 --province 北京市 --city 北京市 --district 朝阳区 --address 建国路88号 --postcode 100022
	sw --now $now2 export cert --cert 1 --out cert.pdf
	sw --now $now2 export ce-report --holder 1 --out ce.pdf
	sw --now $now2 export mailform --cert 1 --out mail.pdf
} >/dev/null

# variant name → how the page image is made from the PDF ($1) into $2.
variants=(r72 r96 r100 r150 r150-half r150-blur r100-half r100-blur r72-blur r96-jpeg30 r150-photo)
make_variant() {
	local pdf=$1 out=$2 v=$3
	case $v in
	r72 | r96 | r100 | r150) pdftoppm -r "${v#r}" -png -singlefile "$pdf" "${out%.png}" ;;
	r150-half) pdftoppm -r 150 -png -singlefile "$pdf" p && convert p.png -resize 50% "$out" ;;
	r150-blur) pdftoppm -r 150 -png -singlefile "$pdf" p && convert p.png -blur 0x1.5 "$out" ;;
	r100-half) pdftoppm -r 100 -png -singlefile "$pdf" p && convert p.png -resize 50% "$out" ;;
	r100-blur) pdftoppm -r 100 -png -singlefile "$pdf" p && convert p.png -blur 0x1.5 "$out" ;;
	r72-blur) pdftoppm -r 72 -png -singlefile "$pdf" p && convert p.png -blur 0x1.5 "$out" ;;
	r96-jpeg30) pdftoppm -r 96 -png -singlefile "$pdf" p && convert p.png -quality 30 "${out%.png}.jpg" && mv "${out%.png}.jpg" "$out" ;;
	# A phone held a little askew: turned 4°, blurred, noisy, JPEG.
	r150-photo) pdftoppm -r 150 -png -singlefile "$pdf" p && convert p.png -background white -rotate 4 -blur 0x1.2 \
		-attenuate 0.4 +noise Gaussian -quality 70 "${out%.png}.jpg" && mv "${out%.png}.jpg" "$out" ;;
	esac
}

printf '%-6s %-11s' doc QR
printf ' %-11s' "${variants[@]}"
printf '\n'
for doc in cert ce mail; do
	jws=$(sw --now $now2 --json verify $doc.pdf | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["jws"])')
	# Version from the code's side without its quiet zone (4 px a
	# module): 17 + 4 × version modules.
	pdfimages -png $doc.pdf img >/dev/null
	modules=$(($(convert img-000.png -trim -format %w info:) / 4))
	rm -f img-*.png
	printf '%-6s %-11s' $doc "v$(((modules - 17) / 4))/${modules}m"
	for v in "${variants[@]}"; do
		make_variant $doc.pdf page.png "$v"
		app=no zbar=no
		if sw --now $now2 verify page.png >/dev/null 2>&1; then app=ok; fi
		got=$(zbarimg --quiet --raw -Sdisable -Sqrcode.enable page.png 2>/dev/null || true)
		if [ "$got" = "$jws" ]; then zbar=ok; fi
		printf ' %-11s' "$app/$zbar"
	done
	printf '\n'
done
echo "(each cell: swcert verify / zbarimg; rNN: rendered at NN dpi; -half: scaled to 50 %; -blur: blurred by 1.5 px; -jpeg30: JPEG at quality 30; -photo: turned 4°, blurred 1.2 px, noise, JPEG 70)"
