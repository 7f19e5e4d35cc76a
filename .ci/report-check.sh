#!/usr/bin/env bash
# `fragless report` on samples/Fleet, opened in a real headless browser (Debian's chromium): the rendered DOM shows
# the ranking table with the sample's methods and the inline-SVG charts with bars, and a screenshot is a real
# picture. One "PASS: …"/"FAIL: …" line per check.
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 CI=true

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); then
  echo "PASS: chromium is installed ($(chromium --version 2>/dev/null | head -n 1))"
else
  echo "FAIL: chromium is installed"; exit 1
fi

out=$(dotnet run --project Tool -c Release -- report samples/Fleet --output "$tmp/report.html" 2>&1); status=$?
if [ "$status" -eq 0 ] && [ -s "$tmp/report.html" ] && [ -s "$tmp/report.md" ]; then
  echo "PASS: fragless report writes report.html and report.md ($(grep -m1 '^Wrote' <<<"$out"))"
else
  echo "$out"; echo "FAIL: fragless report writes report.html and report.md (exit $status)"; exit 1
fi

browse() { chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir="$tmp/profile" "$@" 2>"$tmp/chromium.log"; }

browse --dump-dom "file://$tmp/report.html" >"$tmp/dom.html"
if [ -s "$tmp/dom.html" ] && grep -q '<table id="ranking"' "$tmp/dom.html"; then
  echo "PASS: chromium renders the page and its DOM has the ranking table"
else
  cat "$tmp/chromium.log"; echo "FAIL: chromium renders the page and its DOM has the ranking table"
fi

# The ranking table's rendered text names the sample's methods.
ranking=$(sed -n '/<table id="ranking"/,/<\/table>/p' "$tmp/dom.html")
missing=""
for method in Average SendAll Relay Main; do
  grep -q "$method" <<<"$ranking" || missing="$missing $method"
done
if [ -z "$missing" ]; then
  echo "PASS: the rendered ranking table lists Average, SendAll, Relay and Main"
else
  echo "FAIL: the rendered ranking table lists Average, SendAll, Relay and Main (missing:$missing)"
fi

# The method chart is an <svg> with bars, at least one of them wider than nothing.
chart=$(sed -n '/<svg id="chart-methods"/,/<\/svg>/p' "$tmp/dom.html")
bars=$(grep -o '<rect class="bar"' <<<"$chart" | wc -l)
wide=$(grep -oE '<rect class="bar"[^>]* width="[1-9][0-9]*"' <<<"$chart" | wc -l)
if [ "$bars" -ge 3 ] && [ "$wide" -ge 1 ] && grep -q 'Relay' <<<"$chart"; then
  echo "PASS: the rendered method chart is an <svg> with $bars bars ($wide non-empty), Relay among them"
else
  echo "FAIL: the rendered method chart is an <svg> with bars (found $bars, $wide non-empty)"
fi
if grep -q '<svg id="chart-files"' "$tmp/dom.html" && grep -q 'Thermometer.cs' <<<"$(sed -n '/<svg id="chart-files"/,/<\/svg>/p' "$tmp/dom.html")"; then
  echo "PASS: the rendered file chart is an <svg> naming the sample's files"
else
  echo "FAIL: the rendered file chart is an <svg> naming the sample's files"
fi

# Self-contained: nothing in the rendered page loads from elsewhere.
if grep -qE '<script|<link|<img|src=' "$tmp/dom.html"; then
  echo "FAIL: the rendered page loads nothing from elsewhere (no script, link, img or src)"
else
  echo "PASS: the rendered page loads nothing from elsewhere (no script, link, img or src)"
fi

browse --hide-scrollbars --window-size=1280,1600 --screenshot="$tmp/report.png" "file://$tmp/report.html" >/dev/null
# A real picture: a PNG of the window's size whose pixels are not all one colour.
if python3 - "$tmp/report.png" <<'EOF'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert width >= 1000 and height >= 1000, f"{width}x{height}"
idat, pos = b"", 8
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + length]
    pos += 12 + length
pixels = zlib.decompress(idat)
assert len(set(pixels)) > 16, "one colour"
print(f"{width}x{height}, {len(data)} bytes")
EOF
then
  echo "PASS: chromium's screenshot of the report is a non-trivial PNG"
else
  ls -l "$tmp"; cat "$tmp/chromium.log"; echo "FAIL: chromium's screenshot of the report is a non-trivial PNG"
fi
