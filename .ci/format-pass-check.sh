#!/usr/bin/env bash
# One `dotnet format analyzers` pass applies every fixable FRAG001-FRAG003 and FRAG005 diagnostic, whatever order they come in:
# a fresh consumer (.ci/consumers/FormatPass) whose findings without a fix come first in each rule gets one pass over
# all four rules; afterwards only the findings without a fix may remain, and the program prints the same.
# The package comes from a local feed, as in .ci/package-check.sh. Prints one "PASS: …" or "FAIL: …" line per check.
set -uo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
# Its own prerelease version: NuGet never looks at the feed again for a version it has cached.
version="0.1.0-ci.$(date +%s).format"
failures=0

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# "ID: message" of each FRAG001-FRAG003 and FRAG005 warning, once (MSBuild repeats them in its summary), optionally only those on
# the given source lines.
warnings() { (grep -oE "Program\.cs\([0-9]+,[0-9]+\): warning FRAG00[1235]: [^[]*" <<<"$1" || true) | sed -E 's/ +$//' | sort -u; }
messages() { sed -E 's/^Program\.cs\([0-9]+,[0-9]+\): warning //' | sort; }

if ! dotnet pack Package/Package.csproj -c Release -o "$feed" -p:Version="$version" >"$work/pack.log" 2>&1; then
  cat "$work/pack.log"; fail "Fragless.Analyzers packs for the one-pass check"; exit 1
fi

project="$work/FormatPass"
cp -r .ci/consumers/FormatPass "$project"
sed -i "s/\$(FraglessVersion)/$version/" "$project/FormatPass.csproj"
cat > "$project/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="fragless-local" value="$feed" />
  </packageSources>
</configuration>
XML
export DOTNET_ROLL_FORWARD=Major

out=$(dotnet build "$project" -nologo 2>&1) || { echo "$out"; fail "the one-pass consumer builds"; exit 1; }
before=$(warnings "$out")
output_before=$(dotnet run --project "$project" --no-build) || fail "the one-pass consumer runs"
# The findings without a fix are the lines the program marks "no fix".
unfixable_lines=$(grep -n "no fix:" "$project/Program.cs" | cut -d: -f1 | paste -sd'|')
expected=$( (grep -E "^Program\.cs\(($unfixable_lines)," <<<"$before" || true) | messages)
for id in FRAG001 FRAG002 FRAG003 FRAG005; do
  fixable=$(grep -vE "^Program\.cs\(($unfixable_lines)," <<<"$before" | grep -c "warning $id" || true)
  unfixable=$(grep -c "$id" <<<"$expected" || true)
  if [ "$fixable" -gt 0 ] && [ "$unfixable" -gt 0 ]; then
    pass "one-pass consumer: $id reported with and without a fix"
  else
    echo "$before"; fail "one-pass consumer: $id reported with and without a fix ($fixable fixable, $unfixable without)"
  fi
done

format=$(dotnet format analyzers "$project/FormatPass.csproj" --diagnostics FRAG001 FRAG002 FRAG003 FRAG005 --severity info 2>&1) \
  && pass "one dotnet format analyzers pass over FRAG001 FRAG002 FRAG003 FRAG005 runs" \
  || { echo "$format"; fail "one dotnet format analyzers pass over FRAG001 FRAG002 FRAG003 FRAG005 runs"; }

out=$(dotnet build "$project" -nologo --no-incremental 2>&1) || { echo "$out"; fail "the one-pass consumer builds after the pass"; exit 1; }
after=$(warnings "$out" | messages)
if [ "$after" = "$expected" ]; then
  pass "after one pass only the findings without a fix remain ($(wc -l <<<"$expected") of $(wc -l <<<"$before"))"
else
  echo "expected to remain:"; echo "$expected"; echo "remaining:"; echo "$after"
  diff "$project/Program.cs" .ci/consumers/FormatPass/Program.cs
  fail "after one pass only the findings without a fix remain"
fi

output_after=$(dotnet run --project "$project" --no-build) || fail "the one-pass consumer runs after the pass"
[ "$output_after" = "$output_before" ] && pass "the one-pass consumer prints the same after the pass" \
  || { diff <(echo "$output_before") <(echo "$output_after"); fail "the one-pass consumer prints the same after the pass"; }

[ "$failures" -eq 0 ]
