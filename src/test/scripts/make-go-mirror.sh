#!/usr/bin/env bash
# Copied unchanged (below this line) from the project's shared/bench/make-go-mirror.sh on 2026-12-03, so Debian and
# Ubuntu machines without shared/ build the same archives; testing/GoArchives runs it, or downloads go.dev's own.
# Builds real Go distribution archives and a go.dev/dl-style release list for them, so that
# downloads, verification, unpacking, multi-version installs, patch upgrades and per-project
# toolchain switching (GOTOOLCHAIN) can be tested and timed against real data offline.
#
# Usage: make-go-mirror.sh [--versions V[,V...]] OUTDIR
#   e.g. make-go-mirror.sh --versions 1.19.8,1.21.13,1.22.12,1.23.5 /tmp/gomirror   (any subset)
# Without --versions it builds go1.19.8 alone, exactly as it always has (other tests depend on it).
# Writes, for each version, OUTDIR/go<V>.linux-amd64.tar.gz and OUTDIR/go<V>.linux-amd64.tar.gz.sha256
# (hex digest, one line), and one OUTDIR/dl.json that lists the versions asked for, newest first (the
# schema of https://go.dev/dl/?mode=json&include=all). Prints "OUTDIR/<archive> <sha256>" per version.
# Re-runs reuse the archives already there (delete one to rebuild it). A version takes 30-45 s on
# 2 cores and 0.6 GB under TMPDIR while it builds. Serve OUTDIR on loopback (e.g.
# `python3 -m http.server -b 127.0.0.1 8765 -d OUTDIR`) to act as a mirror. For GOTOOLCHAIN tests:
# go runs a `go1.X.Y` found on PATH (GOTOOLCHAIN=path or auto); auto then downloads
# golang.org/toolchain modules from GOPROXY, which this mirror does not serve.
#
# Sources: Debian's real Go builds, golang-1.NN-go + golang-1.NN-src (+ golang-1.NN-doc from 1.21):
# 1.19.8 from bookworm; 1.21.13, 1.22.12 and 1.23.5 from bookworm-backports (the versions there; another
# one fails and says what there is). apt fetches them with a private state in a temp folder: the
# system's apt setup is left alone, and it works as root and as non-root (byte-identical output).
#
# How the archives differ from the official ones:
# - all: bin/ and pkg/tool are Debian's builds (`go version` prints the plain version; GOROOT is found
#   from the executable as usual); src/ is Debian's golang-1.NN-src; no LICENSE, PATENTS, README.md,
#   CONTRIBUTING.md, SECURITY.md, codereview.cfg (Debian keeps them elsewhere); gzip -6, not -9
#   (1% larger, 4 times faster).
# - 1.19.8 (as this script always made it): VERSION is one line, no newline (as upstream's); no lib/,
#   no doc/, no precompiled std in pkg/linux_amd64 (official 1.19 archives had it); pkg/tool keeps api
#   and dist; every mtime is 2023-03-29. 64 MB packed; 235 MB and 11,780 files unpacked.
# - 1.21 and later, as upstream's cmd/distpack makes them: upstream's VERSION (first line go1.22.12,
#   second line time 2025-01-31T18:38:03Z) and go.env (GOTOOLCHAIN=auto); every mtime is that time;
#   pkg/tool without the helpers dist and distpack; doc/ from golang-1.NN-doc. lib/time has zoneinfo.zip
#   only, not README, update.bash, mkzip.go (Debian drops lib/time; the archive's own go rebuilds the zip
#   byte for byte from src/time/tzdata/zzipdata.go, which cmd/dist quoted from it). 65-72 MB packed;
#   240-260 MB and 12,600-13,300 files unpacked.
set -euo pipefail
usage='usage: make-go-mirror.sh [--versions 1.19.8,1.21.13,1.22.12,1.23.5] OUTDIR'
versions=1.19.8
if [[ ${1:-} == --versions && $# == 3 ]]; then versions=$2; shift 2; fi
[[ $# == 1 && $1 != -* ]] || { echo "$usage" >&2; exit 2; }
# Requested versions, deduplicated, newest first.
list=()
for v in ${versions//,/ }; do
  v=${v#go}
  [[ $v =~ ^1\.[0-9]+\.[0-9]+$ ]] || { echo "not a Go release version: $v ($usage)" >&2; exit 2; }
  list+=("$v")
done
mapfile -t list < <(printf '%s\n' "${list[@]}" | sort -rVu)
out=$1
mkdir -p "$out"
out=$(cd "$out" && pwd)
umask 022 # the same modes for root and non-root (tar applies the umask when not root)
part=.part.$$ # suffix of files being written into OUTDIR, renamed when complete
work=         # temporary folder, made only when something needs building
trap 'rm -rf "$out"/*$part ${work:+"$work"}' EXIT
archive() { echo "go$1.linux-amd64.tar.gz"; }

apt_opts=()
apt_setup() {
  mkdir -p "$work/apt/none" "$work/apt/lists/partial" "$work/apt/cache/archives/partial"
  local key=/usr/share/keyrings/debian-archive-keyring.gpg
  printf 'deb [signed-by=%s] http://deb.debian.org/debian %s main\n' "$key" bookworm "$key" bookworm-backports \
    >"$work/apt/sources.list"
  apt_opts=(-o Dir::Etc::sourcelist="$work/apt/sources.list" -o Dir::Etc::sourceparts="$work/apt/none"
    -o Dir::State::Lists="$work/apt/lists" -o Dir::Cache="$work/apt/cache" -o APT::Sandbox::User=root)
  apt-get "${apt_opts[@]}" update >"$work/apt/update.log" 2>&1 || { cat "$work/apt/update.log" >&2; exit 1; }
}

# debian_version V: the version of golang-1.NN-go whose upstream part is V (1.22.12-3~bpo12+1 holds 1.22.12).
debian_version() {
  local v=$1 series=${1%.*} have d u
  have=$(apt-cache "${apt_opts[@]}" madison "golang-$series-go" 2>/dev/null | awk -F' *[|] *' '{print $2}') || true
  for d in $have; do
    u=${d#*:} && u=${u%-*}
    if [[ ${u%%[+~]*} == "$v" ]]; then echo "$d" && return; fi
  done
  echo "go$v: not in Debian bookworm or bookworm-backports (golang-$series-go there:" ${have:-none}")" >&2
  return 1
}

# build V DEBVERSION: downloads Debian's packages and writes OUTDIR/goV.linux-amd64.tar.gz and its .sha256.
build() {
  local v=$1 debver=$2 series=${1%.*} minor name w pkgs mtime sum
  minor=${series#1.}
  name=$(archive "$v")
  w=$work/go$v
  mkdir -p "$w/debs" "$w/stage"
  pkgs=("golang-$series-go=$debver" "golang-$series-src=$debver")
  if ((minor >= 21)); then pkgs+=("golang-$series-doc=$debver"); fi
  (cd "$w/debs" && apt-get "${apt_opts[@]}" -qq download "${pkgs[@]}" >/dev/null)
  for deb in "$w"/debs/*.deb; do dpkg-deb -x "$deb" "$w/root"; done
  # /usr/lib/go-1.NN links src, api, misc, test, doc and pkg/include into /usr/share: copy them as files.
  cp -rL "$w/root/usr/lib/go-$series" "$w/stage/go"
  rm -rf "$w/stage/go/pkg/linux_amd64"
  local go=(env -u GOROOT -u GOOS -u GOARCH GOENV=off GOFLAGS= GO111MODULE=off GOTOOLCHAIN=local CGO_ENABLED=0
    GOPATH="$w/gopath" GOCACHE="$w/gocache" "$w/stage/go/bin/go")
  [[ $("${go[@]}" version) == "go version go$v linux/amd64" ]] || {
    echo "go$v: $debver's go says: $("${go[@]}" version 2>&1)" >&2
    exit 1
  }
  if ((minor >= 21)); then
    rm -f "$w/stage/go/pkg/tool/linux_amd64/"{api,dist,distpack,metadata}
    mkdir -p "$w/stage/go/lib/time" "$w/zip"
    sed 's/^package tzdata$/package main/' "$w/stage/go/src/time/tzdata/zzipdata.go" >"$w/zip/zzipdata.go"
    printf 'package main\n\nimport "os"\n\nfunc main() { os.Stdout.WriteString(zipdata) }\n' >"$w/zip/main.go"
    (cd "$w/zip" && "${go[@]}" run main.go zzipdata.go) >"$w/stage/go/lib/time/zoneinfo.zip"
    mtime=@$(date -u -d "$(sed -n 's/^time //p' "$w/stage/go/VERSION")" +%s)
  else
    mtime='2023-03-29 00:00:00Z'
  fi
  tar -C "$w/stage" --sort=name --mtime="$mtime" --owner=0 --group=0 --numeric-owner \
    -cf - go | gzip -n -6 >"$out/$name$part"
  sum=$(sha256sum "$out/$name$part" | cut -d' ' -f1)
  echo "$sum" >"$out/$name.sha256"
  mv "$out/$name$part" "$out/$name"
  rm -rf "$w"
}

todo=()
for v in "${list[@]}"; do
  name=$(archive "$v")
  [[ -s $out/$name && -s $out/$name.sha256 ]] || todo+=("$v")
done
if ((${#todo[@]})); then
  work=$(mktemp -d)
  apt_setup
  debvers=()
  for v in "${todo[@]}"; do debvers+=("$(debian_version "$v")") || exit 1; done
  for i in "${!todo[@]}"; do build "${todo[$i]}" "${debvers[$i]}"; done
fi

# dl.json: one entry per version, newest first, written only when it changes.
{
  echo '['
  for v in "${list[@]}"; do
    name=$(archive "$v")
    [[ $v == "${list[0]}" ]] || echo ' },'
    cat <<JSON
 {
  "version": "go$v",
  "stable": true,
  "files": [
   {
    "filename": "$name",
    "os": "linux",
    "arch": "amd64",
    "version": "go$v",
    "sha256": "$(<"$out/$name.sha256")",
    "size": $(stat -c %s "$out/$name"),
    "kind": "archive"
   }
  ]
JSON
  done
  echo ' }'
  echo ']'
} >"$out/dl.json$part"
if cmp -s "$out/dl.json$part" "$out/dl.json"; then rm "$out/dl.json$part"; else mv "$out/dl.json$part" "$out/dl.json"; fi
for v in "${list[@]}"; do
  name=$(archive "$v")
  echo "$out/$name $(cat "$out/$name.sha256")"
done
