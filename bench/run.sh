#!/usr/bin/env bash
# One command for every benchmark figure (README "Benchmarks", docs/BENCHMARKS.md):
#   bench/run.sh [--size 20k|100k|1m|N] [--only import,reads,...] [--out FILE] [--dir DIR] ...
#   bench/run.sh e2e [--size 1m] [--dir DIR] [--no-seed]: end to end, a new JVM per command and the
#   window opened on the file, beside the seed (bench/e2e.sh; issue 24)
# Builds the test classes offline, then runs dev.pairstudio.bench.BenchmarkSuite with a 256 MB heap
# (the issues' limit). bench/run.sh --help lists every option.
# Environment: BENCH_JAVA_OPTS (default -Xmx256m), BENCH_SKIP_BUILD=1 to reuse the last build,
# BENCH_MVN_OPTS (default -o: offline).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == e2e ]]; then
  shift
  exec bench/e2e.sh "$@"
fi

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 || ! -f target/bench-classpath.txt ]]; then
  # shellcheck disable=SC2086
  mvn -q ${BENCH_MVN_OPTS--o} -DskipTests test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
fi

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
  commit="$commit+changes"
fi
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx256m} -Dbench.commit="$commit" \
    -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    dev.pairstudio.bench.BenchmarkSuite "$@"
