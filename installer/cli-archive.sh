#!/bin/sh
# Makes the command line's class-data archive (AppCDS) for this installation of Pair Studio:
# the `pairstudio` launcher starts with -XX:SharedArchiveFile=$APPDIR/pairstudio-cli.jsa, so
# picocli, H2, Jackson and our classes are mapped from the archive instead of being loaded,
# verified and linked on every command (a fifth to a third of a short command's CPU).
#
# On Java 17 a dynamic archive only serves the class path it was made with (JDK 20 lifts that),
# so it is made where the application lives: by the .deb's postinst at /opt/pair-studio, and by
# installer/build.sh for the application image in place. Elsewhere (the image moved, a tarball
# unpacked) the archive does not match and the JVM silently uses the runtime's own archive, as
# without this file; the launcher turns the CDS warnings off, so output stays clean.
#
# The archive holds the classes of one training command on a small generated database: the
# read path the CLI's quick commands share (store, index snapshot, search, JSON output).
#
# Usage: lib/app/cli-archive.sh   (run as the user who may write lib/app; prints one line)
set -eu

app="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$(dirname "$app")")"
java="$root/lib/runtime/bin/java"
cfg="$app/pairstudio.cfg"
[ -x "$java" ] && [ -f "$cfg" ] || { echo "cli-archive: no runtime or $cfg" >&2; exit 1; }

# The class path and JVM options exactly as the launcher gives them ($APPDIR is lib/app).
classpath="$(sed -n 's|^app.classpath=\$APPDIR|'"$app"'|p' "$cfg" | paste -sd: -)"
options="$(sed -n 's|^java-options=||p' "$cfg" | grep -v 'SharedArchiveFile\|^-Xlog:cds' | tr '\n' ' ')"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
run() {
  # shellcheck disable=SC2086 # the options are separate words
  env HOME="$work" PAIRSTUDIO_HOME="$work/data" "$java" $options "$@" >/dev/null
}
run -cp "$classpath" dev.pairstudio.app.Main generate --count 1000 --seed 7 --output "$work/pairs.jsonl"
run -cp "$classpath" dev.pairstudio.app.Main import --db "$work/train" "$work/pairs.jsonl"
run -cp "$classpath" dev.pairstudio.app.Main stats --json --db "$work/train" # leaves the index snapshot
run -XX:ArchiveClassesAtExit="$work/cli.jsa" -cp "$classpath" \
    dev.pairstudio.app.Main list --search orders --limit 5 --db "$work/train"
mv -f "$work/cli.jsa" "$app/pairstudio-cli.jsa"
chmod 644 "$app/pairstudio-cli.jsa"
echo "cli-archive: $app/pairstudio-cli.jsa ($(du -m "$app/pairstudio-cli.jsa" | cut -f1) MB)"
