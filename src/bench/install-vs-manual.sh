#!/usr/bin/env bash
# Benchmark: `gosetup install` end to end against the manual method, side by side (A B C A B C ...).
#   A  gosetup install from a loopback mirror into a fresh root (download + SHA-256 + unpack overlapped)
#   B  the manual method: curl -O, sha256sum -c, tar -C DIR -xzf
#   C  tar -xzf of the already downloaded file alone (the floor on this machine)
# Each timing ends with `sync`: on this VM dirty-page writeback otherwise lands on whichever run comes next.
# Also: peak RSS of A, and SHA-256 throughput of Java (the same MessageDigest the installer uses) vs sha256sum.
#   A0 with BENCH_BASELINE=path/to/another/gosetup (an earlier build): the same install by that build, in the
#      same alternation, so that a change is compared with what it replaced on the same noisy machine
# Usage: [BENCH_DIR=/dev/shm] [BENCH_RATE=MB/s] [BENCH_BASELINE=launcher] src/bench/install-vs-manual.sh [ROUNDS]
#   (needs: mvn -DskipTests package, python3, curl, GNU time)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
mirror=${GOSETUP_MIRROR:-$HOME/.cache/gosetup-test/go-mirror}
bash src/test/scripts/make-go-mirror.sh "$mirror" >/dev/null
file=go1.19.8.linux-amd64.tar.gz
[ -x target/gosetup ] || mvn -B -q -DskipTests package
# BENCH_DIR=/dev/shm measures the pipeline itself (RAM-backed); the default measures this machine's disk too.
work=$(mktemp -d -p "${BENCH_DIR:-${TMPDIR:-/tmp}}")
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# BENCH_RATE=25 serves at 25 MB/s (a real link) instead of loopback speed; see throttled-server.py.
if [ -n "${BENCH_RATE:-}" ]; then
  python3 "$(dirname "$0")/throttled-server.py" "$port" "$mirror" "$BENCH_RATE" >/dev/null 2>&1 &
else
  python3 -m http.server -b 127.0.0.1 "$port" -d "$mirror" >/dev/null 2>&1 &
fi
server=$!
sleep 1
now() { date +%s.%N; }
declare -a A0 A B C RSS
for i in $(seq 1 "$rounds"); do
  if [ -n "${BENCH_BASELINE:-}" ]; then
    rm -rf "$work"/*; mkdir -p "$work/a0"; sync
    t0=$(now)
    "$BENCH_BASELINE" install --catalog "$mirror/dl.json" --mirror "http://127.0.0.1:$port/" \
        --allow-http 127.0.0.1 --home "$work/a0" --platform linux-amd64 >/dev/null
    sync
    A0+=("$(echo "$(now) - $t0" | bc)")
    echo "round $i: A0 ${A0[-1]} s" >&2
  fi
  rm -rf "$work"/*; mkdir -p "$work/a"; sync
  t0=$(now)
  /usr/bin/time -f %M -o "$work/rss" target/gosetup install --catalog "$mirror/dl.json" --mirror "http://127.0.0.1:$port/" \
      --allow-http 127.0.0.1 --home "$work/a" --platform linux-amd64 >/dev/null
  sync  # each method pays for writing its own 235 MB to disk, not the next one's
  A+=("$(echo "$(now) - $t0" | bc)"); RSS+=("$(cat "$work/rss")")
  rm -rf "$work"/*; sync
  t0=$(now)
  ( mkdir -p "$work/b" && cd "$work/b" && curl -sSfO "http://127.0.0.1:$port/$file" \
      && echo "$(cat "$mirror/$file.sha256")  $file" | sha256sum -c --quiet && mkdir sdk && tar -C sdk -xzf "$file" )
  sync
  B+=("$(echo "$(now) - $t0" | bc)")
  rm -rf "$work"/c; mkdir -p "$work/c"; sync
  t0=$(now)
  tar -C "$work/c" -xzf "$mirror/$file"
  sync
  C+=("$(echo "$(now) - $t0" | bc)")
  echo "round $i: A ${A[-1]} s (peak RSS ${RSS[-1]} KB)  B ${B[-1]} s  C ${C[-1]} s" >&2
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }
mA=$(median "${A[@]}"); mB=$(median "${B[@]}"); mC=$(median "${C[@]}"); mR=$(median "${RSS[@]}")
# SHA-256 throughput, 5 alternating runs each over the 64 MB archive (file in page cache).
cat > "$work/Sha.java" <<'JAVA'
import java.nio.file.*; import java.security.*; import java.io.*;
public class Sha { public static void main(String[] a) throws Exception {
  MessageDigest d = MessageDigest.getInstance("SHA-256"); byte[] buf = new byte[128*1024];
  long t0 = System.nanoTime(); try (InputStream in = Files.newInputStream(Path.of(a[0]))) { int r; while ((r = in.read(buf)) > 0) d.update(buf, 0, r); }
  System.out.println((System.nanoTime() - t0) / 1e9); } }
JAVA
java_bin=$(sed -n 's/^JAVA="\${GOSETUP_JAVA:-\(.*\)}"$/\1/p' target/gosetup)
declare -a J S
for i in 1 2 3 4 5; do
  J+=("$("$java_bin" "$work/Sha.java" "$mirror/$file")")
  t0=$(now); sha256sum "$mirror/$file" >/dev/null; S+=("$(echo "$(now) - $t0" | bc)")
done
size_mb=$(echo "$(stat -c %s "$mirror/$file") / 1000000" | bc -l)
mJ=$(median "${J[@]}"); mS=$(median "${S[@]}")
cat <<REPORT
machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1e6}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(. /etc/os-release; echo "$PRETTY_NAME")
date: $(date -u +%Y-%m-%d)
target: $work ($(df --output=fstype "$work" | tail -1)), server: $([ -n "${BENCH_RATE:-}" ] && echo "$BENCH_RATE MB/s" || echo "loopback, unthrottled")
archive: $file ($(printf %.1f "$size_mb") MB packed), $rounds rounds, alternating A B C
$([ -n "${BENCH_BASELINE:-}" ] && echo "A0 $BENCH_BASELINE (baseline):  median $(median "${A0[@]}") s  (A/A0 = $(echo "$mA / $(median "${A0[@]}")" | bc -l | xargs printf %.2f))")
A gosetup install (end to end):      median $mA s
B curl + sha256sum -c + tar -xzf:    median $mB s
C tar -xzf alone (floor):            median $mC s
A/B = $(echo "$mA / $mB" | bc -l | xargs printf %.2f)   (goal <= 0.70)
A/C = $(echo "$mA / $mC" | bc -l | xargs printf %.2f)   (goal <= 1.10)
peak RSS of A: median $mR KB (goal < 200 MB)
SHA-256: Java MessageDigest $(echo "$size_mb / $mJ" | bc -l | xargs printf %.0f) MB/s vs sha256sum $(echo "$size_mb / $mS" | bc -l | xargs printf %.0f) MB/s (median of 5 each)
REPORT
