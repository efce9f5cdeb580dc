#!/usr/bin/env bash
# End-to-end figures of issue 24, as a user meets them: a new JVM per CLI command on one database,
# the window opened on it, and the seed's figures from the same run beside them.
#   bench/run.sh e2e [--size 1m|100k|10m|N] [--dir DIR] [--no-seed] [--db local-postgresql]
# DIR (default target/e2e-SIZE) keeps pairs.jsonl(.gz) and the database between runs: the file is
# generated (seed 42) and imported once; delete DIR to start over. Prints a Markdown table.
# --db local-postgresql: the database is a PostgreSQL server started from this machine's binaries
# (initdb, pg_ctl; fsync on) with its data in DIR/pg, imported once through the CLI, stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

size=1m; dir=""; seed=true; server=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --no-seed) seed=false; shift ;;
    --db) server="$2"; shift 2
      [[ "$server" == local-postgresql ]] || { echo "e2e: --db takes local-postgresql" >&2; exit 2; } ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "e2e: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
case "$size" in
  *k) count=$(( ${size%k} * 1000 )) ;;
  *m) count=$(( ${size%m} * 1000000 )) ;;
  *) count="$size" ;;
esac
dir="${dir:-target/e2e-$size}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 || ! -f target/pair-studio.jar || ! -f target/bench-classpath.txt ]]; then
  # shellcheck disable=SC2086
  mvn -q ${BENCH_MVN_OPTS--o} -DskipTests package dependency:build-classpath \
      -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
fi
jar="${E2E_JAR:-$PWD/target/pair-studio.jar}"   # E2E_JAR: a copy, so that a rebuild cannot change it mid-run
# JVM options: E2E_CLI_OPTS for the CLI (the installed launcher has -Xmx2g), E2E_WINDOW_OPTS for the
# window (e.g. -Xmx1536m: issue 24's window heap), E2E_EXPORT_OPTS for exports (issue 24's 256 MB);
# E2E_IMPORT_OPTS for the import (default: E2E_CLI_OPTS); E2E_EXPORTS=all|default|none; E2E_REBUILD=0;
# E2E_WINDOW_SETTLE=S keeps the window open S s after its first rows and prints its heap
cli_opts="${E2E_CLI_OPTS:-}"; window_opts="${E2E_WINDOW_OPTS:-}"; export_opts="${E2E_EXPORT_OPTS--Xmx256m}"
export PAIRSTUDIO_HOME="$dir/home"   # the CLI's log and settings stay out of the user's directory
times="$dir/time.txt"
rows=()

# run LABEL GOAL SEED CMD...: one fresh process, timed (wall seconds, max RSS)
run() {
  local label="$1" goal="$2" seedfig="$3"; shift 3
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$times" "$@" > "$dir/last.out" 2> "$dir/last.err" || { echo "e2e: '$label' failed:" >&2; tail -5 "$dir/last.err" >&2; exit 1; }
  read -r wall user sys rss < "$times"
  cpu=$(python3 -c "print(round($user + $sys, 2))")
  rows+=("| $label | $wall s | $cpu s | $(( rss / 1024 )) MB | $load | $seedfig | $goal |")
  echo "$label: $wall s wall, $cpu s CPU, $(( rss / 1024 )) MB" >&2
}

if [[ ! -f "$dir/pairs.jsonl" ]]; then
  java $cli_opts -jar "$jar" generate --count "$count" --seed 42 --output "$dir/pairs.jsonl" >&2
fi
if $seed && [[ ! -f "$dir/pairs.jsonl.gz" ]]; then gzip -k -1 "$dir/pairs.jsonl"; fi

seed_json="$dir/seed.json"
if $seed; then
  echo "seed: ../shared/seed/seed_driver.py on the same file…" >&2
  python3 ../shared/seed/seed_driver.py "$dir/pairs.jsonl.gz" "$dir/seed-out" "$seed_json" >&2
fi
seedfig() { # seedfig PHASE: the seed's seconds for one phase of seed_driver.py, or —
  if [[ -f "$seed_json" ]]; then python3 -c "import json,sys; print(str(json.load(open(sys.argv[1]))['phases'][sys.argv[2]]['s']) + ' s')" "$seed_json" "$1"; else echo "—"; fi
}

if [[ -n "$server" ]]; then
  # a throwaway server as the tests start one (testing/TestPostgres): as root, initdb and postgres run as 'postgres'
  pg="$dir/pg"; as=()
  [[ $(id -u) == 0 ]] && as=(setpriv --reuid="$(id -u postgres)" --regid="$(id -g postgres)" --clear-groups --)
  pgbin="$(dirname "$(readlink -f "$(command -v pg_ctl || ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)")")"
  if [[ ! -d "$pg/data" ]]; then
    mkdir -p "$pg"; [[ $(id -u) == 0 ]] && chown postgres: "$pg"
    "${as[@]}" "$pgbin/initdb" -D "$pg/data" -U pairs --auth=trust -E UTF8 --no-locale > "$pg/initdb.log"
  fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${as[@]}" "$pgbin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w start \
      -o "-p $port -k $pg -c listen_addresses=127.0.0.1 -c shared_buffers=128MB -c max_connections=50" >&2
  trap '"${as[@]}" "$pgbin/pg_ctl" -D "$pg/data" -m fast -w stop >&2' EXIT
  "${as[@]}" "$pgbin/psql" -h 127.0.0.1 -p "$port" -U pairs -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'pairs'" | grep -q 1 \
      || "${as[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U pairs pairs
  db="postgresql://pairs@127.0.0.1:$port/pairs"
  snapshot="$PAIRSTUDIO_HOME/index"   # each client keeps its own snapshot of a team database
  imported="$pg/imported"
else
  db="$dir/store"
  snapshot="$db.index"
  imported="$db.mv.db"
fi

if [[ ! -f "$imported" ]]; then
  run "import (stored, analysed, PII, grouped), ${E2E_IMPORT_OPTS-$cli_opts}" "≤ 30 s" "$(seedfig add) (add)" \
      java ${E2E_IMPORT_OPTS-$cli_opts} -jar "$jar" import --db "$db" "$dir/pairs.jsonl"
  [[ -n "$server" ]] && touch "$imported"
fi
if [[ "${E2E_REBUILD:-1}" == 1 ]]; then   # E2E_REBUILD=0 keeps the snapshot the import wrote
  rm -rf "$snapshot"
  run "stats --json, no snapshot yet (builds the index, writes the snapshot)" "—" "—" java $cli_opts -jar "$jar" stats --db "$db" --json
fi
run "list --limit 5" "≤ 1.0 s" "—" java $cli_opts -jar "$jar" list --db "$db" --limit 5
run "stats --json" "≤ 1.0 s" "$(seedfig stats)" java $cli_opts -jar "$jar" stats --db "$db" --json
run "list --from 2025-03-01 --to 2025-08-31 --successful-only --limit 5" "≤ 1.0 s" "$(seedfig list_filter)" \
    java $cli_opts -jar "$jar" list --db "$db" --from 2025-03-01 --to 2025-08-31 --successful-only --limit 5
# the rest of issue 24's list at scale (item 5): counts, a first and a deep page in another order, a sort
run "count, no filter (list --limit 1 --json: total)" "—" "—" java $cli_opts -jar "$jar" list --db "$db" --limit 1 --json
run "filtered count (March, successful, postgresql: list --limit 1 --json)" "—" "—" \
    java $cli_opts -jar "$jar" list --db "$db" --from 2025-03-01 --to 2025-03-31 --successful-only --database-type postgresql --limit 1 --json
run "first page of 100 by time, newest first" "—" "—" java $cli_opts -jar "$jar" list --db "$db" --sort TIMESTAMP --desc --limit 100
# a cursor in the middle of the time order: the last row of July 1st's first page (filters are not part of a cursor)
java $cli_opts -jar "$jar" list --db "$db" --sort TIMESTAMP --from 2025-07-01 --limit 1 --json > "$dir/cursor.json"
middle=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['next_cursor'])" "$dir/cursor.json")
run "a page of 100 in the middle of the time order (--after a cursor)" "—" "—" \
    java $cli_opts -jar "$jar" list --db "$db" --sort TIMESTAMP --after "$middle" --limit 100
run "first page of 100 by question" "—" "—" java $cli_opts -jar "$jar" list --db "$db" --sort QUESTION --limit 100
run "list --search orders --limit 5, first search (builds the word index, saves it)" "—" "—" java $cli_opts -jar "$jar" list --db "$db" --search orders --limit 5
run "list --search orders --limit 5" "≤ 1.0 s" "—" java $cli_opts -jar "$jar" list --db "$db" --search orders --limit 5
run "window: JVM start to first row drawn (WindowOpenBench)" "≤ 2.0 s" "—" \
    java $window_opts -Dbench.settle="${E2E_WINDOW_SETTLE:-0}" -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" dev.pairstudio.bench.WindowOpenBench "$db"
window_line="$(cat "$dir/last.out")"
# the exports of issues 22 and 24, at the heap they must fit in (the files are removed after each);
# E2E_EXPORTS=default runs only the first (at 10M each export writes GBs), none skips them
exports="${E2E_EXPORTS:-all}"
if [[ "$exports" != none ]]; then
  run "export --format jsonl (anonymized, dedup: the default), ${export_opts:-default heap}" "≤ 12 s" "$(seedfig export_jsonl)" \
      java $export_opts -jar "$jar" export --db "$db" --format jsonl --overwrite --output "$dir/export.jsonl"
fi
if [[ "$exports" == all ]]; then
  run "export --format jsonl --no-anonymize --keep-duplicates, ${export_opts:-default heap}" "≤ 7 s" "$(seedfig export_jsonl)" \
      java $export_opts -jar "$jar" export --db "$db" --format jsonl --no-anonymize --keep-duplicates --overwrite --output "$dir/export.jsonl"
  run "the same with --split 80/10/10, ${export_opts:-default heap}" "≤ the row above + 10 s" "—" \
      java $export_opts -jar "$jar" export --db "$db" --format jsonl --no-anonymize --keep-duplicates --split 80/10/10 --overwrite \
      --output "$dir/export.jsonl"
fi
rm -f "$dir"/export*.jsonl "$dir"/export*.manifest.json
run "delete --filter (January, to the trash)" "—" "—" java $cli_opts -jar "$jar" delete --db "$db" --filter --from 2025-01-01 --to 2025-01-31
deleted="$(head -1 "$dir/last.out")"
batch=$(sed -n 's/.*(batch \(.*\))$/\1/p' "$dir/last.out")
run "restore that batch" "—" "—" java $cli_opts -jar "$jar" restore --db "$db" "$batch"

echo
echo "$count pairs on ${server:-H2}, $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo
echo "| what the user runs (a new JVM each) | wall | CPU (user+sys) | max RSS | load (1 min) at start | the seed (same file, same run) | goal |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "$window_line"
echo "$deleted"
