#!/usr/bin/env bash
# Time to first window, and command-line start, of the installer's app image against the alternatives,
# side by side in one run (A B C A B C ...), medians: src/bench/first-window.sh [ROUNDS]
#
#   S  the installer's image through lib/app/gosetup.sh, what /usr/bin/gosetup and the menu entry run on Linux
#   A  the installer's image through jpackage's launcher bin/gosetup (jlink'd runtime with the app linked in, AOT
#      cache trained on the window), which asks rpm and dpkg which package owns it before starting Java
#   B  the same image without its AOT cache (the cfg's -XX:AOTCache line taken out of a copy)
#   C  the development launcher target/gosetup (the JDK, jars on a module path, its own AOT cache)
#
# "First window" is from starting the program until X11 maps a visible window titled Go Setup Assistant
# (polled every 5 ms: `xdotool search --sync` looks only every 0.5 s, which rounded every figure before 2026-12-03
# up to the next half second), under Xvfb with openbox. Needs: mvn -Pinstaller package (target/installer/image),
# mvn package (target/gosetup), xvfb, xdotool, openbox (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-7}
image=${BENCH_IMAGE:-target/installer/image/gosetup} # BENCH_IMAGE=/opt/gosetup: the installed package
[ -x "$image/bin/gosetup" ] || { echo "no $image: run mvn -Pinstaller -DskipTests package first" >&2; exit 2; }
[ -x target/gosetup ] || { echo "no target/gosetup: run mvn -DskipTests package first" >&2; exit 2; }

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$image" "$work/no-aot"
grep -v -- '-XX:AOTCache=' "$image/lib/app/gosetup.cfg" > "$work/no-aot/lib/app/gosetup.cfg"
rm -f "$work/no-aot/lib/app/gosetup.aot"

export DISPLAY=:91
Xvfb $DISPLAY -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
openbox >/dev/null 2>&1 &
sleep 0.5
# Settings, logs and caches of these runs stay in the work folder.
export XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache

declare -A launcher=([S]="$image/lib/app/gosetup.sh" [A]="$image/bin/gosetup" [B]="$work/no-aot/bin/gosetup" [C]="target/gosetup")
declare -A window version
now() { date +%s%N; }

wait_for_window() { # returns as soon as the window is mapped (xdotool's own --sync polls only every 0.5 s)
  local i
  for i in $(seq 12000); do
    xdotool search --onlyvisible --name "Go Setup Assistant" >/dev/null 2>&1 && return 0
    sleep 0.005
  done
  return 1
}
first_window() { # prints seconds until the window is mapped, then closes the app
  local t0 pid
  t0=$(now)
  "$1" gui >/dev/null 2>&1 &
  pid=$!
  wait_for_window
  awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'
  kill $pid; wait $pid 2>/dev/null || true
}
cli_start() {
  local t0
  t0=$(now)
  "$1" --version >/dev/null
  awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'
}

first_window "${launcher[A]}" >/dev/null # warm the page cache once for everyone
for r in $(seq "$rounds"); do
  for k in S A B C; do
    window[$k]="${window[$k]:-} $(first_window "${launcher[$k]}")"
    version[$k]="${version[$k]:-} $(cli_start "${launcher[$k]}")"
  done
  echo "round $r: window S ${window[S]##* } A ${window[A]##* } B ${window[B]##* } C ${window[C]##* } | --version S ${version[S]##* } A ${version[A]##* } B ${version[B]##* } C ${version[C]##* }"
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "medians of $rounds rounds ($(nproc) cores, $(date -u +%F)):"
for k in S A B C; do
  echo "  $k first window $(echo "${window[$k]}" | median) s   --version $(echo "${version[$k]}" | median) s"
done
a=$(echo "${window[A]}" | median); b=$(echo "${window[B]}" | median)
awk -v a="$a" -v b="$b" 'BEGIN { printf "  A/B first window %.2f (the AOT cache)\n", a / b }'
s=$(echo "${window[S]}" | median)
awk -v s="$s" -v a="$a" 'BEGIN { printf "  S/A first window %.2f (no package look-up)\n", s / a }'
