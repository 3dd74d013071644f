#!/usr/bin/env bash
# Benchmark: `gosetup list --json` over 30 Go installs against running `go version` in each.
#   A  gosetup list --json (warm size cache: the usual case after the first listing)
#   A0 gosetup list --json with the size cache removed (the first listing: every tree walked)
#   B  <root>/bin/go version, for each of the 30 roots, one after the other
#   V  gosetup --version (JVM start and CLI set-up alone: A - V is the listing's own work)
# The 30 roots are hard-linked copies (cp -al) of the real Go 1.19.8 from src/test/scripts/make-go-mirror.sh,
# spread over the layouts the inventory knows (~/sdk, asdf, mise, goenv, gvm, g, toolchain downloads).
# Usage: src/bench/list-vs-go-version.sh [ROUNDS]   (needs: mvn -DskipTests package, GNU time, bc)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
mirror=${GOSETUP_MIRROR:-$HOME/.cache/gosetup-test/go-mirror}
bash src/test/scripts/make-go-mirror.sh "$mirror" >/dev/null
[ -x target/gosetup ] || mvn -B -q -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
home=$work/home
mkdir -p "$work/base" && tar -C "$work/base" -xzf "$mirror/go1.19.8.linux-amd64.tar.gz"
roots=()
place() { mkdir -p "$(dirname "$1")"; cp -al "$work/base/go" "$1"; rm "$1/VERSION"; printf 'go%s\ntime 2023-04-04T00:00:00Z\n' "$2" > "$1/VERSION"; roots+=("$1"); }
for v in 1.22.{0..5}; do place "$home/sdk/go$v" "$v"; done
for v in 1.21.{0..5}; do place "$home/.asdf/installs/golang/$v/go" "$v"; done
for v in 1.20.{0..4}; do place "$home/.local/share/mise/installs/go/$v" "$v"; done
for v in 1.19.{0..4}; do place "$home/.goenv/versions/$v" "$v"; done
for v in 1.18.{0..3}; do place "$home/.gvm/gos/go$v" "$v"; done
for v in 1.23.{0..3}; do place "$home/go/pkg/mod/golang.org/toolchain@v0.0.1-go$v.linux-amd64" "$v"; done
ln -s go1.22.5 "$home/sdk/go"
echo "${#roots[@]} installs" >&2
export PATH="$home/sdk/go/bin:$home/.goenv/versions/1.19.4/bin:$PATH"
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state
now() { date +%s.%N; }
declare -a A A0 B V
target/gosetup list --json --home "$home" > "$work/list.json"   # warms the size cache
for i in $(seq 1 "$rounds"); do
  t0=$(now); target/gosetup list --json --home "$home" >/dev/null; A+=("$(echo "$(now) - $t0" | bc)")
  t0=$(now); for r in "${roots[@]}"; do "$r/bin/go" version >/dev/null; done; B+=("$(echo "$(now) - $t0" | bc)")
  rm -f "$work/cache/gosetup/sizes.json"
  t0=$(now); target/gosetup list --json --home "$home" >/dev/null; A0+=("$(echo "$(now) - $t0" | bc)")
  t0=$(now); target/gosetup --version >/dev/null; V+=("$(echo "$(now) - $t0" | bc)")
  echo "round $i: A ${A[-1]} s  B ${B[-1]} s  A0 ${A0[-1]} s  V ${V[-1]} s" >&2
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mA=$(median "${A[@]}"); mB=$(median "${B[@]}"); mA0=$(median "${A0[@]}"); mV=$(median "${V[@]}")
listed=$(grep -c '"root"' "$work/list.json")
cat <<REPORT
machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1e6}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(. /etc/os-release; echo "$PRETTY_NAME")
date: $(date -u +%Y-%m-%d)
installs: ${#roots[@]} (listed: $listed), $rounds rounds, alternating
A  gosetup list --json (size cache warm):   median $mA s
A0 gosetup list --json (size cache cold):   median $mA0 s
B  go version in each of the 30 roots:      median $mB s
V  gosetup --version (JVM + CLI start):     median $mV s
B/A = $(echo "scale=2; $mB / $mA" | bc)   (goal > 20)
A - V = $(echo "scale=3; $mA - $mV" | bc) s of listing work once the JVM is up (goal < 0.100)
REPORT
