#!/usr/bin/env bash
# Installs everything the icon, installer, CI-check and start-up measurement scripts need on a
# Debian/Ubuntu machine. Idempotent and non-interactive: packages already installed are
# skipped, and apt-get runs only when something is missing.
#
#   installer/install-build-deps.sh          (as root, or with sudo available)
#
# JDK 17 (jpackage + jmods) and Maven    build the jar and the installers
# fakeroot, dpkg-dev                      jpackage --type deb
# librsvg2-bin, imagemagick, icnsutils,   icons/build.sh (SVG -> PNG, .ico, .icns)
#   python3
# xvfb, xauth, xdotool, x11-utils,        run the installed app headless (measure-startup.sh)
#   libgtk-3-0, libxtst6, libxxf86vm1,
#   libgl1
# desktop-file-utils                      validate the desktop entries (ci-check.sh)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

packages=(
  openjdk-17-jdk-headless maven
  fakeroot dpkg-dev
  librsvg2-bin imagemagick icnsutils python3
  xvfb xauth xdotool x11-utils libgtk-3-0 libxtst6 libxxf86vm1 libgl1
  desktop-file-utils
)

command -v apt-get >/dev/null || { echo "install-build-deps.sh: needs apt-get (Debian/Ubuntu); install the packages listed in this script by other means" >&2; exit 1; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-build-deps.sh: run as root (or install sudo)" >&2; exit 1; }
  SUDO=(sudo -n)
fi

missing=()
for p in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
# A JDK 17+ with jpackage that is not the Debian package (for example Temurin in JAVA_HOME) will do.
if [[ " ${missing[*]} " == *" openjdk-17-jdk-headless "* ]] && command -v "${JAVA_HOME:+$JAVA_HOME/bin/}jpackage" >/dev/null \
    && [ -d "$(dirname "$(dirname "$(readlink -f "$(command -v "${JAVA_HOME:+$JAVA_HOME/bin/}jpackage")")")")/jmods" ]; then
  missing=("${missing[@]/openjdk-17-jdk-headless}")
fi
if command -v mvn >/dev/null; then missing=("${missing[@]/maven}"); fi
read -r -a missing <<< "${missing[*]:-}"

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-build-deps.sh: all build dependencies present"
  exit 0
fi

echo "install-build-deps.sh: installing ${missing[*]}"
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
