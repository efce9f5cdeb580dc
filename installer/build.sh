#!/usr/bin/env bash
# Builds the Pair Studio application image and Debian package with JDK 17's jpackage.
#
#   installer/build.sh [--image-only] [--no-tar] [--fast]
#
#   --image-only  stop after the application image (no .deb)
#   --no-tar      do not archive the application image
#   --fast        compress the .deb with zstd -9 instead of xz -6: about 20x less CPU, 5% larger,
#                 but installable only with dpkg >= 1.21.18 (Debian 12, Ubuntu 21.10 and later)
#
# Input:  target/pair-studio.jar (built by `mvn -q -DskipTests package` if missing) and the
#         runtime dependency jars (copied by maven-dependency-plugin).
# Output: target/installer/dist/Pair Studio/                      application image
#         target/installer/dist/pair-studio-<version>-linux-x64.tar.gz  the same, as an archive
#         target/installer/dist/pair-studio_<version>-1_amd64.deb Debian package
#
# Needs: JDK 17+ with jpackage and jmods, Maven; for the .deb also fakeroot and dpkg-dev
# (installer/install-build-deps.sh installs them).
set -euo pipefail

image_only=false
make_tar=true
for arg in "$@"; do
  case "$arg" in
    --image-only) image_only=true ;;
    --no-tar) make_tar=false ;;
    --fast) export DPKG_DEB_COMPRESSOR_TYPE=zstd DPKG_DEB_COMPRESSOR_LEVEL=9 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "installer/build.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

fail() { echo "installer/build.sh: $*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# --- tools -------------------------------------------------------------------------------
JPACKAGE="${JAVA_HOME:+$JAVA_HOME/bin/}jpackage"
command -v "$JPACKAGE" >/dev/null || fail "jpackage not found (JDK 17+ needed; set JAVA_HOME or run installer/install-build-deps.sh)"
jp_version="$("$JPACKAGE" --version)"
[ "${jp_version%%.*}" -ge 17 ] 2>/dev/null || fail "jpackage $jp_version is too old, JDK 17+ needed"
command -v mvn >/dev/null || fail "mvn not found"
if ! $image_only; then
  for tool in fakeroot dpkg-deb dpkg; do
    command -v "$tool" >/dev/null || fail "'$tool' not found (needed for the .deb); run installer/install-build-deps.sh"
  done
fi

# --- version -----------------------------------------------------------------------------
version="$(python3 - <<'PY' 2>/dev/null || true
import xml.etree.ElementTree as ET
ns = {'m': 'http://maven.apache.org/POM/4.0.0'}
print(ET.parse('pom.xml').getroot().find('m:version', ns).text.strip())
PY
)"
[ -n "$version" ] || version="$(sed -n 's:^  <version>\([^<]*\)</version>.*:\1:p' pom.xml | head -n1)"
[ -n "$version" ] || fail "cannot read the project version from pom.xml"
# jpackage and dpkg want a plain numeric version: 0.2.0-SNAPSHOT -> 0.2.0
pkg_version="${version%%-*}"

# --- jars --------------------------------------------------------------------------------
if [ ! -f target/pair-studio.jar ]; then
  echo "== target/pair-studio.jar missing: mvn -q -DskipTests package"
  mvn -B -q -Dstyle.color=never -DskipTests package
fi
main_jar=target/original-pair-studio.jar      # the unshaded jar the shade plugin leaves behind
[ -f "$main_jar" ] || main_jar=target/pair-studio.jar

work=target/installer
dest="$work/dist"
rm -rf "$work"
mkdir -p "$work/lib" "$work/fx" "$work/input" "$work/args" "$dest"

echo "== dependencies (maven-dependency-plugin copy-dependencies, runtime scope)"
mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$work/lib"

case "$(uname -s)" in
  Linux) fx_os=linux ;;
  Darwin) fx_os=mac ;;
  MINGW*|MSYS*|CYGWIN*) fx_os=win ;;
  *) fail "unsupported OS $(uname -s)" ;;
esac
# JavaFX goes into the runtime (jlink): only the platform jars, which hold the code and natives.
# Filter with ^javafx- (not "javafx", which would also catch ikonli-javafx).
shopt -s nullglob
fx_jars=("$work"/lib/javafx-*-"$fx_os".jar "$work"/lib/javafx-*-"$fx_os"-aarch64.jar)
[ ${#fx_jars[@]} -gt 0 ] || fail "no javafx-*-$fx_os.jar in $work/lib"
cp "${fx_jars[@]}" "$work/fx/"
for jar in "$work"/lib/*.jar; do
  [[ "$(basename "$jar")" =~ ^javafx- ]] || cp "$jar" "$work/input/"
done
cp "$main_jar" "$work/input/pair-studio.jar"
cp installer/cli-archive.sh "$work/input/cli-archive.sh"
echo "   runtime modules from: $(cd "$work/fx" && ls | tr '\n' ' ')"
echo "   class path: $(ls "$work/input"/*.jar | wc -l) jars"

# --- argument files (filtered copies) ----------------------------------------------------
for f in installer/jpackage-*.args; do
  sed -e "s|\${project.version}|$pkg_version|g" \
      -e "s|\${installer.dest}|$dest|g" \
      -e "s|\${installer.input}|$work/input|g" \
      -e "s|\${installer.fx}|$work/fx|g" \
      "$f" > "$work/args/$(basename "$f")"
done
args="$work/args"

# --- Windows and macOS: one jpackage call makes image and installer (untested here) ---------
if [ "$fx_os" != linux ]; then
  platform_args="$args/jpackage-$fx_os.args"
  echo "== $fx_os installer (jpackage $jp_version; this path is not tested in CI)"
  t0="$(now)"
  "$JPACKAGE" @"$args/jpackage-common.args" @"$args/jpackage-app-image.args" @"$platform_args"
  echo "   $(ls "$dest") in $(elapsed "$t0") s"
  exit 0
fi

# --- step 1: application image -----------------------------------------------------------
echo "== app image (jpackage $jp_version)"
t0="$(now)"
"$JPACKAGE" @"$args/jpackage-common.args" @"$args/jpackage-app-image.args" @"$args/jpackage-linux.args"
image="$dest/Pair Studio"
[ -x "$image/bin/Pair Studio" ] && [ -x "$image/bin/pairstudio" ] || fail "app image incomplete: $image/bin"
# jlink --generate-cds-archive writes two CDS archives; the "nocoops" one is only used with
# heaps over 32 GB (we set -Xmx2g), so drop its 10 MB.
rm -f "$image/lib/runtime/lib/server/classes_nocoops.jsa"
image_secs="$(elapsed "$t0")"
echo "   $image: $(du -sm "$image" | cut -f1) MB in ${image_secs} s"

"$image/bin/pairstudio" --version >/dev/null || fail "'$image/bin/pairstudio --version' failed"

# --- a CDS archive that covers JavaFX ----------------------------------------------------
# jlink's --generate-cds-archive archives only the JDK's default class list. Opening the
# window once under Xvfb records the classes a start really loads (JavaFX included); dumping
# them into lib/server/classes.jsa, the runtime's default archive, saves class loading and
# verification on every start. Classes from the class path (our jars) are not archived: that
# would tie the archive to this build directory's paths. Without Xvfb the jlink archive stays.
if command -v xvfb-run >/dev/null && command -v xdotool >/dev/null; then
  echo "== CDS archive with JavaFX classes (one start under Xvfb)"
  t0="$(now)"
  cds="$work/cds"
  mkdir -p "$cds/home"
  cat > "$cds/open-window.sh" <<'SH'
#!/usr/bin/env bash
# Starts the app, waits for its window plus 2 s of rendering, then closes it.
"$1" > "$2" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  xdotool search --onlyvisible --name '^Pair Studio$' >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
sleep 2
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit 0
SH
  chmod +x "$cds/open-window.sh"
  env HOME="$cds/home" XDG_DATA_HOME="$cds/home/.local/share" XDG_CONFIG_HOME="$cds/home/.config" \
      XDG_CACHE_HOME="$cds/home/.cache" PAIRSTUDIO_HOME="$cds/data" \
      JAVA_TOOL_OPTIONS="-Duser.home=$cds/home -XX:DumpLoadedClassList=$cds/classes.lst" \
      xvfb-run -a "$cds/open-window.sh" "$image/bin/Pair Studio" "$cds/app.log"
  fx_classes="$(grep -c '^javafx/\|^com/sun/javafx/\|^com/sun/glass/\|^com/sun/prism/' "$cds/classes.lst" 2>/dev/null || true)"
  jsa="$image/lib/runtime/lib/server/classes.jsa"
  if [ "${fx_classes:-0}" -gt 100 ] \
      && "$image/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$cds/classes.lst" \
           -XX:SharedArchiveFile="$cds/classes.jsa" > "$cds/dump.log" 2>&1; then
    rm -f "$jsa"
    mv "$cds/classes.jsa" "$jsa"
    # the window's launcher: the CLI's names its own archive, made only in the next step
    JAVA_TOOL_OPTIONS="-Xshare:on" "$image/bin/Pair Studio" --version >/dev/null 2>&1 \
      || fail "the new CDS archive does not load (-Xshare:on); see $cds/dump.log"
    echo "   $(grep -c . "$cds/classes.lst") classes listed ($fx_classes JavaFX), $(du -m "$jsa" | cut -f1) MB, $(elapsed "$t0") s"
  else
    echo "   WARNING: no usable class list ($cds/app.log, $cds/dump.log); keeping jlink's CDS archive" >&2
  fi
fi

# --- the command line's class-data archive (AppCDS) -----------------------------------------
# For the image where it is (the .deb's postinst makes it again at /opt/pair-studio); see
# installer/cli-archive.sh. After the runtime's archive above: a dynamic archive is tied to its base.
echo "== CLI class-data archive"
t0="$(now)"
sh "$image/lib/app/cli-archive.sh" || fail "installer/cli-archive.sh failed"
"$image/bin/pairstudio" --version | grep -q 'Pair Studio' || fail "'pairstudio --version' fails with the CLI archive"
echo "   $(elapsed "$t0") s"

image_size="$(du -sm "$image" | cut -f1)"
if $make_tar; then
  tarball="$dest/pair-studio-$pkg_version-linux-x64.tar.gz"
  tar -C "$dest" -czf "$tarball" "Pair Studio"
  echo "   $tarball: $(du -m "$tarball" | cut -f1) MB"
fi

$image_only && exit 0

# --- step 2: Debian package --------------------------------------------------------------
echo "== deb"
t0="$(now)"
"$JPACKAGE" @"$args/jpackage-common.args" @"$args/jpackage-deb.args"
deb_secs="$(elapsed "$t0")"
deb="$(ls "$dest"/pair-studio_*.deb 2>/dev/null | head -n1)"
[ -f "$deb" ] || fail "no .deb in $dest"
deb_mb="$(awk -v b="$(stat -c %s "$deb")" 'BEGIN { printf "%.1f", b / 1048576 }')"
installed_kb="$(dpkg-deb -f "$deb" Installed-Size)"
echo "   $deb: ${deb_mb} MB (installed $((installed_kb / 1024)) MB) in ${deb_secs} s"

cat > "$dest/build-summary.txt" <<SUMMARY
version=$pkg_version
app_image_seconds=$image_secs
app_image_mb=$image_size
deb_seconds=$deb_secs
deb=$deb
deb_mb=$deb_mb
deb_installed_mb=$((installed_kb / 1024))
SUMMARY
