#!/usr/bin/env bash
# The agency edition's figures on a PostgreSQL server (issue 18): a
# throwaway cluster of the machine's PostgreSQL (as data/pgtest starts
# one), then
#   - the search and the dashboard over 1,000,000 holders
#     (BenchmarkServerSearch1M, BenchmarkServerDashboard1M; their
#     database is copied in once, a few minutes),
#   - the import of 10,000 rows (BenchmarkServerImportSheet10k),
#   - `swcert demo --holders N` against the server, wall time, and the
#     dashboard and the searches on what it wrote (BenchmarkServerDashboard,
#     BenchmarkServerDemoSearch).
# The server gets 1 GB of shared buffers (the default 128 MB holds no
# tenth of 1,000,000 holders: every search read its rows from the OS).
# Usage: scripts/pg-bench.sh [DEMO-HOLDERS] [BINARY]
#   DEMO-HOLDERS: default 100000 (1,000,000: about 20 minutes, README)
#   BINARY: default bin/swcert-cli (`make cli` first)
set -euo pipefail
holders=${1:-100000}
bin=$(realpath "${2:-bin/swcert-cli}")
go=${GO:-go}
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d /tmp/swcert-pgbench-XXXXXX)
as=()
if [ "$(id -u)" = 0 ]; then # PostgreSQL refuses root
	chown postgres "$work"
	as=(runuser -u postgres --)
fi
stop() {
	"${as[@]}" "$pgbin/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap stop EXIT
"${as[@]}" "$pgbin/initdb" -D "$work/data" -U swcert_owner -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
"${as[@]}" "$pgbin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
	-o "-k $work -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB" start >/dev/null
dsn() { echo "postgres://swcert_owner@/$1?host=$work&sslmode=disable"; }
for d in search demo; do
	"${as[@]}" "$pgbin/psql" -q -h "$work" -U swcert_owner -d postgres -c "CREATE DATABASE $d"
done

export SWCERT_TEST_STORE=postgres
SWCERT_BENCH_SERVER_DSN=$(dsn search) "$go" test -run '^$' -bench 'ServerSearch1M|ServerDashboard1M' -benchtime 10x -timeout 60m ./data/store/
"$go" test -run '^$' -bench ServerImportSheet10k -benchtime 3x ./data/store/

home="$work/home"
mkdir -p "$home"
/usr/bin/time -f "%e s, %M KB peak" -o "$work/time" env HOME="$home" "$bin" --db "$(dsn demo)" demo --holders "$holders" >/dev/null
echo "swcert demo --holders $holders on the server: $(cat "$work/time")"
SWCERT_BENCH_SERVER_DEMO_DSN=$(dsn demo) "$go" test -run '^$' -bench 'ServerDashboard$|ServerDemoSearch' -benchtime 3x ./data/store/
