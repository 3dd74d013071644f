#!/usr/bin/env bash
# Benchmark: installing the real Go 1.19.8 archive (64 MB, 11,780 files) served on loopback, side by side:
#   G  gosetup install (download + SHA-256 + unpack overlapped, then `go version` and `go env`)
#   T  tar -xzf of the already downloaded archive alone (the floor a single-threaded unpack reaches)
#   M  the manual method: curl -O, sha256sum -c, tar -xzf
#   I  mise install go@1.19.8 (npm package @jdxcode/mise, offline: MISE_GO_DOWNLOAD_MIRROR on the same loopback
#      server, MISE_GO_REPO a local git repository with the tag go1.19.8, MISE_USE_VERSIONS_HOST=false, fresh
#      MISE_DATA_DIR and MISE_CACHE_DIR every run)
# Runs alternate (G T M I, the next round starting one later), each into a fresh folder; `sync` runs before
# every run, outside the timing, so that one run's writeback does not land on the next. Nothing a user waits
# for is left out of a timing (the JVM's start, mise's start, the download, the checksum, `go version`).
# Reports medians of wall time, CPU (user + system, children included) and peak RSS (GNU time's %M: the largest
# process of the run), and the ratios the issue asks for.
#
#   G0 with BENCH_BASELINE=path/to/another/gosetup (an earlier build's launcher): the same install by that build,
#      in the same alternation, so a change is compared with what it replaced on the same noisy machine
# Usage: [BENCH_DIR=/dev/shm] [BENCH_SIGNATURES=off|if-available] [BENCH_GOSETUP=target/gosetup] \
#        [BENCH_BASELINE=launcher] src/bench/install-vs-peers.sh [ROUNDS]
#   needs: mvn -DskipTests package (target/gosetup), python3, curl, git, GNU time (apt: time), npm (for mise)
#   BENCH_SIGNATURES: gosetup's OpenPGP check. Default off: neither mise nor the manual method checks a
#   signature, and with if-available gosetup also asks the official server for the .asc the loopback mirror
#   lacks, which is a network round trip outside this machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
mirror=${GOSETUP_MIRROR:-$HOME/.cache/gosetup-test/go-mirror}
bash src/test/scripts/make-go-mirror.sh "$mirror" >/dev/null
file=go1.19.8.linux-amd64.tar.gz
gosetup=${BENCH_GOSETUP:-target/gosetup}
[ -x "$gosetup" ] || mvn -B -q -DskipTests package
[ -x /usr/bin/time ] || { echo "GNU time is needed: apt-get install time" >&2; exit 2; }

# mise from npm, kept in a cache folder (the npm package carries the binary for this platform).
mise_prefix=${BENCH_MISE_PREFIX:-$HOME/.cache/gosetup-bench/mise}
mise=$mise_prefix/node_modules/@jdxcode/mise/bin/mise
if ! "$mise" --version >/dev/null 2>&1; then
  mkdir -p "$mise_prefix"
  npm install --no-audit --no-fund --prefix "$mise_prefix" @jdxcode/mise >/dev/null
  # npm may skip the package's preinstall script; the binary sits in its platform package then
  [ -x "$mise" ] && "$mise" --version >/dev/null 2>&1 || mise=$(find "$mise_prefix/node_modules" -path '*mise-linux-*/bin/mise' -type f | head -1)
fi
mise_version=$("$mise" --version | cut -d' ' -f1)

work=$(mktemp -d -p "${BENCH_DIR:-${TMPDIR:-/tmp}}")
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
# The server's folder: the archive, its .sha256 as mise wants it (no trailing newline), the release list.
mkdir -p "$work/srv" "$work/gorepo"
ln -s "$mirror/$file" "$work/srv/$file"
printf %s "$(cut -d' ' -f1 "$mirror/$file.sha256")" > "$work/srv/$file.sha256"
cp "$mirror/dl.json" "$work/srv/dl.json"
git -C "$work/gorepo" init -q
git -C "$work/gorepo" -c user.email=bench@localhost -c user.name=bench commit -q --allow-empty -m go
git -C "$work/gorepo" tag go1.19.8
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server -b 127.0.0.1 "$port" -d "$work/srv" >/dev/null 2>&1 &
server=$!
sleep 1
url=http://127.0.0.1:$port

# run NAME CMD...: one timed run; appends "wall cpu rss_kb" to $work/NAME.txt
run() {
  local name=$1; shift
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/out" 2>&1 || { echo "$name failed:" >&2; tail -5 "$work/out" >&2; exit 1; }
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$work/time" >> "$work/$name.txt"
}
fresh() { rm -rf "$work/run"; mkdir -p "$work/run/home"; }
G() { gosetup_run G "$gosetup"; }
G0() { gosetup_run G0 "$BENCH_BASELINE"; }
gosetup_run() {
  fresh
  run "$1" "$2" install --signatures="${BENCH_SIGNATURES:-off}" --catalog "$work/srv/dl.json" --mirror "$url/" \
      --allow-http 127.0.0.1 --home "$work/run/home" --platform linux-amd64
}
T() { fresh; run T bash -c 'mkdir -p "$1/run/t" && tar -C "$1/run/t" -xzf "$2"' _ "$work" "$mirror/$file"; }
M() {
  fresh; run M bash -c 'cd "$1/run" && curl -sSfO "$2/$3" -O "$2/$3.sha256" && echo "$(cat "$3.sha256")  $3" | sha256sum -c --quiet \
      && mkdir sdk && tar -C sdk -xzf "$3"' _ "$work" "$url" "$file"
}
I() {
  fresh; run I env -i PATH=/usr/bin:/bin HOME="$work/run/home" MISE_DATA_DIR="$work/run/data" MISE_CACHE_DIR="$work/run/cache" \
      MISE_CONFIG_DIR="$work/run/config" MISE_STATE_DIR="$work/run/state" MISE_YES=1 \
      MISE_GO_DOWNLOAD_MIRROR="$url" MISE_GO_REPO="$work/gorepo" MISE_USE_VERSIONS_HOST=false \
      "$mise" install go@1.19.8
}
order=(G T M I)
[ -n "${BENCH_BASELINE:-}" ] && order+=(G0)
for i in $(seq 0 $((rounds - 1))); do
  for k in $(seq 0 $((${#order[@]} - 1))); do
    "${order[$(((i + k) % ${#order[@]}))]}"
  done
  echo "round $((i + 1)): $(for n in "${order[@]}"; do printf '%s %s  ' "$n" "$(tail -1 "$work/$n.txt")"; done)(wall s, cpu s, rss KB)" >&2
done
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }
col() { cut -d' ' -f"$2" "$work/$1.txt" | median; }
ratio() { echo "$1 / $2" | bc -l | xargs printf %.2f; }
declare -A W C R
for n in "${order[@]}"; do W[$n]=$(col $n 1); C[$n]=$(col $n 2); R[$n]=$(echo "$(col $n 3) / 1024" | bc -l | xargs printf %.0f); done
cat <<REPORT
machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1e6}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(. /etc/os-release; echo "$PRETTY_NAME"), load before: $(cut -d' ' -f1-3 /proc/loadavg)
date: $(date -u '+%Y-%m-%d %H:%M UTC'); target: $work ($(df --output=fstype "$work" | tail -1)); $rounds rounds, alternating; gosetup --signatures=${BENCH_SIGNATURES:-off}; mise $mise_version
| | wall | CPU (user+sys) | peak RSS |
|---|---|---|---|
| G \`gosetup install\` | ${W[G]} s | ${C[G]} s | ${R[G]} MiB |
| T \`tar -xzf\` alone | ${W[T]} s | ${C[T]} s | ${R[T]} MiB |
| M curl + \`sha256sum -c\` + tar | ${W[M]} s | ${C[M]} s | ${R[M]} MiB |
| I \`mise install go@1.19.8\` | ${W[I]} s | ${C[I]} s | ${R[I]} MiB |
| **G/I** (goal: wall ≤ 0.8, RSS ≤ 1.5) | $(ratio "${W[G]}" "${W[I]}") | $(ratio "${C[G]}" "${C[I]}") | $(ratio "${R[G]}" "${R[I]}") |
| **G/T** (goal: wall ≤ 0.9) | $(ratio "${W[G]}" "${W[T]}") | $(ratio "${C[G]}" "${C[T]}") | |
| G/M | $(ratio "${W[G]}" "${W[M]}") | $(ratio "${C[G]}" "${C[M]}") | |
REPORT
if [ -n "${BENCH_BASELINE:-}" ]; then
  echo "| G0 baseline ($BENCH_BASELINE) | ${W[G0]} s | ${C[G0]} s | ${R[G0]} MiB |"
  echo "| **G/G0** | $(ratio "${W[G]}" "${W[G0]}") | $(ratio "${C[G]}" "${C[G0]}") | $(ratio "${R[G]}" "${R[G0]}") |"
fi
