#!/usr/bin/env bash
# Installs a built .deb on this machine (as root), runs the installed command line, opens the installed
# app in a real window under Xvfb, checks the window carries the app icon, saves a screenshot, then removes
# the package and checks nothing of it is left.
#
#   installer/linux/check-deb.sh target/installer/packages/gosetup_0.1.0_amd64.deb [SCREENSHOT.png]
#
# Needs: apt-get (the package's dependencies), xvfb, xdotool, x11-utils (xprop), imagemagick (import),
# openbox (a window manager, so the title bar shows the icon). .ci/run installs them.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
deb=$(readlink -f "$1")
shot=${2:-target/installer/installed-app.png}
mkdir -p "$(dirname "$shot")"
shot=$(readlink -f "$shot")
say() { printf '== %s\n' "$*"; }
fail() { printf 'check-deb: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "run as root (it installs and removes the package)"

say "install $(basename "$deb") ($(du -h "$deb" | cut -f1))"
# apt-get rather than a bare dpkg -i: it installs the dependencies the package declares (GTK, X11 ...).
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
[ "$(readlink /usr/bin/gosetup)" = /opt/gosetup/lib/app/gosetup.sh ] || fail "/usr/bin/gosetup is not the link to /opt/gosetup/lib/app/gosetup.sh"
[ -x /opt/gosetup/lib/app/gosetup.sh ] || fail "/opt/gosetup/lib/app/gosetup.sh is not executable"
# The menu entry runs the same script (what a user clicks is what is timed below).
entry=$(grep -l '^Exec=' /opt/gosetup/lib/*.desktop | head -1)
[ "$(sed -n 's/^Exec=//p' "$entry")" = /opt/gosetup/lib/app/gosetup.sh ] || fail "the menu entry does not run lib/app/gosetup.sh: $(cat "$entry")"
# Arguments reach the app untouched, spaces and quotes included (the script passes them after the cfg's options).
odd=$(mktemp -d "/tmp/it's a home.XXXX")
gosetup list --home "$odd" >/dev/null || fail "an argument with a space and a quote did not reach the app intact"
rm -rf "$odd"

say "gosetup detect --json (the installed command, from PATH)"
home=$(mktemp -d)
mkdir "$home/tmp"
# A home and a temporary folder of its own for every run (Java takes user.home from the account, not
# $HOME): where JavaFX (~/.openjfx) or JNA (~/.cache/JNA, java.io.tmpdir) would unpack native libraries.
export HOME=$home XDG_CONFIG_HOME=$home/.config XDG_STATE_HOME=$home/.state XDG_CACHE_HOME=$home/.cache
export JAVA_TOOL_OPTIONS="-Duser.home=$home -Djava.io.tmpdir=$home/tmp"
gosetup detect --json > "$home/detect.json"
python3 - "$home/detect.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))  # only JSON on stdout: JVM or AOT warnings would break this
assert d["os"] == "linux", d
assert d["arch"] in ("amd64", "arm64"), d
print("   os=%s arch=%s chip=%s" % (d["os"], d["arch"], d["chip"]))
EOF
[ -f /opt/gosetup/lib/runtime/lib/libjnidispatch.so ] || fail "JNA's library is not in the image's runtime"

say "a policy baked into the image (what -Dinstaller.policy=FILE puts there) pins the version and mirror"
baked=/opt/gosetup/lib/app/policy.json
# A real release list (go1.17.3, go1.16.10): the pin is the older one, so "latest" is visibly not chosen.
printf '{"goVersion": "1.16", "fileMirror": "https://artifactory.example.com/go/"}\n' > "$baked"
catalog=$repo/src/test/fixtures/godl/golang-dl-stable-2021-11-08.json
gosetup install --dry-run --json --catalog "$catalog" > "$home/plan.json" || fail "install --dry-run under the baked policy failed"
python3 - "$home/plan.json" <<'EOF'
import json, sys
plan = json.load(open(sys.argv[1]))
assert plan["version"] == "go1.16.10", plan
assert plan["url"].startswith("https://artifactory.example.com/go/"), plan
print("   plan: %s from %s" % (plan["version"], plan["url"]))
EOF
if gosetup install --dry-run --json --catalog "$catalog" --mirror https://dl.google.com/go/ >/dev/null 2>"$home/refused.txt"; then
  fail "a --mirror against the baked policy was not refused"
fi
grep -q "set by your organisation" "$home/refused.txt" || fail "the refusal does not say why: $(cat "$home/refused.txt")"
echo "   --mirror refused: $(grep "set by your organisation" "$home/refused.txt")"
rm -f "$baked" # not the package's file: dpkg would leave the folder behind

say "open the installed app under Xvfb"
display=
for n in $(seq 90 130); do [ -e "/tmp/.X$n-lock" ] || { display=:$n; break; }; done
[ -n "$display" ] || fail "no free X display number between :90 and :130"
Xvfb $display -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $wm $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
app=; wm=
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
openbox >/dev/null 2>&1 &
wm=$!
sleep 0.5
start=$(date +%s.%N)
/opt/gosetup/lib/app/gosetup.sh >"$home/app.log" 2>&1 &
app=$!
# Polled every 5 ms: xdotool's own --sync looks only every 0.5 s, which rounded the time up to the next half second.
window=
for _ in $(seq 12000); do
  window=$(xdotool search --onlyvisible --name "Go Setup Assistant" 2>/dev/null | head -1) && [ -n "$window" ] && break
  sleep 0.005
done
[ -n "$window" ] || fail "no window within 60 s; the app said: $(cat "$home/app.log")"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "   first window after %.2f s\n", e - s }'
# The window's icon as the window manager gets it (_NET_WM_ICON: width, height, ARGB pixels; JavaFX hands
# GTK one size), pixel by pixel against the app's PNG of that size: JavaFX and openbox have icons of their own.
python3 - "$window" "$repo/src/main/resources/dev/gosetup/ui/icons" <<'EOF'
import subprocess, sys
window, icons_dir = sys.argv[1], sys.argv[2]
raw = subprocess.run(["xprop", "-notype", "-id", window, "32c", "_NET_WM_ICON"], capture_output=True, text=True).stdout
if "=" not in raw:
    sys.exit("check-deb: the window has no icon (_NET_WM_ICON)")
n = [int(x) for x in raw.split("=", 1)[1].replace(",", " ").split()]
w, h = n[0], n[1]
argb = n[2:2 + w * h]
ours = subprocess.run(["convert", f"{icons_dir}/gosetup-{w}.png", "-depth", "8", "RGBA:-"], capture_output=True)
if ours.returncode != 0 or len(ours.stdout) != w * h * 4:
    sys.exit(f"check-deb: the window's icon is {w}x{h}, a size the app does not carry")
px = ours.stdout
same = 0
for i, v in enumerate(argb):
    a, r, g, b = (v >> 24) & 255, (v >> 16) & 255, (v >> 8) & 255, v & 255
    R, G, B, A = px[4 * i:4 * i + 4]
    if abs(a - A) <= 8 and (A < 16 or max(abs(r - R), abs(g - G), abs(b - B)) <= 8):
        same += 1
share = same / (w * h)
if share < 0.98:
    sys.exit(f"check-deb: the window's {w}x{h} icon is not the app icon ({share:.0%} of pixels match)")
print(f"   the window carries the app icon ({w}x{h}, {share:.1%} of pixels match the app's PNG)")
EOF
sleep 4 # the first page detects the machine off the FX thread; let it fill in
import -window root "$shot"
echo "   screenshot: $shot"
kill $app; wait $app 2>/dev/null || true; app=
# Nothing unpacked: JavaFX and JNA loaded their libraries from the image (lib/runtime/lib).
[ ! -e "$home/.openjfx" ] || fail "JavaFX unpacked its native libraries into ~/.openjfx"
[ ! -e "$home/.cache/JNA" ] && [ -z "$(ls -A "$home/tmp")" ] || fail "JNA unpacked its native library: $(ls -A "$home/.cache/JNA" "$home/tmp" 2>&1)"
echo "   no native library unpacked (no ~/.openjfx, no JNA temporary)"

say "remove the package"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq gosetup >/dev/null
[ ! -e /usr/bin/gosetup ] || fail "/usr/bin/gosetup is still there after removal"
[ ! -e /opt/gosetup/bin/gosetup ] || fail "/opt/gosetup is still there after removal"
say "ok"
