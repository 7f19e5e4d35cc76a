#!/usr/bin/env bash
# The sample builds with FRAG001 warnings; `dotnet format analyzers` fixes them all; the fixed program builds
# without them and prints exactly what the original printed. Works on a copy next to the sample, so the
# sample's relative project references still resolve and the checkout is left as it was.
set -euo pipefail
cd "$(dirname "$0")/.."

copy=samples/SensorLogger.ci-check
rm -rf "$copy"
cp -r samples/SensorLogger "$copy"
rm -rf "$copy/bin" "$copy/obj"
trap 'rm -rf "$copy"' EXIT
project="$copy/SensorLogger.csproj"

before_build=$(dotnet build "$project" 2>&1) || { echo "$before_build"; echo "FAIL: the sample does not build"; exit 1; }
before_warnings=$( (grep -oE 'warning FRAG001[^[]*' <<<"$before_build" || true) | sort -u | wc -l)
echo "FRAG001 warnings before: $before_warnings"
[ "$before_warnings" -gt 0 ] || { echo "FAIL: the sample shows no FRAG001 warning"; exit 1; }
echo "PASS: the sample builds and shows $before_warnings FRAG001 warnings"
before_output=$(dotnet run --project "$project" --no-build)

dotnet format analyzers "$project" --diagnostics FRAG001 --severity info

after_build=$(dotnet build "$project" 2>&1) || { echo "$after_build"; echo "FAIL: the fixed sample does not build"; exit 1; }
after_warnings=$( (grep -oE 'warning FRAG001[^[]*' <<<"$after_build" || true) | sort -u | wc -l)
echo "FRAG001 warnings after: $after_warnings"
[ "$after_warnings" -lt "$before_warnings" ] || { echo "FAIL: dotnet format fixed nothing"; exit 1; }
echo "PASS: dotnet format analyzers --diagnostics FRAG001 fixed the sample ($before_warnings warnings to $after_warnings)"
after_output=$(dotnet run --project "$project" --no-build)

if [ "$before_output" != "$after_output" ]; then
  echo "FAIL: the fixed sample prints something else"
  diff <(echo "$before_output") <(echo "$after_output") || true
  exit 1
fi
echo "PASS: the fixed sample prints the same output ($(wc -l <<<"$before_output") lines)"
