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
measure "export roster (.xlsx, 100k holders)" "$bin" --db "$db" --now $now export roster --out "$work/roster.xlsx"
measure "export roster (.csv)" "$bin" --db "$db" --now $now export roster --out "$work/roster.csv"
head -n 10001 "$work/roster.csv" > "$work/10k.csv"
measure "import 10,000 rows (.csv, empty database)" "$bin" --db "$work/a.db" --now $now import "$work/10k.csv"
"$bin" --db "$work/a.db" --now $now export roster --out "$work/10k.xlsx" >/dev/null
measure "import 10,000 rows (.xlsx, empty database)" "$bin" --db "$work/b.db" --now $now import "$work/10k.xlsx"
measure "export certs of ~1,000 holders (ZIP)" "$bin" --db "$db" --now $now export certs --search 王 --out "$work/certs.zip"
echo "certificates in the ZIP: $(unzip -l "$work/certs.zip" | tail -1 | awk '{print $2}')"
