#!/usr/bin/env bash
# The collector under the window's reads (issue 25, session 9): a copy of DB, a collector on
# loopback taking 1,000 pairs/s in batches of 100 while a reader counts, pages and searches.
#   bench/collect-under-read.sh DB [seconds=60] [pairs/s=1000] [reader=on|off]
# DB is copied (with its index snapshot) into target/collect-bench first; the copy is deleted after.
# Set JFR=file.jfr to record a flight recording of the run; CLASSES=dir to measure another build's
# compiled main classes (a paired run against main) with this branch's benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
src="${1:?usage: bench/collect-under-read.sh DB [seconds] [pairs/s] [on|off]}"; shift
src="${src%.mv.db}"
work=target/collect-bench
rm -rf "$work" && mkdir -p "$work"
cp "$src.mv.db" "$work/bench.mv.db"
[[ -f "$src.index" ]] && cp "$src.index" "$work/bench.index"
# shellcheck disable=SC2086
mvn -q ${BENCH_MVN_OPTS--o} -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
export PAIRSTUDIO_HOME="$work/home"
jfr=()
[[ -n "${JFR:-}" ]] && jfr=("-XX:StartFlightRecording=filename=$JFR,settings=profile")
java -Xmx4g "${jfr[@]}" -Djava.awt.headless=true \
    -cp "target/test-classes:${CLASSES:-target/classes}:$(cat target/bench-classpath.txt)" \
    dev.pairstudio.reliability.CollectUnderReadBench "$work/bench" "$@"
status=$?
rm -rf "$work"
exit $status
