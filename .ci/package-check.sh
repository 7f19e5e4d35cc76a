#!/usr/bin/env bash
# End to end, the way users install Fragless: pack both packages into a local feed, create fresh consumer
# projects outside the repository that reference Fragless from it, and check what their builds show.
# Prints one "PASS: …" or "FAIL: …" line per check; exits non-zero when any check failed.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
version="0.1.0-ci.$(date +%s)"
failures=0

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
# One line per diagnostic: file(line,col): warning ID (MSBuild repeats each one in its summary).
frag_warnings() { (grep -oE "[^ /]+\([0-9]+,[0-9]+\): warning FRAG00[0-9]" <<<"$1" || true) | sort -u; }
count_id() { (grep -oE "[^ /]+\([0-9]+,[0-9]+\): warning $2" <<<"$1" || true) | sort -u | wc -l; }

# 1. Pack.
if dotnet pack Package/Package.csproj -c Release -o "$feed" -p:Version="$version" >"$work/pack.log" 2>&1 \
  && dotnet pack Runtime/Runtime.csproj -c Release -o "$feed" -p:Version="$version" >>"$work/pack.log" 2>&1; then
  pass "both packages pack"
else
  cat "$work/pack.log"; fail "both packages pack"; exit 1
fi

# 2. Exact file lists.
list_files() { unzip -Z1 "$1" | sed -E 's#^package/services/metadata/core-properties/[^/]+\.psmdcp$#package/services/metadata/core-properties/*.psmdcp#' | sort; }
check "Fragless.Analyzers file list" diff <(list_files "$feed/Fragless.Analyzers.$version.nupkg") .ci/expected/Fragless.Analyzers.files
check "Fragless file list" diff <(list_files "$feed/Fragless.$version.nupkg") .ci/expected/Fragless.files
nuspec=$(unzip -p "$feed/Fragless.Analyzers.$version.nupkg" Fragless.Analyzers.nuspec)
check "Fragless.Analyzers is a development dependency with a license, README and repository" \
  grep -q '<developmentDependency>true</developmentDependency>' <<<"$nuspec"
grep -q '<license type="expression">MIT</license>' <<<"$nuspec" && grep -q '<readme>README.md</readme>' <<<"$nuspec" && grep -q '<repository ' <<<"$nuspec" \
  || fail "Fragless.Analyzers metadata (license, readme, repository)"
check "Fragless depends on Fragless.Analyzers with its analyzers and build assets" \
  grep -q "<dependency id=\"Fragless.Analyzers\" version=\"$version\" include=\"All\" />" <(unzip -p "$feed/Fragless.$version.nupkg" Fragless.nuspec)
# Both packages: icon, release notes pointing at the changelog, and the one repository that the help links and docs use.
repo_url=https://github.com/fragless/fragless
for pkg in Fragless Fragless.Analyzers; do
  spec=$(unzip -p "$feed/$pkg.$version.nupkg" $pkg.nuspec)
  if grep -q '<icon>icon.png</icon>' <<<"$spec" && unzip -l "$feed/$pkg.$version.nupkg" icon.png >/dev/null \
    && grep -qF "<releaseNotes>See $repo_url/blob/main/CHANGELOG.md</releaseNotes>" <<<"$spec" \
    && grep -qF "<projectUrl>$repo_url</projectUrl>" <<<"$spec" && grep -qF "<repository type=\"git\" url=\"$repo_url\"" <<<"$spec"; then
    pass "$pkg has the icon, release notes pointing to CHANGELOG.md, and $repo_url as project and repository"
  else
    echo "$spec"; fail "$pkg has the icon, release notes pointing to CHANGELOG.md, and $repo_url as project and repository"
  fi
done
# A library's dependencies are minimums: an exact "[x]" (or any range with a ceiling) makes NU1608 for every consumer
# that also references a newer version.
deps=$(for pkg in Fragless Fragless.Analyzers; do unzip -p "$feed/$pkg.$version.nupkg" $pkg.nuspec | grep '<dependency ' || true; done)
echo "$deps" | sed -E 's/^ +//'
check "every dependency of both packages is a minimum version, not an exact pin or range" \
  bash -c '! grep -qE "version=\"[[(]" <<<"$1"' _ "$deps"

# 3. Fresh consumers, outside the repository (no Directory.Build.props, no central package management).
for consumer in Console Library NewerMemory; do
  cp -r .ci/consumers/$consumer "$work/$consumer"
  sed -i "s/\$(FraglessVersion)/$version/" "$work/$consumer/$consumer.csproj"
  cat > "$work/$consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="fragless-local" value="$feed" />
  </packageSources>
</configuration>
XML
done

console="$work/Console/Console.csproj"
library="$work/Library/Library.csproj"
export DOTNET_ROLL_FORWARD=Major

build() { dotnet build "$@" -nologo 2>&1; }

out=$(build "$console") || { echo "$out"; fail "net8.0 console builds"; exit 1; }
pass "net8.0 console builds"
grep -oE "warning FRAG00[0-9]: .*" <<<"$out" | sed -E 's/ \(https:.*//' | sort -u
for id in FRAG001 FRAG002 FRAG003; do
  [ "$(count_id "$out" $id)" -gt 0 ] && pass "console build shows $id as a warning" || fail "console build shows $id as a warning"
done
default_total=$(frag_warnings "$out" | wc -l)
before=$(dotnet run --project "$console" --no-build) || fail "console runs"

lib_out=$(build "$library") || { echo "$lib_out"; fail "netstandard2.0 library builds"; }
[ "$(count_id "$lib_out" FRAG001)" -gt 0 ] && pass "netstandard2.0 library build shows FRAG001" || fail "netstandard2.0 library build shows FRAG001"

newer_memory=$(build "$work/NewerMemory/NewerMemory.csproj" -warnaserror); newer_status=$?
if [ "$newer_status" -eq 0 ] && ! grep -q NU1608 <<<"$newer_memory"; then
  pass "a netstandard2.0 library with System.Memory 4.6.0 builds with -warnaserror (no NU1608)"
else
  echo "$newer_memory" | grep -E "error|warning" | sort -u
  fail "a netstandard2.0 library with System.Memory 4.6.0 builds with -warnaserror (no NU1608)"
fi

strict_errors=$(build "$console" --no-incremental -p:TreatWarningsAsErrors=true); strict_status=$?
if [ "$strict_status" -ne 0 ] && grep -q "error FRAG00" <<<"$strict_errors"; then
  pass "-p:TreatWarningsAsErrors=true fails the build on FRAG diagnostics"
else
  fail "-p:TreatWarningsAsErrors=true fails the build on FRAG diagnostics"
fi

# SARIF as the README and docs/ci.md say: a bare path writes SARIF 1.0; ",version=2.1" (escaped as %2C on the
# command line, where a comma separates properties) writes the 2.1.0 that GitHub code scanning reads.
build "$console" --no-incremental -p:ErrorLog="$work/build.sarif" >/dev/null
if grep -q '"FRAG001"' "$work/build.sarif" 2>/dev/null && grep -q '"FRAG003"' "$work/build.sarif"; then
  pass "-p:ErrorLog writes SARIF holding the FRAG results"
else
  fail "-p:ErrorLog writes SARIF holding the FRAG results"
fi
build "$console" --no-incremental -p:ErrorLog="$work/build21.sarif%2Cversion=2.1" >/dev/null
if grep -q '"version": "2.1.0"' "$work/build21.sarif" 2>/dev/null && grep -q '"ruleId": "FRAG001"' "$work/build21.sarif" \
  && grep -q '"ruleId": "FRAG003"' "$work/build21.sarif"; then
  pass "-p:ErrorLog=build.sarif%2Cversion=2.1 writes SARIF 2.1.0 holding the FRAG results"
else
  head -3 "$work/build21.sarif" 2>/dev/null
  fail "-p:ErrorLog=build.sarif%2Cversion=2.1 writes SARIF 2.1.0 holding the FRAG results"
fi

# The README's timing command: with -v:d the compiler's analyzer report lists Fragless.Analyzers with its time.
timing=$(build "$console" --no-incremental -p:ReportAnalyzer=true -v:d)
if grep -q "Total analyzer execution time" <<<"$timing" && grep -qE "^ +[<0-9.]+ +[<0-9]+ +Fragless.Analyzers, Version=" <<<"$timing"; then
  pass "-p:ReportAnalyzer=true -v:d prints the analyzers' times, Fragless.Analyzers among them"
else
  fail "-p:ReportAnalyzer=true -v:d prints the analyzers' times, Fragless.Analyzers among them"
fi

# A global config, the way Unity reads options and severities (it ignores .editorconfig): severities and fragless.*
# options set there take effect. GlobalAnalyzerConfigFiles is how an SDK project passes one to the compiler.
cp -r "$work/Console" "$work/Configured"
mv "$work/Configured/Console.csproj" "$work/Configured/Configured.csproj"
rm -rf "$work/Configured/bin" "$work/Configured/obj"
cat > "$work/Configured/Team.globalconfig" <<'INI'
is_global = true

dotnet_diagnostic.FRAG001.severity = error
fragless.large_allocation_bytes = 100000
INI
sed -i 's#</Project>#  <ItemGroup>\n    <GlobalAnalyzerConfigFiles Include="Team.globalconfig" />\n  </ItemGroup>\n</Project>#' "$work/Configured/Configured.csproj"
configured=$(build "$work/Configured/Configured.csproj"); configured_status=$?
grep -oE "(warning|error) FRAG00[0-9]: .*" <<<"$configured" | sed -E 's/ \(https:.*//' | sort -u
if [ "$configured_status" -ne 0 ] && grep -qE "\([0-9]+,[0-9]+\): error FRAG001" <<<"$configured" \
  && ! grep -qE "\([0-9]+,[0-9]+\): warning FRAG001" <<<"$configured"; then
  pass "a global config's dotnet_diagnostic.FRAG001.severity = error makes FRAG001 an error"
else
  fail "a global config's dotnet_diagnostic.FRAG001.severity = error makes FRAG001 an error"
fi
if [ "$(count_id "$out" FRAG003)" -gt 0 ] && ! grep -qE "\([0-9]+,[0-9]+\): (warning|error) FRAG003" <<<"$configured" \
  && [ "$(count_id "$configured" FRAG002)" -gt 0 ]; then
  pass "a global config's fragless.large_allocation_bytes = 100000 silences FRAG003 (FRAG002 still a warning)"
else
  fail "a global config's fragless.large_allocation_bytes = 100000 silences FRAG003 (FRAG002 still a warning)"
fi

# 4. Presets.
preset() { build "$console" --no-incremental -p:FraglessAnalysisMode="$1"; }
none=$(preset None)
[ "$(frag_warnings "$none" | wc -l)" -eq 0 ] && pass "preset None: no FRAG warnings" || fail "preset None: no FRAG warnings"
minimal=$(preset Minimal)
[ "$(count_id "$minimal" FRAG002)" -eq 0 ] && [ "$(count_id "$minimal" FRAG001)" -gt 0 ] && [ "$(count_id "$minimal" FRAG003)" -gt 0 ] \
  && pass "preset Minimal: FRAG001 and FRAG003 only" || fail "preset Minimal: FRAG001 and FRAG003 only"
strict=$(preset Strict)
[ "$(count_id "$strict" FRAG001)" -gt "$(count_id "$out" FRAG001)" ] \
  && pass "preset Strict: escaping loop allocations reported too" || fail "preset Strict: escaping loop allocations reported too"
bogus=$(preset Sometimes)
grep -q "warning FRAGCFG" <<<"$bogus" && [ "$(frag_warnings "$bogus" | wc -l)" -eq "$default_total" ] \
  && pass "an unknown preset warns and keeps the defaults" || fail "an unknown preset warns and keeps the defaults"

# 5. dotnet format applies the fixes; the program builds with fewer warnings and prints the same.
if dotnet format analyzers "$console" --diagnostics FRAG001 FRAG002 FRAG003 --severity info >"$work/format.log" 2>&1; then
  pass "dotnet format analyzers runs"
else
  cat "$work/format.log"; fail "dotnet format analyzers runs"
fi
after_build=$(build "$console") || { echo "$after_build"; fail "fixed console builds"; }
after_total=$(frag_warnings "$after_build" | wc -l)
echo "FRAG warnings: $default_total before, $after_total after dotnet format"
[ "$after_total" -lt "$default_total" ] && pass "fewer FRAG warnings after dotnet format" || fail "fewer FRAG warnings after dotnet format"
after=$(dotnet run --project "$console" --no-build)
[ "$before" = "$after" ] && pass "fixed console prints the same output" || { diff <(echo "$before") <(echo "$after"); fail "fixed console prints the same output"; }

# 6. The README's "From a local build", run as written: its first sh block in the repository, its second in the folder
# of a new project, with a scratch home (so ~/fragless-feed and the user's NuGet settings are fresh).
readme_block() {
  awk -v n="$1" '/^### From a local build/ { f = 1; next } f && /^##/ { exit }
    f && /^```sh/ { c++; if (c == n) b = 1; next } b && /^```/ { exit } b' README.md
}
pack_steps=$(readme_block 1); use_steps=$(readme_block 2)
if [ -z "$pack_steps" ] || [ -z "$use_steps" ]; then
  fail "the README's local-build install steps are found"
else
  mkdir -p "$work/readme-home" "$work/ReadmeApp"
  readme_log="$work/readme-install.log"
  # (set -e does not work inside an if's subshell: hence the &&.)
  if (
    export NUGET_PACKAGES="${NUGET_PACKAGES:-$HOME/.nuget/packages}" HOME="$work/readme-home"
    cd "$repo" && eval "$pack_steps" \
      && cd "$work/ReadmeApp" && dotnet new console --framework net10.0 --name ReadmeApp --output . >/dev/null \
      && printf '%s\n' 'for (int i = 0; i < 3; i++)' '{' '    var buffer = new byte[16];' '    buffer[0] = (byte)i;' \
           '    System.Console.WriteLine(buffer[0]);' '}' > Program.cs \
      && eval "$use_steps" && dotnet build -nologo
  ) >"$readme_log" 2>&1 && grep -qE "Program.cs\([0-9]+,[0-9]+\): warning FRAG001" "$readme_log"; then
    pass "the README's local-build install steps, run as written, give a new project the FRAG warnings"
  else
    tail -40 "$readme_log"; fail "the README's local-build install steps, run as written, give a new project the FRAG warnings"
  fi
fi

exit $((failures > 0))
