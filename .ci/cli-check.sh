#!/usr/bin/env bash
# The fragless tool end to end, as users get it: pack Fragless.Tool into a local feed, install it into a temporary
# tool path, and run every command on a copy of samples/Fleet (two projects). Checks exit codes, the SARIF's shape,
# that a baseline makes the dirty solution pass (in 'check' and in 'dotnet build'), that a new finding fails it,
# that prune shrinks the file after a fix, that 'fix' leaves only findings without a fix and the same program
# output, and that bad input is one line and exit code 2. One "PASS: …" or "FAIL: …" line per check.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

work=$(mktemp -d)
copy=samples/Fleet.ci-check
rm -rf "$copy"
trap 'rm -rf "$work" "$repo/$copy"' EXIT
version="0.1.0-ci.$(date +%s)"
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# 1. Pack and install, as 'dotnet tool install' does it.
if dotnet pack Tool/Tool.csproj -c Release -o "$work/feed" -p:Version="$version" >"$work/pack.log" 2>&1 \
  && dotnet tool install Fragless.Tool --tool-path "$work/tools" --add-source "$work/feed" --version "$version" >"$work/install.log" 2>&1; then
  pass "Fragless.Tool packs and installs with dotnet tool install"
else
  cat "$work/pack.log" "$work/install.log" 2>/dev/null | tail -30; fail "Fragless.Tool packs and installs with dotnet tool install"; exit 1
fi
fragless() { CI=true "$work/tools/fragless" "$@"; }
reset_copy() { rm -rf "$copy"; cp -r samples/Fleet "$copy"; rm -rf "$copy"/*/bin "$copy"/*/obj; }
program_output() { dotnet build "$copy/Fleet.Gateway" -v q -nologo >/dev/null 2>&1 && dotnet run --project "$copy/Fleet.Gateway" --no-build; }
one_line_error() { # exit code 2, one line on stderr starting with "fragless: ", no stack trace
  local out status
  out=$("$@" --quiet 2>&1 >/dev/null); status=$?
  [ "$status" -eq 2 ] && [ "$(wc -l <<<"$out")" -eq 1 ] && grep -q '^fragless: ' <<<"$out" && ! grep -q ' at ' <<<"$out" \
    || { echo "exit $status: $out"; return 1; }
}

# 2. check: findings of both projects, exit code 1.
reset_copy
out=$(fragless check "$copy" 2>"$work/err"); status=$?
if [ "$status" -eq 1 ] && grep -q 'Fleet.Devices/Thermometer.cs' <<<"$out" && grep -q 'Fleet.Gateway/Program.cs' <<<"$out" \
  && grep -q '^FRAG001: ' <<<"$out" && grep -q '^FRAG002: ' <<<"$out"; then
  pass "check lists the findings of both projects by rule and file, and exits 1"
else
  echo "$out"; cat "$work/err"; fail "check lists the findings of both projects by rule and file, and exits 1 (exit $status)"
fi
findings=$(grep -cE '^    [0-9]+:[0-9]+  ' <<<"$out")

# 3. SARIF 2.1.0, checked against its own shape.
fragless check "$copy" --format sarif --output "$work/fleet.sarif" --no-restore 2>/dev/null
if python3 - "$work/fleet.sarif" "$findings" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"], "version/schema"
run, = log["runs"]
rules = run["tool"]["driver"]["rules"]
ids = [r["id"] for r in rules]
assert "FRAG001" in ids and "FRAG002" in ids and len(ids) == len(set(ids)), ids
for r in rules:
    assert r["shortDescription"]["text"] and r["helpUri"].endswith(r["id"] + ".md"), r
    assert r["defaultConfiguration"]["level"] in ("error", "warning", "note"), r
results = run["results"]
assert len(results) == int(sys.argv[2]), (len(results), sys.argv[2])
for res in results:
    assert ids[res["ruleIndex"]] == res["ruleId"], res
    assert res["level"] in ("error", "warning", "note") and res["message"]["text"], res
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uriBaseId"] == "SRCROOT" and not loc["artifactLocation"]["uri"].startswith("/"), loc
    region = loc["region"]
    assert 1 <= region["startLine"] <= region["endLine"] and region["startColumn"] >= 1, region
    assert res["partialFingerprints"]["fragless/v1"], res
assert run["originalUriBaseIds"]["SRCROOT"]["uri"].startswith("file://"), run["originalUriBaseIds"]
PY
then pass "check --format sarif writes SARIF 2.1.0 with every rule and one result per finding ($findings)"
else fail "check --format sarif writes SARIF 2.1.0 with every rule and one result per finding"; fi

# 4. GitHub annotations and job summary.
out=$(GITHUB_STEP_SUMMARY="$work/summary.md" fragless check "$copy" --format github --no-restore 2>/dev/null)
if [ "$(grep -cE '^::warning file=Fleet\.(Devices|Gateway)/[A-Za-z]+\.cs,line=[0-9]+,col=[0-9]+,endLine=[0-9]+,endColumn=[0-9]+,title=FRAG00[0-9] ' <<<"$out")" -eq "$findings" ] \
  && grep -q '^## Fragless' "$work/summary.md" && grep -q '| \[FRAG001\](' "$work/summary.md"; then
  pass "check --format github prints one annotation per finding and appends a Markdown job summary"
else
  echo "$out"; cat "$work/summary.md" 2>/dev/null; fail "check --format github prints one annotation per finding and appends a Markdown job summary"
fi

# 5. A baseline makes the dirty solution pass, in check and in the build.
out=$(fragless baseline write "$copy" --no-restore 2>&1); status=$?
entries=$(grep -c '"file":' "$copy/fragless.baseline.json" 2>/dev/null || echo 0)
if [ "$status" -eq 0 ] && [ "$entries" -eq "$findings" ]; then pass "baseline write writes one entry per finding ($entries)"
else echo "$out"; fail "baseline write writes one entry per finding (exit $status, $entries entries)"; fi
out=$(fragless check "$copy" --baseline "$copy/fragless.baseline.json" --no-restore 2>&1); status=$?
if [ "$status" -eq 0 ] && grep -q "No new findings ($findings findings accepted by the baseline)" <<<"$out"; then pass "check --baseline passes the dirty solution"
else echo "$out"; fail "check --baseline passes the dirty solution (exit $status)"; fi
build=$(dotnet build "$copy/Fleet.slnx" --no-incremental -nologo 2>&1)
if [ "$(grep -cE 'warning FRAG0' <<<"$build")" -eq 0 ] && grep -q 'Build succeeded' <<<"$build"; then
  pass "dotnet build shows none of the findings the baseline lists (the package adds the baseline as an additional file)"
else
  grep -E 'FRAG0|error' <<<"$build" | sort -u | head; fail "dotnet build shows none of the findings the baseline lists"
fi

# 6. A new finding fails the check and shows in the build.
python3 - "$copy/Fleet.Devices/Radio.cs" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
s = s.replace("            return total;\n", "            for (int i = 0; i < lines; i++)\n            {\n                var echo = new byte[8];\n                total += serial.Read(echo, 0, echo.Length);\n            }\n\n            return total;\n")
open(p, "w").write(s)
PY
out=$(fragless check "$copy" --baseline "$copy/fragless.baseline.json" --no-restore 2>&1); status=$?
if [ "$status" -eq 1 ] && grep -q "1 new finding ($findings more accepted by the baseline)" <<<"$out" && grep -q "'echo' allocates" <<<"$out"; then
  pass "a new finding fails check --baseline, and only it is shown"
else echo "$out"; fail "a new finding fails check --baseline (exit $status)"; fi
build=$(dotnet build "$copy/Fleet.slnx" --no-incremental -nologo 2>&1)
if [ "$(grep -oE 'Radio\.cs\([0-9]+,[0-9]+\): warning FRAG0[0-9]+' <<<"$build" | sort -u | wc -l)" -eq 1 ]; then pass "dotnet build shows the new finding only"
else grep -E 'warning FRAG0' <<<"$build" | sort -u; fail "dotnet build shows the new finding only"; fi

# 7. A fixed finding makes prune shrink the baseline (and prune never adds the new one).
fragless fix "$copy" --rule FRAG002 --no-restore >/dev/null 2>&1
out=$(fragless baseline prune "$copy" --no-restore 2>&1); status=$?
after=$(grep -c '"file":' "$copy/fragless.baseline.json")
if [ "$status" -eq 0 ] && [ "$after" -lt "$entries" ] && ! grep -q 'echo' "$copy/fragless.baseline.json"; then
  pass "after fix --rule FRAG002, baseline prune shrinks the file ($entries -> $after) and adds nothing"
else echo "$out"; fail "baseline prune shrinks the file after a fix (exit $status, $entries -> $after)"; fi
out=$(fragless baseline prune "$copy" --no-restore 2>&1)
if grep -q 'is up to date' <<<"$out"; then pass "a second prune changes nothing"; else echo "$out"; fail "a second prune changes nothing"; fi
# An entry that matches nothing is FRAG010 in the build (a warning under the Strict preset).
python3 - "$copy/fragless.baseline.json" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
s = s.replace('"entries": [\n', '"entries": [\n    { "file": "Fleet.Devices/Thermometer.cs", "rule": "FRAG001", "member": "Thermometer.Average(int)", "code": "var gone = new byte[4];", "occurrence": 0 },\n', 1)
open(p, "w").write(s)
PY
build=$(dotnet build "$copy/Fleet.Devices" --no-incremental -nologo -p:FraglessAnalysisMode=Strict 2>&1)
if grep -qE 'fragless\.baseline\.json\([0-9]+,[0-9]+\): warning FRAG010: The baseline accepts a FRAG001 in .Thermometer\.Average\(int\).' <<<"$build"; then
  pass "a baseline entry that matches nothing is FRAG010 in the build, at its line of the baseline"
else grep -E 'FRAG01' <<<"$build" | sort -u; fail "a baseline entry that matches nothing is FRAG010 in the build"; fi

# 8. fix leaves only findings without a fix, with the same program output.
reset_copy
before=$(program_output)
fragless fix "$copy" --dry-run --no-restore >"$work/diff" 2>/dev/null
if grep -q '^--- a/Fleet.Devices/Thermometer.cs' "$work/diff" && grep -q '^+++ b/' "$work/diff" && diff -r -q --exclude=bin --exclude=obj samples/Fleet "$copy" >/dev/null; then
  pass "fix --dry-run prints a diff and changes no file"
else
  head -20 "$work/diff"; fail "fix --dry-run prints a diff and changes no file"
fi
out=$(fragless fix "$copy" --no-restore 2>&1); status=$?
again=$(fragless fix "$copy" --dry-run --no-restore 2>&1)
left=$(fragless check "$copy" --no-restore 2>/dev/null | grep -cE '^    [0-9]+:[0-9]+  ')
after_output=$(program_output)
if [ "$status" -eq 0 ] && grep -q 'Would fix 0 diagnostics' <<<"$again" && [ "$left" -lt "$findings" ] && [ "$left" -gt 0 ]; then
  pass "fix applies every available fix: $((findings - left)) fixed, $left left, none of them fixable"
else echo "$out"; echo "$again"; fail "fix applies every available fix (exit $status, $left left)"; fi
if [ -n "$before" ] && [ "$before" == "$after_output" ]; then pass "the fixed sample prints exactly what the original printed"
else echo "before: $before"; echo "after: $after_output"; fail "the fixed sample prints exactly what the original printed"; fi

# 9. report: the page and its Markdown summary.
out=$(fragless report "$copy" --output "$work/report.html" --no-restore 2>&1); status=$?
if [ "$status" -eq 0 ] && grep -q '<svg' "$work/report.html" && grep -q 'Thermometer.Average' "$work/report.html" && grep -q '^# Heap churn' "$work/report.md"; then
  pass "report writes a self-contained page with a chart and a Markdown summary"
else echo "$out"; fail "report writes a self-contained page with a chart and a Markdown summary (exit $status)"; fi

# 10. Bad input: one line, exit code 2, nothing overwritten.
reset_copy
mkdir -p "$work/empty"
if one_line_error fragless check "$work/does-not-exist"; then pass "a missing path is a one-line error"; else fail "a missing path is a one-line error"; fi
if one_line_error fragless check "$work/empty"; then pass "a folder with no C# projects is a one-line error"; else fail "a folder with no C# projects is a one-line error"; fi
if one_line_error fragless check "$copy" --rule FRAG999 --no-restore; then pass "an unknown rule ID is a one-line error"; else fail "an unknown rule ID is a one-line error"; fi
mkdir -p "$work/broken" && printf '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="Does.Not.Exist.Anywhere" Version="[9.9.9]" />\n  </ItemGroup>\n</Project>\n' >"$work/broken/Broken.csproj"
if one_line_error fragless check "$work/broken/Broken.csproj"; then pass "a project that does not restore is a one-line error"; else fail "a project that does not restore is a one-line error"; fi
printf '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n' >"$work/broken/Unclosed.csproj"
if one_line_error fragless check "$work/broken/Unclosed.csproj" --no-restore; then pass "a project that does not load is a one-line error"; else fail "a project that does not load is a one-line error"; fi
printf '{ "version": 1, "entries": [ { "file": ' >"$copy/fragless.baseline.json"
sum=$(sha256sum "$copy/fragless.baseline.json")
if one_line_error fragless check "$copy" --baseline "$copy/fragless.baseline.json" --no-restore \
  && one_line_error fragless baseline write "$copy" --no-restore && one_line_error fragless baseline prune "$copy" --no-restore \
  && [ "$sum" == "$(sha256sum "$copy/fragless.baseline.json")" ]; then
  pass "a corrupt baseline is a one-line error for check, write and prune, and is never overwritten"
else fail "a corrupt baseline is a one-line error for check, write and prune, and is never overwritten"; fi
rm -f "$copy/fragless.baseline.json"
echo 'class Broken { void M() { int x = ; } }' >"$copy/Fleet.Devices/Broken.cs"
if one_line_error fragless baseline write "$copy" --no-restore && [ ! -e "$copy/fragless.baseline.json" ]; then
  pass "baseline write refuses code that does not compile"
else fail "baseline write refuses code that does not compile"; fi
if one_line_error fragless report --unknown-option; then pass "an unknown option is a one-line error"; else fail "an unknown option is a one-line error"; fi

[ "$failures" -eq 0 ]
