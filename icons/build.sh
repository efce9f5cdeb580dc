#!/usr/bin/env bash
# Renders the Pair Studio icon from its SVG sources into every format the app and the
# installers need. Run from anywhere: icons/build.sh
#
#   pair-studio.svg            master drawing, used for 32 px and up
#   hinted/pair-studio-16.txt  pixel art for 16 px  -> hinted/pair-studio-16.svg
#   hinted/pair-studio-24.txt  pixel art for 24 px  -> hinted/pair-studio-24.svg
#
# Outputs (all committed, so neither the app build nor the installer build needs these tools):
#   png/pair-studio-{16,24,32,48,64,128,256,512,1024}.png
#   pair-studio.ico   (16, 24, 32, 48, 64, 128, 256; Windows installer and .exe)
#   pair-studio.icns  (16, 32, 48, 128, 256, 512, 1024; macOS .app/.dmg)
#   ../src/main/resources/dev/pairstudio/icons/pair-studio-{16,32,48,64,128,256,512}.png
#       (window icons, loaded by the app from the classpath)
#
# Tools: rsvg-convert (librsvg2-bin), convert (imagemagick), png2icns (icnsutils), python3.
# installer/install-build-deps.sh installs them on Debian/Ubuntu.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
resources="$here/../src/main/resources/dev/pairstudio/icons"
cd "$here"

for tool in rsvg-convert convert png2icns python3; do
  command -v "$tool" >/dev/null || { echo "icons/build.sh: '$tool' not found; run installer/install-build-deps.sh" >&2; exit 1; }
done

# Hand-hinted small sizes: pixel art -> SVG (crisp edges).
for s in 16 24; do
  python3 hinted/pixelart2svg.py "hinted/pair-studio-$s.txt" > "hinted/pair-studio-$s.svg"
done

mkdir -p png
for s in 16 24 32 48 64 128 256 512 1024; do
  src=pair-studio.svg
  [ "$s" -le 24 ] && src="hinted/pair-studio-$s.svg"
  rsvg-convert --width "$s" --height "$s" --keep-aspect-ratio "$src" --output "png/pair-studio-$s.png"
done

# Strip timestamps and other chunks that would make every run produce different bytes.
for f in png/*.png; do
  convert "$f" -define png:exclude-chunks=date,time -strip "PNG32:$f.tmp" && mv "$f.tmp" "$f"
done

convert png/pair-studio-{16,24,32,48,64,128,256}.png pair-studio.ico
# png2icns picks the icon type from each PNG's size; it prints one line per image.
png2icns pair-studio.icns png/pair-studio-{16,32,48,128,256,512,1024}.png >/dev/null

mkdir -p "$resources"
for s in 16 32 48 64 128 256 512; do
  cp "png/pair-studio-$s.png" "$resources/pair-studio-$s.png"
done

echo "icons: $(ls png | wc -l) PNGs, pair-studio.ico, pair-studio.icns, $(ls "$resources" | wc -l) window icons in src/main/resources/dev/pairstudio/icons"
