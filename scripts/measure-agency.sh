#!/usr/bin/env bash
# Measures the agency figures of issue 6 as a user meets them: the real
# binary on a real file of 100,000 demo holders. Takes a few minutes.
# Usage: scripts/measure-agency.sh [BINARY]   (default: bin/swcert; `make build` first)
set -euo pipefail
bin=$(realpath "${1:-bin/swcert}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now=2026-11-22
measure() { # label, command…: wall time and peak memory
	local label=$1; shift
	/usr/bin/time -f "%e s, %M KB peak" -o "$work/time" "$@" >/dev/null
	printf '%-44s %s\n' "$label" "$(cat "$work/time")"
}
db="$work/big.db"
measure "demo --holders 100000" "$bin" --db "$db" --now $now demo --holders 100000
measure "due --within 30" "$bin" --db "$db" --now $now due --within 30
measure "due --within 30, again" "$bin" --db "$db" --now $now due --within 30
measure "export roster (.xlsx, 100k holders)" "$bin" --db "$db" --now $now export roster --out "$work/roster.xlsx"
measure "export roster (.csv)" "$bin" --db "$db" --now $now export roster --out "$work/roster.csv"
head -n 10001 "$work/roster.csv" > "$work/10k.csv"
measure "import 10,000 rows (.csv, empty database)" "$bin" --db "$work/a.db" --now $now import "$work/10k.csv"
"$bin" --db "$work/a.db" --now $now export roster --out "$work/10k.xlsx" >/dev/null
measure "import 10,000 rows (.xlsx, empty database)" "$bin" --db "$work/b.db" --now $now import "$work/10k.xlsx"
measure "due --within 30 after that import (works out 10,000)" "$bin" --db "$work/b.db" --now $now due --within 30
measure "export certs of ~1,000 holders (ZIP)" "$bin" --db "$db" --now $now export certs --search 王 --out "$work/certs.zip"
echo "certificates in the ZIP: $(unzip -l "$work/certs.zip" | tail -1 | awk '{print $2}')"
# The next day: the holders whose dates came are worked out again first.
measure "due --within 30, the next day" "$bin" --db "$db" --now 2026-11-23 due --within 30

# The window on the 100,000 holders, the day after (so it works out that
# day's holders), under Xvfb: memory after it opened, after ten round trips
# between the Certificates tab and the dashboard, and the peak.
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
	Xvfb :93 -screen 0 1280x800x24 >/dev/null 2>&1 &
	xvfb=$!
	mkdir -p "$work/home" "$work/run" && chmod 700 "$work/run"
	DISPLAY=:93 HOME="$work/home" XDG_RUNTIME_DIR="$work/run" "$bin" --db "$db" --now 2026-11-23 >/dev/null 2>&1 &
	win=$!
	sleep 8
	rss() { awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2/1024}' /proc/$win/status; echo; }
	printf '%-44s %s\n' "window opened (dashboard shown)" "$(rss)"
	for _ in $(seq 10); do
		DISPLAY=:93 xdotool mousemove 160 69 click 1 && sleep 0.7
		DISPLAY=:93 xdotool mousemove 90 69 click 1 && sleep 0.7
	done
	sleep 3
	printf '%-44s %s\n' "after 10 tab round trips" "$(rss)"
	kill $win $xvfb
fi
