#!/usr/bin/env bash
# The kill -9 campaign of issue 14, repeatable: the real binary is killed at
# a random moment while it imports a sheet, loads demo data, writes a ZIP of
# certificates and writes a roster; after each kill it checks that
#   - the database is sound (PRAGMA integrity_check and foreign_key_check),
#   - the write happened whole or not at all (holder count before or after,
#     never between; the ZIP/roster either absent or complete),
#   - the next run opens the database and no temporary file is left behind
#     (.swcert-* beside the database or the output, a roster's spill in the
#     system's temporary folder).
# Usage: scripts/kill-campaign.sh [BINARY] [RUNS]   (default: bin/swcert, 30)
# Prints one line per kind and exits 1 when any run broke a rule.
set -euo pipefail
bin=$(realpath "${1:-bin/swcert}")
runs=${2:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"
now=2026-11-22
sw() { "$bin" --now "$now" --lang en "$@"; }

# sql DB QUERY: one value, read with Python's sqlite3 (not SWCert).
sql() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(sys.argv[2]).fetchone()[0])' "$1" "$2"; }
sound() { # DB: integrity and foreign keys
	[ "$(sql "$1" 'PRAGMA integrity_check')" = ok ] &&
		[ "$(sql "$1" 'SELECT count(*) FROM pragma_foreign_key_check')" = 0 ]
}
# leftovers DIR…: temporary files left by a killed run beside its outputs
# and its database (the journal that lists them is SWCert's own folder), and
# a large roster's spill in the system's temporary folder.
leftovers() {
	{ find "$@" -maxdepth 1 -name '.swcert-*' ! -name .swcert-journal; find "$TMPDIR" -name 'excelize-*'; } 2>/dev/null | wc -l
}
# timed CMD…: the wall time of one complete run, in seconds
timed() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
# killat SECONDS ARG…: start swcert with ARG…, kill -9 it after SECONDS (if
# still running). The binary itself is started in the background, not the
# sw function: a kill would stop only the subshell running it.
killat() {
	local delay=$1; shift
	"$bin" --now "$now" --lang en "$@" >/dev/null 2>&1 &
	local pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}
# Each kill lands at a uniformly random moment up to 1.2 times a complete
# run's duration (some runs finish: their result must be whole too).
random_delay() { python3 -c "import random; print(round(random.uniform(0.02, 1.2 * $1), 3))"; }

failures=0
report() { # kind, runs, killed-midway, broken, temporary files left by the kills
	printf '%-30s %3d runs, %3d killed mid-write, %d broken, %d temporary files left by the kills\n' "$@"
	if [ "$4" != 0 ]; then failures=$((failures + 1)); fi
}

# --- import: a 5,000-row sheet into a database of 1,000 holders ---
base="$work/base.db"
sw --db "$base" demo --holders 1000 >/dev/null
sw --db "$base" export roster --out "$work/roster.csv" >/dev/null
# New people for the import: the demo's rows of a second database.
sw --db "$work/other.db" demo --holders 5000 >/dev/null
sw --db "$work/other.db" export roster --out "$work/import.csv" >/dev/null
before=$(sql "$base" 'SELECT count(*) FROM holders')
cp "$base" "$work/t.db"
full=$(timed sw --db "$work/t.db" import "$work/import.csv")
after=$(sql "$work/t.db" 'SELECT count(*) FROM holders')
killed=0 broken=0 left=0
for i in $(seq "$runs"); do
	rm -rf "$work/run" && mkdir "$work/run"
	cp "$base" "$work/run/t.db"
	killat "$(random_delay "$full")" --db "$work/run/t.db" import "$work/import.csv"
	n=$(sql "$work/run/t.db" 'SELECT count(*) FROM holders' 2>/dev/null || echo unreadable)
	[ "$n" = "$before" ] && killed=$((killed + 1))
	left=$((left + $(leftovers "$work/run")))
	if ! sound "$work/run/t.db" || { [ "$n" != "$before" ] && [ "$n" != "$after" ]; } ||
		! sw --db "$work/run/t.db" holder list --limit 1 >/dev/null || [ "$(leftovers "$work/run")" != 0 ]; then
		broken=$((broken + 1)); echo "import run $i: holders $n (expected $before or $after)" >&2
	fi
done
report "import (5,000 rows, .csv)" "$runs" "$killed" "$broken" "$left"

# --- demo: 5,000 holders into a new database ---
full=$(timed sw --db "$work/d.db" demo --holders 5000)
killed=0 broken=0 left=0
for i in $(seq "$runs"); do
	rm -rf "$work/run" && mkdir "$work/run"
	killat "$(random_delay "$full")" --db "$work/run/d.db" demo --holders 5000
	if [ ! -s "$work/run/d.db" ]; then killed=$((killed + 1)); continue; fi
	n=$(sql "$work/run/d.db" 'SELECT count(*) FROM holders' 2>/dev/null || echo unreadable)
	[ "$n" = 0 ] && killed=$((killed + 1))
	left=$((left + $(leftovers "$work/run")))
	if ! sound "$work/run/d.db" || { [ "$n" != 0 ] && [ "$n" != 5000 ]; } ||
		! sw --db "$work/run/d.db" holder list --limit 1 >/dev/null || [ "$(leftovers "$work/run")" != 0 ]; then
		broken=$((broken + 1)); echo "demo run $i: holders $n (expected 0 or 5000)" >&2
	fi
done
report "demo (5,000 holders)" "$runs" "$killed" "$broken" "$left"

# --- batch: the certificates of 300 holders into a ZIP ---
sw --db "$work/b300.db" demo --holders 300 >/dev/null
full=$(timed sw --db "$work/b300.db" export certs --out "$work/all.zip")
killed=0 broken=0 left=0
for i in $(seq "$runs"); do
	rm -rf "$work/out" "$work/run" && mkdir "$work/out" "$work/run"
	cp "$work/b300.db" "$work/run/b.db"
	cp "$work/b300.db.key" "$work/run/b.db.key" # the signing key, in its own file
	killat "$(random_delay "$full")" --db "$work/run/b.db" export certs --out "$work/out/certs.zip"
	[ -e "$work/out/certs.zip" ] || killed=$((killed + 1))
	left=$((left + $(leftovers "$work/out" "$work/run")))
	sw --db "$work/run/b.db" holder list --limit 1 >/dev/null || { broken=$((broken + 1)); continue; }
	if { [ -e "$work/out/certs.zip" ] && ! unzip -tq "$work/out/certs.zip" >/dev/null; } ||
		! sound "$work/run/b.db" || [ "$(leftovers "$work/out" "$work/run")" != 0 ]; then
		broken=$((broken + 1)); echo "batch run $i: broken ZIP or temporary files left" >&2
	fi
done
report "batch (300 certificates, ZIP)" "$runs" "$killed" "$broken" "$left"

# --- roster: 6,000 holders with full ID numbers into .xlsx ---
full=$(timed sw --db "$work/t.db" export roster --out "$work/r.xlsx")
killed=0 broken=0 left=0
for i in $(seq "$runs"); do
	rm -rf "$work/out" && mkdir "$work/out"
	killat "$(random_delay "$full")" --db "$work/t.db" export roster --out "$work/out/roster.xlsx"
	[ -e "$work/out/roster.xlsx" ] || killed=$((killed + 1))
	left=$((left + $(leftovers "$work/out" "$work")))
	sw --db "$work/t.db" holder list --limit 1 >/dev/null || { broken=$((broken + 1)); continue; }
	if { [ -e "$work/out/roster.xlsx" ] && ! unzip -tq "$work/out/roster.xlsx" >/dev/null; } ||
		[ "$(leftovers "$work/out" "$work")" != 0 ]; then
		broken=$((broken + 1)); echo "roster run $i: broken file or temporary files left" >&2
	fi
done
report "roster (6,000 rows, .xlsx)" "$runs" "$killed" "$broken" "$left"

[ "$failures" = 0 ]
