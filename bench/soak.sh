#!/usr/bin/env bash
# The soak of issue 25: N cycles on one H2 file (import, collect over HTTP while reading, export
# every format, delete/restore/purge, close and reopen), checking the counts after every step.
# Not part of `mvn verify`; it runs for hours at the issue's size.
#   bench/soak.sh [--dir DIR] [--cycles N] [--pairs N] [--collect-seconds S] [--rate PAIRS_PER_S] [--heap 6g]
#                 [--stop-by 2026-12-08T01:20:00Z] [--resume]
# Defaults: target/soak, 10 cycles of 1,000,000 pairs, 60 s of collecting at 1,000 pairs/s, a 6 GB heap
# (imports run in this JVM, beside its own index of up to ~8M live pairs: 1 GB ran out at 3.2M).
# --stop-by pauses at the last cycle boundary that fits (a cycle ends by closing the file);
# --resume continues that run in DIR from its soak.state with the same settings.
# Prints a line per step; the last line says CLEAN or FAILED; the exit code counts the problems.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=target/soak; cycles=10; pairs=1000000; collect=60; rate=1000; heap=6g; extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --cycles) cycles="$2"; shift 2 ;;
    --pairs) pairs="$2"; shift 2 ;;
    --collect-seconds) collect="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --stop-by) extra+=("--stop-by=$2"); shift 2 ;;
    --resume) extra+=("--resume"); shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "soak: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$dir"
# shellcheck disable=SC2086
mvn -q ${BENCH_MVN_OPTS--o} -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
export PAIRSTUDIO_HOME="$dir/home"   # logs and settings stay out of the user's directory
exec java -Xmx"$heap" -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    dev.pairstudio.reliability.Soak "$dir" "$cycles" "$pairs" "$collect" "$rate" ${extra[@]+"${extra[@]}"}
