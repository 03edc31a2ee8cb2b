#!/usr/bin/env bash
# A screenshot of SWCert as installed on Windows: the installer run
# silently under Wine in a throwaway prefix, a demo database in the
# installed program's default place (%AppData%\SWCert), the installed
# swcert.exe started under Xvfb in Chinese, the window saved.
# Usage: scripts/windows-screenshot.sh DIST OUT.png
set -euo pipefail
cd "$(dirname "$0")/.."
dist=$(realpath "$1")
out=$(realpath -m "$2")
setup=$(ls "$dist"/SWCert-*-windows-amd64-setup.exe)
work=$(mktemp -d)
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
xvfb_pid=""
cleanup() {
	wineserver -k 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
d=99
while [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ]; do d=$((d + 1)); done
Xvfb ":$d" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$d"
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

wineboot --init >/dev/null 2>&1 || true
wineserver -w
# Wine 8.0 lacks bcryptprimitives.dll, which Go needs (see wine-test.sh).
x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def -ladvapi32
user=$(wine cmd /c 'echo %USERNAME%' 2>/dev/null | tr -d '\r')
home="$WINEPREFIX/drive_c/users/$user"
wine "$setup" /S
wineserver -w
inst="$home/AppData/Local/Programs/SWCert"
wine "$inst/swcert-cli.exe" --now 2026-11-22 demo >/dev/null
# Chinese, the light theme, the dashboard, at 1280×800.
prefs="$home/AppData/Roaming/fyne/cn.swcert.app"
mkdir -p "$prefs"
printf '{"language":"zh_Hans","theme":"light","tab":"dashboard","window_width":1280,"window_height":800}' >"$prefs/preferences.json"
wine "$inst/swcert.exe" --now 2026-11-22 >/dev/null 2>&1 &
win=""
for _ in $(seq 150); do
	win=$(xdotool search --name "SWCert" 2>/dev/null | head -1 || true)
	[ -n "$win" ] && break
	sleep 0.2
done
[ -n "$win" ] || { echo "windows-screenshot: no window"; exit 1; }
sleep 6
import -window "$win" "$out"
echo "windows-screenshot: $out"
