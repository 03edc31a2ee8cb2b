#!/usr/bin/env bash
# The Windows release, tried under Debian's Wine, headless, as a user would
# use it (make wine-test, after make release):
#   the installer, silently, per user: the program under %LocalAppData%,
#   its shortcuts on the desktop and in the Start menu;
#   the installed swcert.exe (the window build) and swcert-cli.exe running
#   the commands on the default database, %AppData%\SWCert\swcert.db, with
#   Windows paths (a drive letter, backslashes, a space, Chinese) for every
#   file read or written; the outputs read back as on Linux (pdftotext and
#   zbarimg on the PDF, openpyxl on the roster, unzip on the backup);
#   the portable zip's program;
#   the uninstaller, silently: the program goes, the data stays.
# A throwaway Wine prefix in a temporary folder; nothing else is touched.
# Usage: scripts/wine-test.sh [DIST]
set -euo pipefail
cd "$(dirname "$0")/.."
dist=$(realpath "${1:-dist}")
root=$(pwd)
t0=$(date +%s)
lap() { echo "wine-test: $1 ($(($(date +%s) - t0)) s)"; }
fail() { echo "wine-test: FAIL: $*" >&2; exit 1; }

setup=$(ls "$dist"/SWCert-*-windows-amd64-setup.exe)
portable=$(ls "$dist"/SWCert-*-windows-amd64-portable.zip)
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)

work=$(mktemp -d)
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY WAYLAND_DISPLAY
cleanup() {
	wineserver -k 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

wineboot --init >/dev/null 2>&1 || true
wineserver -w
# Wine 8.0 lacks bcryptprimitives.dll (ProcessPrng), which Go needs on
# Windows; every Windows 10 or later has it. A shim, in this prefix only.
x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def -ladvapi32
user=$(wine cmd /c 'echo %USERNAME%' 2>/dev/null | tr -d '\r')
home="$WINEPREFIX/drive_c/users/$user"
lap "Wine prefix for $user"

# The installer, silently, as the user (it asks for no administrator).
wine "$setup" /S
wineserver -w
inst="$home/AppData/Local/Programs/SWCert"
[ -f "$inst/swcert.exe" ] && [ -f "$inst/swcert-cli.exe" ] && [ -f "$inst/uninstall.exe" ] || fail "not installed in $inst: $(ls -R "$home/AppData/Local" | head -20)"
ls "$home/Desktop/"*.lnk >/dev/null 2>&1 || fail "no desktop shortcut"
ls "$home/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/SWCert/"*.lnk >/dev/null 2>&1 || fail "no Start-menu shortcut"
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\SWCert' /v DisplayVersion 2>/dev/null | tr -d '\r' | grep "$version" >/dev/null || fail "not registered for Add/Remove programs"
lap "installed in %LocalAppData%\\Programs\\SWCert"

out='C:\导出 files'
outu="$WINEPREFIX/drive_c/导出 files"
mkdir -p "$outu"
data="$home/AppData/Roaming/SWCert"

# Each command on the default database, English, a fixed clock; run as a
# user runs it from cmd.exe. The window build (a GUI program) prints when
# its output goes to a file or pipe, as here.
sw() { wine "$inst/$exe" --now "$now" --lang en "$@" | tr -d '\r'; }
for exe in swcert.exe swcert-cli.exe; do
	rm -rf "$data" "$outu"/*
	now=2026-11-22
	v=$(sw version)
	case "$v" in "SWCert · 社工证书助手 $version (commit "*) ;; *) fail "$exe version: $v" ;; esac
	sw demo --holders 5 | grep "Added 5 demo holders to C:\\\\users\\\\$user\\\\AppData\\\\Roaming\\\\SWCert\\\\swcert.db" >/dev/null || fail "$exe demo: not in %AppData%\\SWCert"
	[ -f "$data/swcert.db" ] && [ -f "$data/swcert.db.key" ] || fail "$exe: no database or key in $data"
	id=$(sw --json holder add --name 张伟 --id-number 11010519491231002X --phone 13800138000 --org 阳光社工 | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
	cert=$(sw --json cert add --holder "$id" --level assistant --mno 2025Z110001 --exam-year 2025 --passed-on 2025-09-20 --issued-on 2025-12-01 | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
	sw annotate apply --cert "$cert" | grep 'Being generated' >/dev/null || fail "$exe annotate apply"
	now=2026-11-23
	sw export cert --cert "$cert" --out "$out\\张伟 证书.pdf" | grep 'Exported to C:\\导出 files\\张伟 证书.pdf' >/dev/null || fail "$exe export cert"
	pdf="$outu/张伟 证书.pdf"
	text=$(pdftotext -raw "$pdf" -)
	for want in 张伟 2025Z110001 '110105********002X' 助理社会工作师; do
		grep -qF -- "$want" <<<"$text" || fail "$exe: the PDF lacks $want"
	done
	grep -qF 11010519491231002X <<<"$text" && fail "$exe: the full ID number is in the PDF"
	pdftoppm -r 150 -png -f 1 -l 1 "$pdf" "$work/page"
	qr=$(zbarimg -q --raw -Sdisable -Sqrcode.enable "$work"/page*.png) || fail "$exe: no QR code in the PDF"
	grep -qF 11010519491231002X <<<"$qr" && fail "$exe: the full ID number is in the QR code"
	rm -f "$work"/page*.png
	sw --json verify "$out\\张伟 证书.pdf" | /usr/bin/python3 -c '
import json, sys
v = json.load(sys.stdin)
assert v["valid"] and v["matches_record"] and v["claims"]["mno"] == "2025Z110001", v' || fail "$exe verify"
	printf '姓名,证件号码,级别,管理号,合格日期,发证日期\r\n李娜,44030519900101123X,社会工作师,2022S110001,2022-09-20,2022-12-01\r\n' |
		iconv -f UTF-8 -t GB18030 >"$outu/员工.csv"
	sw import "$out\\员工.csv" | grep 'Imported: 2 records new' >/dev/null || fail "$exe import of a GB18030 CSV"
	sw export roster --out "$out\\名册.xlsx" | grep -E 'Saved the roster \([0-9]+ certificates\) to C:\\导出 files\\名册.xlsx' >/dev/null || fail "$exe export roster"
	/usr/bin/python3 - "$outu/名册.xlsx" <<'EOF' || fail "$exe: the roster"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = {r[0]: r for r in ws.iter_rows(values_only=True)}
assert rows["姓名"][2] == "证件号码" and rows["姓名"][7] == "管理号", rows["姓名"]
assert rows["张伟"][2] == "11010519491231002X" and rows["张伟"][7] == "2025Z110001", rows["张伟"]
assert rows["李娜"][7] == "2022S110001" and rows["李娜"][6] == "社会工作师", rows["李娜"]
assert len(rows) >= 8, len(rows)  # the header, 5 demo holders, 张伟, 李娜
EOF
	# The backup (a zip whose entries use / whatever the OS) and the check
	# of the data folder, with its key and journal, on Windows paths.
	sw backup --out "$out\\备份.zip" | grep 'Backup written to C:\\导出 files\\备份.zip' >/dev/null || fail "$exe backup"
	unzip -l "$outu/备份.zip" | grep 'swcert.db' >/dev/null || fail "$exe: the backup lacks the database"
	sw check | grep 'is sound' >/dev/null || fail "$exe check"
	lap "$exe: version, demo, holder add, annotate apply, export cert, verify, import, export roster, backup, check"
done

# The portable zip runs where it is unpacked.
mkdir -p "$WINEPREFIX/drive_c/SWCert portable"
unzip -q "$portable" -d "$WINEPREFIX/drive_c/SWCert portable"
wine 'C:\SWCert portable\swcert-cli.exe' version | tr -d '\r' | grep "$version" >/dev/null || fail "portable swcert-cli.exe"
wine 'C:\SWCert portable\swcert.exe' version | tr -d '\r' | grep "$version" >/dev/null || fail "portable swcert.exe"
lap "portable zip"

# The uninstaller, silently: the program, shortcuts and registration go;
# the data stays.
wine "$inst/uninstall.exe" /S
wineserver -w
for _ in $(seq 50); do [ -e "$inst/swcert.exe" ] || break; sleep 0.2; done
[ ! -e "$inst/swcert.exe" ] || fail "uninstall left $inst/swcert.exe"
! ls "$home/Desktop/"*.lnk >/dev/null 2>&1 || fail "uninstall left the desktop shortcut"
[ -f "$data/swcert.db" ] && [ -f "$data/swcert.db.key" ] || fail "uninstall removed the data"
lap "uninstalled; the data stays in %AppData%\\SWCert"

# Installed again over the kept data, then removed for good: /S /DELETEDATA
# (what ticking "also delete my data" does) takes the data too.
wine "$setup" /S
wineserver -w
[ -f "$inst/swcert.exe" ] && [ -f "$data/swcert.db" ] || fail "reinstalled: $(ls "$inst" "$data" 2>&1)"
wine "$inst/uninstall.exe" /S /DELETEDATA
wineserver -w
for _ in $(seq 50); do [ -e "$inst/swcert.exe" ] || [ -e "$data" ] || break; sleep 0.2; done
[ ! -e "$inst/swcert.exe" ] || fail "uninstall /DELETEDATA left $inst/swcert.exe"
[ ! -e "$data" ] || fail "uninstall /DELETEDATA left the data: $(ls "$data")"
lap "uninstalled with /DELETEDATA; the data went too"
echo "wine-test: ok"
