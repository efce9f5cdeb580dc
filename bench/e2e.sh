#!/usr/bin/env bash
# End-to-end figures of issue 24, as a user meets them: a new JVM per CLI command on one H2 file,
# the window opened on it, and the seed's figures from the same run beside them.
#   bench/run.sh e2e [--size 1m|100k|N] [--dir DIR] [--no-seed]
# DIR (default target/e2e-SIZE) keeps pairs.jsonl(.gz) and the database between runs: the file is
# generated (seed 42) and imported once; delete DIR to start over. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."

size=1m; dir=""; seed=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --no-seed) seed=false; shift ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
jar="$PWD/target/pair-studio.jar"
export PAIRSTUDIO_HOME="$dir/home"   # the CLI's log and settings stay out of the user's directory
db="$dir/store"
times="$dir/time.txt"
rows=()

# run LABEL GOAL SEED CMD...: one fresh process, timed (wall seconds, max RSS)
run() {
  local label="$1" goal="$2" seedfig="$3"; shift 3
  /usr/bin/time -f "%e %U %S %M" -o "$times" "$@" > "$dir/last.out" 2> "$dir/last.err" || { echo "e2e: '$label' failed:" >&2; tail -5 "$dir/last.err" >&2; exit 1; }
  read -r wall user sys rss < "$times"
  cpu=$(python3 -c "print(round($user + $sys, 2))")
  rows+=("| $label | $wall s | $cpu s | $(( rss / 1024 )) MB | $seedfig | $goal |")
  echo "$label: $wall s wall, $cpu s CPU, $(( rss / 1024 )) MB" >&2
}

if [[ ! -f "$dir/pairs.jsonl" ]]; then
  java -jar "$jar" generate --count "$count" --seed 42 --output "$dir/pairs.jsonl" >&2
fi
[[ -f "$dir/pairs.jsonl.gz" ]] || gzip -k -1 "$dir/pairs.jsonl"

seed_json="$dir/seed.json"
if $seed; then
  echo "seed: ../shared/seed/seed_driver.py on the same file…" >&2
  python3 ../shared/seed/seed_driver.py "$dir/pairs.jsonl.gz" "$dir/seed-out" "$seed_json" >&2
fi
seedfig() { # seedfig PHASE: the seed's seconds for one phase of seed_driver.py, or —
  if [[ -f "$seed_json" ]]; then python3 -c "import json,sys; print(str(json.load(open(sys.argv[1]))['phases'][sys.argv[2]]['s']) + ' s')" "$seed_json" "$1"; else echo "—"; fi
}

if [[ ! -f "$db.mv.db" ]]; then
  run "import (stored, analysed, PII, grouped)" "≤ 30 s" "$(seedfig add) (add)" java -jar "$jar" import --db "$db" "$dir/pairs.jsonl"
fi
rm -f "$db.index"
run "stats --json, no snapshot yet (builds the index, writes the snapshot)" "—" "—" java -jar "$jar" stats --db "$db" --json
run "list --limit 5" "≤ 1.0 s" "—" java -jar "$jar" list --db "$db" --limit 5
run "stats --json" "≤ 1.0 s" "$(seedfig stats)" java -jar "$jar" stats --db "$db" --json
run "list --from 2024-03-01 --to 2024-08-31 --successful-only --limit 5" "≤ 1.0 s" "$(seedfig list_filter)" \
    java -jar "$jar" list --db "$db" --from 2024-03-01 --to 2024-08-31 --successful-only --limit 5
run "list --search orders --limit 5, first search (builds the word index, saves it)" "—" "—" java -jar "$jar" list --db "$db" --search orders --limit 5
run "list --search orders --limit 5" "≤ 1.0 s" "—" java -jar "$jar" list --db "$db" --search orders --limit 5
run "window: JVM start to first row drawn (WindowOpenBench)" "≤ 2.0 s" "—" \
    java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" dev.pairstudio.bench.WindowOpenBench "$db"
window_line="$(cat "$dir/last.out")"
# the exports of issues 22 and 24, at the heap they must fit in (the files are removed after each)
run "export --format jsonl (anonymized, dedup: the default), -Xmx256m" "≤ 12 s" "$(seedfig export_jsonl)" \
    java -Xmx256m -jar "$jar" export --db "$db" --format jsonl --overwrite --output "$dir/export.jsonl"
run "export --format jsonl --no-anonymize --keep-duplicates, -Xmx256m" "≤ 7 s" "$(seedfig export_jsonl)" \
    java -Xmx256m -jar "$jar" export --db "$db" --format jsonl --no-anonymize --keep-duplicates --overwrite --output "$dir/export.jsonl"
run "the same with --split 80/10/10, -Xmx256m" "≤ the row above + 10 s" "—" \
    java -Xmx256m -jar "$jar" export --db "$db" --format jsonl --no-anonymize --keep-duplicates --split 80/10/10 --overwrite \
    --output "$dir/export.jsonl"
rm -f "$dir"/export*.jsonl "$dir"/export*.manifest.json

echo
echo "$count pairs, $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo
echo "| what the user runs (a new JVM each) | wall | CPU (user+sys) | max RSS | the seed (same file, same run) | goal |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "$window_line"
