#!/usr/bin/env bash
# Screenshots of every tab of the real window under Xvfb, in both
# languages at both sizes the issue names, on a demo database:
#   docs/screens/<lang>-<width>x<height>-<n>-<tab>.png
# The window is driven as a person drives it: Ctrl+1 … Ctrl+9 show the
# tabs; on the Certificates tab Ctrl+F, a demo holder's management number
# and ↓ pick a holder with CE hours partly done (the other tabs follow the
# same holder).
# Usage: scripts/screenshots.sh BINARY [OUTDIR]
set -euo pipefail
bin=$(realpath "$1")
out=$(realpath -m "${2:-docs/screens}")
mkdir -p "$out"
work=$(mktemp -d)
app_pid=""; xvfb_pid=""
cleanup() {
	kill $app_pid $xvfb_pid 2>/dev/null || true
	[ -n "$xvfb_pid" ] && wait "$xvfb_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

now=2026-11-22
db="$work/demo.db"
"$bin" --db "$db" --now $now demo >/dev/null
# A holder with CE records, a work history, honours and a project (the demo data
# are the same on every run).
mno=${SCREENSHOT_MNO:-2018Z350000015}

d=99
while [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ]; do d=$((d + 1)); done
Xvfb ":$d" -screen 0 1600x1000x24 -nolisten tcp +extension GLX >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$d"
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

tabs=(dashboard certificates annotation registration ce paper dossier service verify)
for lang in zh_Hans en; do
	for size in 1400x900 1024x700; do
		w=${size%x*}; h=${size#*x}
		home="$work/home-$lang-$size"
		prefs="$home/.config/fyne/cn.swcert.app"
		mkdir -p "$prefs" "$work/run"; chmod 700 "$work/run"
		# The window opens at the size it was last closed at, in the
		# language chosen, on the dashboard, in the light theme.
		printf '{"language":"%s","theme":"light","tab":"dashboard","window_width":%s,"window_height":%s}' \
			"$lang" "$w" "$h" >"$prefs/preferences.json"
		HOME="$home" XDG_RUNTIME_DIR="$work/run" FYNE_SCALE=1 "$bin" --db "$db" --now $now >"$work/app.log" 2>&1 &
		app_pid=$!
		win=""
		for _ in $(seq 150); do
			win=$(xdotool search --name "SWCert" 2>/dev/null | head -1 || true)
			[ -n "$win" ] && break
			kill -0 "$app_pid" 2>/dev/null || { echo "screenshots: swcert exited:"; cat "$work/app.log"; exit 1; }
			sleep 0.2
		done
		[ -n "$win" ] || { echo "screenshots: no window"; exit 1; }
		sleep 3
		xdotool windowfocus --sync "$win" 2>/dev/null || true
		# Pick the holder: the other tabs show the same one.
		xdotool key --window "$win" ctrl+2; sleep 1
		xdotool key --window "$win" ctrl+f; sleep 0.5
		xdotool type --window "$win" "$mno"; sleep 1.5
		xdotool key --window "$win" Down; sleep 1.5
		for i in "${!tabs[@]}"; do
			xdotool key --window "$win" "ctrl+$((i + 1))"
			sleep 1.5
			import -window "$win" "$out/$lang-$size-$((i + 1))-${tabs[$i]}.png"
		done
		kill -TERM "$app_pid"
		for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
		app_pid=""
		echo "screenshots: $lang $size"
	done
done
