#!/usr/bin/env bash
# Opens the real window under Xvfb, saves PNGs under target/screenshots, and with --docs copies them to
# docs/ (the README shows them). Needs: xvfb, GTK 3 and CJK fonts (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/../.."
xvfb-run -a -s "-screen 0 1280x900x24" mvn -B -q -Pscreenshot test
if [ "${1:-}" = "--docs" ]; then
  mkdir -p docs/screenshots
  cp target/screenshots/*.png docs/screenshots/
  echo "Copied to docs/screenshots: $(ls target/screenshots)"
fi
