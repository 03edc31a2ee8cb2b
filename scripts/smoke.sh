#!/usr/bin/env bash
# Smoke test of the real binary under Xvfb: a demo database, the window
# appears with its title, a screenshot is saved, the app quits cleanly.
# Usage: scripts/smoke.sh BINARY OUT.png
set -euo pipefail
bin=$(realpath "$1")
out=${2:-out/smoke.png}
mkdir -p "$(dirname "$out")"
work=$(mktemp -d)
cleanup() {
	kill $app_pid $xvfb_pid 2>/dev/null || true
	# Wait for Xvfb to go, so that the next run cannot find it half gone.
	[ -n "$xvfb_pid" ] && wait "$xvfb_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
app_pid=""; xvfb_pid=""

db="$work/smoke.db"
"$bin" --db "$db" --now 2026-11-22 demo >/dev/null

# A free display number.
d=99
while [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ]; do d=$((d + 1)); done
Xvfb ":$d" -screen 0 1280x800x24 -nolisten tcp +extension GLX >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$d"
ready=""
for _ in $(seq 100); do
	if xdpyinfo >/dev/null 2>&1; then ready=1; break; fi
	sleep 0.1
done
if [ -z "$ready" ]; then echo "smoke: Xvfb did not start:"; cat "$work/xvfb.log"; exit 1; fi
mkdir -p "$work/home" "$work/run"
chmod 700 "$work/run"

# An empty HOME so the preferences of whoever runs this do not leak in;
# English for a stable title to wait for.
HOME="$work/home" XDG_RUNTIME_DIR="$work/run" LANG=en_US.UTF-8 LANGUAGE=en "$bin" --db "$db" --now 2026-11-22 --lang en >"$work/app.log" 2>&1 &
app_pid=$!

win=""
for _ in $(seq 150); do
	win=$(xdotool search --name "SWCert" 2>/dev/null | head -1 || true)
	[ -n "$win" ] && break
	if ! kill -0 "$app_pid" 2>/dev/null; then
		echo "smoke: swcert exited before showing its window:"; cat "$work/app.log"; exit 1
	fi
	sleep 0.2
done
if [ -z "$win" ]; then echo "smoke: no SWCert window after 30 s"; cat "$work/app.log"; exit 1; fi
echo "smoke: window $(xdotool getwindowname "$win")"
sleep 3 # let the first frames render
import -window root "$out"
echo "smoke: screenshot $out"

# Without a window manager there is no close button to press; Fyne quits
# cleanly on SIGTERM (the window closes, the store is closed).
kill -TERM "$app_pid"
for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then echo "smoke: swcert did not close"; exit 1; fi
wait "$app_pid" || { echo "smoke: swcert exited with an error"; cat "$work/app.log"; exit 1; }
app_pid=""
