#!/usr/bin/env bash
# Regenerates every icon file from the SVG sources. The outputs are committed, so a normal build
# never needs these tools; run this only after editing gosetup.svg or gosetup-small.svg.
#
#   icons/build-icons.sh
#
# Needs (Debian/Ubuntu): apt-get install --no-install-recommends librsvg2-bin icnsutils imagemagick
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
resources="$root/src/main/resources/dev/gosetup/ui/icons"

missing=()
command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
command -v png2icns >/dev/null 2>&1 || missing+=(icnsutils)
if command -v magick >/dev/null 2>&1; then
    im=(magick)
elif command -v convert >/dev/null 2>&1; then
    im=(convert)
else
    missing+=(imagemagick)
fi
if ((${#missing[@]})); then
    echo "build-icons.sh: missing tools; install them with:" >&2
    echo "  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 1
fi

# The sizes each target carries.
png_sizes=(16 24 32 48 64 128 256 512 1024)
icns_sizes=(16 32 48 128 256 512 1024)   # what png2icns accepts
ico_sizes=(16 24 32 48 64 256)           # Windows shell sizes
window_sizes=(16 32 48 64 128 256)       # Stage icons; the window manager picks the nearest

# Tiny sizes come from the pixel-grid drawing, the rest from the full design.
source_for() {
    if (($1 <= 24)); then echo "$here/gosetup-small.svg"; else echo "$here/gosetup.svg"; fi
}

# Build into a scratch folder and move into place at the end: a failed run leaves the old set.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/png"

for size in "${png_sizes[@]}"; do
    rsvg-convert --format=png --width="$size" --height="$size" --keep-aspect-ratio \
        --output="$work/png/gosetup-$size.png" "$(source_for "$size")"
done

icns_inputs=()
for size in "${icns_sizes[@]}"; do icns_inputs+=("$work/png/gosetup-$size.png"); done
png2icns "$work/gosetup.icns" "${icns_inputs[@]}" >/dev/null

ico_inputs=()
for size in "${ico_sizes[@]}"; do ico_inputs+=("$work/png/gosetup-$size.png"); done
# No date/time chunks in the embedded PNG, so a rerun writes the same bytes.
"${im[@]}" "${ico_inputs[@]}" -strip -define png:exclude-chunks=date,time,tIME "$work/gosetup.ico"

mkdir -p "$here/png" "$resources"
rm -f "$here"/png/gosetup-*.png "$resources"/gosetup-*.png
cp "$work"/png/gosetup-*.png "$here/png/"
cp "$work/png/gosetup-256.png" "$here/gosetup.png"      # jpackage --icon on Linux
cp "$work/gosetup.icns" "$here/gosetup.icns"            # jpackage --icon on macOS
cp "$work/gosetup.ico" "$here/gosetup.ico"              # jpackage --icon on Windows
for size in "${window_sizes[@]}"; do
    cp "$work/png/gosetup-$size.png" "$resources/gosetup-$size.png"
done

echo "build-icons.sh: wrote icons/png/ (${png_sizes[*]} px), icons/gosetup.png, icons/gosetup.icns, icons/gosetup.ico"
echo "build-icons.sh: wrote ${resources#"$root"/}/ (${window_sizes[*]} px)"
