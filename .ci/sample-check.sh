#!/usr/bin/env bash
# The sample builds with Fragless warnings; `dotnet format analyzers --diagnostics FRAG001` fixes the FRAG001 ones,
# a second pass fixes FRAG002, FRAG003 and FRAG005; after each pass the program builds with fewer warnings and prints
# exactly what the original printed. Works on a copy next to the sample, so the sample's relative project
# references still resolve and the checkout is left as it was. One "PASS: …"/"FAIL: …" line per check.
set -uo pipefail
cd "$(dirname "$0")/.."

copy=samples/SensorLogger.ci-check
rm -rf "$copy"
cp -r samples/SensorLogger "$copy"
rm -rf "$copy/bin" "$copy/obj"
trap 'rm -rf "$copy"' EXIT
project="$copy/SensorLogger.csproj"

# One line per diagnostic: file(line,col): warning ID.
count() { (grep -oE "[^ /]+\([0-9]+,[0-9]+\): warning $2" <<<"$1" || true) | sort -u | wc -l; }

build=$(dotnet build "$project" 2>&1) || { echo "$build"; echo "FAIL: the sample builds"; exit 1; }
frag001=$(count "$build" FRAG001); all=$(count "$build" 'FRAG00[0-9]')
if [ "$frag001" -gt 0 ] && [ "$(count "$build" FRAG002)" -gt 0 ] && [ "$(count "$build" FRAG003)" -gt 0 ] && [ "$(count "$build" FRAG005)" -gt 0 ]; then
  echo "PASS: the sample builds and shows FRAG001 ($frag001), FRAG002, FRAG003 and FRAG005 warnings"
else
  echo "FAIL: the sample builds and shows FRAG001, FRAG002, FRAG003 and FRAG005 warnings"; exit 1
fi
original=$(dotnet run --project "$project" --no-build)

pass_fix() {
  local label=$1; shift
  local format
  format=$(dotnet format analyzers "$project" --diagnostics "$@" --severity info 2>&1) || { echo "$format"; echo "FAIL: dotnet format analyzers --diagnostics $* runs"; return 1; }
  # dotnet format still succeeds when MSBuild reported problems loading a project (duplicate items, a project it could
  # not evaluate), and then may silently skip work: treat its workspace warnings as a failure.
  if grep -q "Warnings were encountered while loading the workspace" <<<"$format"; then
    echo "$format"
    dotnet format analyzers "$project" --diagnostics "$@" --severity info --verify-no-changes -v diag 2>&1 | grep -iE "duplicate|warning|could not" || true
    echo "FAIL: dotnet format analyzers --diagnostics $* loads the workspace without warnings"
  else
    echo "PASS: dotnet format analyzers --diagnostics $* loads the workspace without warnings"
  fi
  local after; after=$(dotnet build "$project" 2>&1) || { echo "$after"; echo "FAIL: the sample builds after fixing $label"; return 1; }
  local left=0 id
  for id in "$@"; do left=$((left + $(count "$after" "$id"))); done
  [ "$left" -eq 0 ] && echo "PASS: dotnet format analyzers --diagnostics $* fixed every $label warning" \
    || echo "FAIL: dotnet format analyzers --diagnostics $* left $left $label warnings"
  local output; output=$(dotnet run --project "$project" --no-build)
  if [ "$output" = "$original" ]; then
    echo "PASS: the sample prints the same output after fixing $label ($(wc -l <<<"$output") lines)"
  else
    diff <(echo "$original") <(echo "$output"); echo "FAIL: the sample prints the same output after fixing $label"
  fi
}

pass_fix FRAG001 FRAG001
pass_fix "FRAG002, FRAG003 and FRAG005" FRAG002 FRAG003 FRAG005
