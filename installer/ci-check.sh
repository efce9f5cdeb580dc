#!/usr/bin/env bash
# CI check of the Linux installer, run from .ci/run on a fresh Debian/Ubuntu machine as root:
#
#   installer/ci-check.sh [--keep]
#
#  1. installs the build tools (installer/install-build-deps.sh)
#  2. builds the app image and the .deb from target/pair-studio.jar (installer/build.sh;
#     builds the jar first if it is missing)
#  3. checks the .deb is at most 80 MB
#  4. installs it with dpkg -i (missing dependencies via apt-get -f install)
#  5. checks /usr/bin/pairstudio and the desktop entry, runs `pairstudio --version`
#  6. CLI round trip with the installed launcher: import a JSONL file, export it again with
#     --no-anonymize, compare the pairs (SKIP while the import/export commands do not exist)
#  7. opens the installed app under Xvfb and waits for its window (start-up time printed)
#  8. removes the package with dpkg -r and checks nothing is left behind
#
# Exits non-zero on the first failure and says which step failed. --keep leaves the package
# installed afterwards (by default it is also removed when a step fails).
set -uo pipefail

keep=false
for arg in "$@"; do
  case "$arg" in
    --keep) keep=true ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "ci-check.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root" || exit 1
export DEBIAN_FRONTEND=noninteractive

MAX_DEB_MB=80
PKG=pair-studio
INSTALLED_CLI=/opt/pair-studio/bin/pairstudio
LINK=/usr/bin/pairstudio
DESKTOP=/usr/share/applications/pair-studio-Pair_Studio.desktop

SUDO=()
[ "$(id -u)" -eq 0 ] || SUDO=(sudo -n)

t_start=$(date +%s)
current="setup"
scratch="$(mktemp -d /tmp/pair-studio-ci.XXXXXX)"
installed_by_us=false
results=()

step() { current="$1"; echo; echo "=== ci-check: $1"; }
ok() { results+=("PASS  $current${1:+ ($1)}"); echo "--- PASS: $current${1:+ ($1)}"; }
skip() { results+=("SKIP  $current ($1)"); echo "--- SKIP: $current ($1)"; }
fail() {
  echo "--- FAIL: $current: $*" >&2
  results+=("FAIL  $current: $*")
  finish 1
}
finish() {
  local rc=$1
  if $installed_by_us && ! $keep && [ "$rc" -ne 0 ]; then
    echo "(removing $PKG after the failure)"
    "${SUDO[@]}" dpkg -r "$PKG" >/dev/null 2>&1 || true
  fi
  rm -rf "$scratch"
  echo
  echo "=== ci-check summary ($(( $(date +%s) - t_start )) s)"
  printf '%s\n' "${results[@]}"
  [ "$rc" -eq 0 ] && echo "ci-check: OK" || echo "ci-check: FAILED in step '$current'" >&2
  exit "$rc"
}
trap 'echo "ci-check: interrupted" >&2; finish 130' INT TERM

# Run the installed CLI as a throwaway user: its own data directory, nothing in ~root.
cli() {
  env HOME="$scratch/home" PAIRSTUDIO_HOME="$scratch/data" JAVA_TOOL_OPTIONS="-Duser.home=$scratch/home" \
    "$LINK" "$@" 2> >(grep -v '^Picked up JAVA_TOOL_OPTIONS' >&2)
}
mkdir -p "$scratch/home" "$scratch/data"

# ---------------------------------------------------------------------------------------
step "install build dependencies"
installer/install-build-deps.sh || fail "installer/install-build-deps.sh failed"
ok

step "build app image and .deb"
t0=$(date +%s)
installer/build.sh --no-tar || fail "installer/build.sh failed"
deb="$(ls target/installer/dist/${PKG}_*.deb 2>/dev/null | head -n1)"
[ -f "$deb" ] || fail "no .deb in target/installer/dist"
version="$(dpkg-deb -f "$deb" Version)"
version="${version%-*}"
ok "$(( $(date +%s) - t0 )) s, $deb"

step ".deb size <= ${MAX_DEB_MB} MB"
bytes=$(stat -c %s "$deb")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
installed_mb=$(( $(dpkg-deb -f "$deb" Installed-Size) / 1024 ))
[ "$bytes" -le $(( MAX_DEB_MB * 1048576 )) ] || fail "$deb is $mb MB, limit $MAX_DEB_MB MB"
ok "$mb MB, installed $installed_mb MB"

step "dpkg -i"
previous="$(dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null || true)"
if [ -n "$previous" ] && [[ "$previous" != *" not-installed" ]] && [[ "$previous" != *" config-files" ]]; then
  echo "($PKG is already on this machine ($previous); removing it first)"
  "${SUDO[@]}" dpkg -r "$PKG" || echo "(dpkg -r $PKG failed; installing over it)"
fi
installed_by_us=true
if ! "${SUDO[@]}" dpkg -i "$deb"; then
  echo "(dpkg -i left dependencies unmet; installing them with apt-get -f install)"
  { "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" apt-get -f install -y -q; } || fail "apt-get -f install could not satisfy the dependencies of $deb"
fi
dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q 'install ok installed' || fail "$PKG is not installed after dpkg -i"
[ -x "$INSTALLED_CLI" ] || fail "$INSTALLED_CLI missing"
ok

step "desktop integration and /usr/bin/pairstudio"
[ -L "$LINK" ] || fail "$LINK is not a symlink"
[ "$(readlink "$LINK")" = "$INSTALLED_CLI" ] || fail "$LINK points to $(readlink "$LINK"), expected $INSTALLED_CLI"
[ -f "$DESKTOP" ] || fail "desktop entry $DESKTOP not installed"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$DESKTOP" || fail "desktop-file-validate rejects $DESKTOP"
fi
grep -q '^Icon=/opt/pair-studio/' "$DESKTOP" || fail "$DESKTOP has no icon"
ok

step "pairstudio --version"
out="$(cli --version)" || fail "'pairstudio --version' exited with $?"
echo "$out"
echo "$out" | grep -q "Pair Studio $version" || fail "'pairstudio --version' printed '$out', expected 'Pair Studio $version'"
ok "$(echo "$out" | head -n1)"

step "CLI round trip: import -> export (installed launcher)"
# A command exists when its own help comes back ("Usage: pairstudio import ..."): picocli also
# exits 0 for "pairstudio nosuchcommand --help", printing the top-level usage.
has_command() { cli "$1" --help 2>/dev/null | grep -q "^Usage: pairstudio $1"; }
if has_command import && has_command export; then
  in="$scratch/pairs.jsonl"
  # 25 pairs, all different in structure (5 query shapes x 5 tables), so that no duplicate or
  # near-duplicate detection can merge them.
  tables=(customers orders products invoices employees)
  n=0
  for t in "${tables[@]}"; do
    for shape in count list avg max group; do
      n=$((n + 1))
      case "$shape" in
        count) q="How many $t are there?"; sql="SELECT COUNT(*) FROM $t" ;;
        list)  q="List the 10 newest $t."; sql="SELECT * FROM $t ORDER BY created_at DESC LIMIT 10" ;;
        avg)   q="What is the average amount of $t created in 2024?"; sql="SELECT AVG(amount) FROM $t WHERE created_at >= '2024-01-01'" ;;
        max)   q="Which of the $t has the highest amount?"; sql="SELECT id, amount FROM $t WHERE amount = (SELECT MAX(amount) FROM $t)" ;;
        group) q="How many $t per region?"; sql="SELECT region, COUNT(*) FROM $t GROUP BY region" ;;
      esac
      printf '{"pair_id": "00000000-0000-4000-8000-%012d", "natural_language_query": "%s", "sql_query": "%s", "timestamp": "2024-05-%02dT10:00:00", "database_type": "postgresql", "database_name": "shop", "table_names": ["%s"], "success": true, "execution_time_ms": %d, "metadata": {}}\n' \
        "$n" "$q" "$sql" "$n" "$t" $(( 10 + n ))
    done
  done > "$in"
  db="$scratch/roundtrip"
  cli --db "$db" import "$in" || fail "'pairstudio --db $db import $in' exited with $?"
  outfile="$scratch/export.jsonl"
  cli --db "$db" export --format jsonl --no-anonymize --output "$outfile" || fail "'pairstudio export --format jsonl --no-anonymize' exited with $?"
  [ -f "$outfile" ] || fail "export wrote no file $outfile"
  got=$(grep -c . "$outfile")
  [ "$got" -eq "$n" ] || fail "imported $n pairs, exported $got"
  ids_in="$(grep -o '"pair_id": *"[^"]*"' "$in" | sed 's/.*"\([^"]*\)"$/\1/' | sort)"
  ids_out="$(grep -o '"pair_id": *"[^"]*"' "$outfile" | sed 's/.*"\([^"]*\)"$/\1/' | sort)"
  [ "$ids_in" = "$ids_out" ] || fail "the exported pair_ids differ from the imported ones"
  ok "$n pairs in, $got out, same pair_ids"
else
  skip "'pairstudio import --help' / 'export --help' show no such command yet"
fi

step "installed app opens its window (Xvfb)"
installer/measure-startup.sh --runs 1 --timeout 60 --launcher "/opt/pair-studio/bin/Pair Studio" > "$scratch/startup.log" 2>&1 \
  || { cat "$scratch/startup.log" >&2; fail "no window from /opt/pair-studio/bin/Pair Studio"; }
cat "$scratch/startup.log"
ok "$(grep -o 'usable after [0-9.]* s' "$scratch/startup.log")"

if $keep; then
  current="dpkg -r"; skip "--keep given"
else
  step "dpkg -r"
  "${SUDO[@]}" dpkg -r "$PKG" || fail "dpkg -r $PKG failed"
  installed_by_us=false
  [ ! -e "$INSTALLED_CLI" ] || fail "$INSTALLED_CLI still there after dpkg -r"
  [ ! -e "$LINK" ] && [ ! -L "$LINK" ] || fail "$LINK still there after dpkg -r"
  [ ! -e "$DESKTOP" ] || fail "$DESKTOP still there after dpkg -r"
  ok
fi

finish 0
