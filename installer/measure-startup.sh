#!/usr/bin/env bash
# Measures the cold start of Pair Studio: time from launching the app until its main window
# ("Pair Studio — <database>", shown once the database is open) is mapped, under Xvfb. Each run gets a fresh, empty home directory (so
# JavaFX unpacks its natives and the app creates its data directory, as on a first start);
# --warm reuses one home for all runs.
#
#   installer/measure-startup.sh [--runs N] [--launcher PATH] [--warm] [--max SECONDS] [--timeout SECONDS]
#                                [--db PATH] [--rows]
#
#   --launcher  default: the installed /opt/pair-studio/bin/Pair Studio, else the app image in
#               target/installer/dist, else "java -jar target/pair-studio.jar" (also: --launcher jar)
#   --runs      default 5; the median is reported
#   --max       exit 1 when the median is above this many seconds (no limit by default)
#   --timeout   give up on one run after this many seconds (default 60)
#   --db        open this database (--db=PATH to the app) instead of a fresh home's demo database
#   --rows      time until the table shows its first rows (the app logs "First rows shown …"),
#               not until the window is mapped: issue 24's "rows visible after launch"
#
# Prints one line per run and a final "median=<s>" line; needs xvfb-run (or a DISPLAY),
# xdotool (installer/install-build-deps.sh).
set -euo pipefail

runs=5; launcher=""; warm=false; max=""; timeout=60; db=""; rows=false
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --launcher) launcher="$2"; shift 2 ;;
    --warm) warm=true; shift ;;
    --max) max="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --rows) rows=true; shift ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "measure-startup.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"

# Re-run under a private X server when there is no display.
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "measure-startup.sh: no DISPLAY and no xvfb-run (run installer/install-build-deps.sh)" >&2; exit 1; }
  again=(--runs "$runs" --timeout "$timeout")
  [ -n "$launcher" ] && again+=(--launcher "$launcher")
  [ -n "$max" ] && again+=(--max "$max")
  $warm && again+=(--warm)
  [ -n "$db" ] && again+=(--db "$db")
  $rows && again+=(--rows)
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "${again[@]}"
fi
command -v xdotool >/dev/null || { echo "measure-startup.sh: xdotool not found (run installer/install-build-deps.sh)" >&2; exit 1; }

cmd=()
if [ "$launcher" = jar ]; then
  cmd=(java -jar "$root/target/pair-studio.jar")
elif [ -n "$launcher" ]; then
  [ -x "$launcher" ] || { echo "measure-startup.sh: launcher '$launcher' is not an executable file" >&2; exit 1; }
  cmd=("$launcher")
elif [ -x "/opt/pair-studio/bin/Pair Studio" ]; then cmd=("/opt/pair-studio/bin/Pair Studio")
elif [ -x "$root/target/installer/dist/Pair Studio/bin/Pair Studio" ]; then cmd=("$root/target/installer/dist/Pair Studio/bin/Pair Studio")
elif [ -f "$root/target/pair-studio.jar" ]; then cmd=(java -jar "$root/target/pair-studio.jar")
else echo "measure-startup.sh: nothing to start (build the installer or the jar first)" >&2; exit 1
fi
[ -n "$db" ] && cmd+=("--db=$db")
echo "launcher: ${cmd[*]}"

# No Pair Studio window may be open already, or the search would find it.
if xdotool search --onlyvisible --name '^Pair Studio$' >/dev/null 2>&1; then
  echo "measure-startup.sh: a 'Pair Studio' window is already open on $DISPLAY; close it first" >&2; exit 1
fi

scratch="$(mktemp -d /tmp/pair-studio-startup.XXXXXX)"
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT

now() { date +%s%N; }
times=()
for i in $(seq 1 "$runs"); do
  home="$scratch/home"
  $warm || rm -rf "$home"
  mkdir -p "$home"
  # A fresh user: Java takes user.home from the password database, so set it explicitly.
  start="$(now)"
  env HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
      XDG_CACHE_HOME="$home/.cache" \
      JAVA_TOOL_OPTIONS="-Duser.home=$home -Dorg.slf4j.simpleLogger.logFile=System.err" \
      "${cmd[@]}" > "$scratch/app-$i.log" 2>&1 &
  app_pid=$!
  deadline=$(( start + timeout * 1000000000 ))
  mapped=""
  while :; do
    # usable = the main window: its title names the open database ("Pair Studio — <file>");
    # the first window ("Pair Studio", "Opening …") only shows that the app started
    if $rows; then
      if grep -q 'First rows shown' "$scratch/app-$i.log" 2>/dev/null; then mapped="$(now)"; break; fi
    elif xdotool search --onlyvisible --name '^Pair Studio — ' >/dev/null 2>&1; then mapped="$(now)"; break; fi
    if ! kill -0 "$app_pid" 2>/dev/null; then break; fi
    [ "$(now)" -lt "$deadline" ] || break
    sleep 0.02
  done
  if [ -z "$mapped" ]; then
    echo "run $i: no usable 'Pair Studio — <database>' window within ${timeout} s; app output:" >&2
    sed 's/^/    /' "$scratch/app-$i.log" >&2
    exit 1
  fi
  secs="$(awk -v a="$start" -v b="$mapped" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')"
  times+=("$secs")
  if $rows; then
    echo "run $i: first rows after ${secs} s ($(grep -o 'First rows shown.*' "$scratch/app-$i.log"))"
  else
    echo "run $i: main window usable after ${secs} s"
  fi
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  # Let the X server forget the window before the next run.
  for _ in $(seq 1 100); do
    xdotool search --onlyvisible --name '^Pair Studio' >/dev/null 2>&1 || break
    sleep 0.05
  done
done

median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }')"
echo "median=${median} s over ${runs} run(s) ($($warm && echo warm || echo 'cold: fresh home each run'))"
if [ -n "$max" ] && awk -v m="$median" -v x="$max" 'BEGIN { exit !(m > x) }'; then
  echo "measure-startup.sh: median ${median} s is above the limit of ${max} s" >&2
  exit 1
fi
