#!/usr/bin/env bash
# Kills exports with kill -9 at random moments and checks what is left:
# the hidden temporary files beside the output (.swcert-*, .swcert-batch-*.zip),
# a large roster's spill (.swcert-scratch-* in the data folder, excelize-* in
# the system's temporary folder), and whether the next command, any
# command, removes them. The database must stay whole (swcert holder list).
# Usage: scripts/kill-exports.sh [BINARY] [RUNS] [HOLDERS]
#        (default: bin/swcert, 10 runs of each export, 20,000 holders)
set -euo pipefail
bin=$(realpath "${1:-bin/swcert}")
runs=${2:-10}
holders=${3:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR" "$work/out"
now=2026-11-22
db="$work/data/swcert.db" # its folder made by swcert
"$bin" --db "$db" --now $now demo --holders "$holders" >/dev/null
leftovers() {
	{ find "$work/out" -name '.swcert-*'; find "$work/data" -maxdepth 1 -name '.swcert-scratch-*'; find "$TMPDIR" -name 'excelize-*'; } | wc -l
}
killed=0 left_after_kill=0 left_after_next=0 whole=0
for kind in roster.xlsx roster.csv certs.zip; do
	for i in $(seq "$runs"); do
		case $kind in
		roster.*) cmd=(export roster --out "$work/out/$kind") ;;
		certs.zip) cmd=(export certs --out "$work/out/$kind") ;;
		esac
		"$bin" --db "$db" --now $now "${cmd[@]}" >/dev/null 2>&1 &
		pid=$!
		sleep "$((RANDOM % 3)).$((RANDOM % 10))$((RANDOM % 10))"
		if kill -9 $pid 2>/dev/null; then killed=$((killed + 1)); fi
		wait $pid 2>/dev/null || true
		if [ "$(leftovers)" -gt 0 ]; then left_after_kill=$((left_after_kill + 1)); fi
		if "$bin" --db "$db" --now $now holder list --limit 1 >/dev/null; then whole=$((whole + 1)); fi
		if [ "$(leftovers)" -gt 0 ]; then left_after_next=$((left_after_next + 1)); fi
	done
done
total=$((3 * runs))
echo "runs: $total, killed while running: $killed"
echo "kills after which temporary files were there: $left_after_kill"
echo "runs after whose next command some were still there: $left_after_next"
echo "database whole after each: $whole of $total"
mode() { stat -c %a "$1"; }
echo "modes: data folder $(mode "$work/data"), database $(mode "$db"), roster $(mode "$work/out/roster.csv" 2>/dev/null || echo -)"
[ "$left_after_next" -eq 0 ] && [ "$whole" -eq "$total" ]
