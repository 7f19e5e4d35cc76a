#!/usr/bin/env bash
# .NET nanoFramework end to end, as far as this machine allows (no nanoFramework project system, no device):
#  1. the arena source (nanoFramework/Fragless.Nano) compiles against nanoFramework's mscorlib alone;
#  2. Fragless.Analyzers installed packages.config-style (packages/<id>.<version>/, the build/netnano1.0 import and the
#     content/netnano1.0 files in a non-SDK project) makes `dotnet msbuild` of that project, against nanoFramework's
#     mscorlib, show FRAG001-003, exactly once each, also when the project file already lists the analyzers.
# Prints one "PASS: …" or "FAIL: …" line per check; exits non-zero when any check failed.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version="0.1.0-nano.$(date +%s)"
failures=0

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
# One line per diagnostic as the compiler reports it (the build runs with -clp:NoSummary, so nothing is repeated).
count_id() { (grep -oE "[^ /]+\([0-9]+,[0-9]+\): warning $2" <<<"$1" || true) | wc -l; }

# nanoFramework.CoreLibrary 1.17.11, restored by Analyzers.Tests (PackageDownload).
packages_root=$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: //')
corelib="$packages_root/nanoframework.corelibrary/1.17.11"
if [ ! -f "$corelib/lib/mscorlib.dll" ]; then
  dotnet restore Analyzers.Tests >/dev/null 2>&1
fi
if [ ! -f "$corelib/lib/mscorlib.dll" ]; then
  fail "nanoFramework.CoreLibrary 1.17.11 is in the global packages folder (restore Analyzers.Tests)"; exit 1
fi

# 1. The arena source against nanoFramework's mscorlib alone, with the SDK's compiler.
sdk_dir=$(dotnet --list-sdks | tail -1 | sed -E 's/^([^ ]+) \[(.*)\]$/\2\/\1/')
csc="$sdk_dir/Roslyn/bincore/csc.dll"
if dotnet exec "$csc" -nologo -noconfig -nostdlib -t:library -warnaserror -langversion:latest \
    -r:"$corelib/lib/mscorlib.dll" -out:"$work/Fragless.Nano.dll" nanoFramework/Fragless.Nano/*.cs >"$work/csc.log" 2>&1; then
  pass "arena source compiles against nanoFramework's mscorlib alone (warnings as errors)"
else
  cat "$work/csc.log"; fail "arena source compiles against nanoFramework's mscorlib alone (warnings as errors)"
fi

# 2. Pack, then lay the packages out as NuGet does for packages.config.
if ! dotnet pack Package/Package.csproj -c Release -o "$work/feed" -p:Version="$version" >"$work/pack.log" 2>&1; then
  cat "$work/pack.log"; fail "Fragless.Analyzers packs"; exit 1
fi
solution="$work/solution"
mkdir -p "$solution/packages"
unzip -q -d "$solution/packages/Fragless.Analyzers.$version" "$work/feed/Fragless.Analyzers.$version.nupkg"
cp -r "$corelib" "$solution/packages/nanoFramework.CoreLibrary.1.17.11"

# build <project dir name> [extra ItemGroup written into the project file] -> output in $build_log
build() {
  local name=$1 extra=${2:-}
  local dir="$solution/$name"
  mkdir -p "$dir/Fragless.Nano"
  cp .ci/consumers/NanoFramework/Program.cs "$dir/"
  sed "s/@VERSION@/$version/g" .ci/consumers/NanoFramework/packages.config >"$dir/packages.config"
  sed "s/@VERSION@/$version/g" .ci/consumers/NanoFramework/NanoApp.nfproj >"$dir/NanoApp.nfproj"
  if [ -n "$extra" ]; then
    python3 - "$dir/NanoApp.nfproj" "$extra" <<'PY'
import sys
path, extra = sys.argv[1], sys.argv[2]
text = open(path).read()
text = text.replace('  <Import Project="$(MSBuildToolsPath)', extra + '\n  <Import Project="$(MSBuildToolsPath)', 1)
open(path, 'w').write(text)
PY
  fi
  # NuGet copies content/<framework> into the project and adds the .cs files as Compile items.
  cp "$solution/packages/Fragless.Analyzers.$version/content/netnano1.0/Fragless.Nano/"*.cs "$dir/Fragless.Nano/"
  (cd "$dir" && dotnet msbuild NanoApp.nfproj -nologo -v:n -clp:NoSummary) >"$work/$name.log" 2>&1
  build_status=$?
  build_log=$(cat "$work/$name.log")
}

check_build() {
  local label=$1
  if [ "$build_status" -eq 0 ]; then pass "$label: builds against nanoFramework's mscorlib"; else echo "$build_log" | tail -30; fail "$label: builds against nanoFramework's mscorlib"; fi
  local refs
  refs=$(grep -oE '/reference:[^ ]+' <<<"$build_log" | sort -u)
  check "$label: the compiler gets nanoFramework's mscorlib and no other reference" \
    test "$refs" = "/reference:$solution/packages/nanoFramework.CoreLibrary.1.17.11/lib/mscorlib.dll"
  grep -q -- '/nostdlib+' <<<"$build_log" || fail "$label: /nostdlib+"
  for id in FRAG001 FRAG002 FRAG003; do
    local n
    n=$(count_id "$build_log" "$id")
    check "$label: $id reported once (got $n)" test "$n" -eq 1
  done
}

build plain
check_build "packages.config project"

# Project systems that write NuGet's Analyzer items into the project file on install: still one of each.
analyzers="..\\packages\\Fragless.Analyzers.$version\\analyzers\\dotnet\\cs"
build listed "  <ItemGroup>
    <Analyzer Include=\"$analyzers\\Fragless.Analyzers.dll\" />
    <Analyzer Include=\"$analyzers\\Fragless.CodeFixes.dll\" />
  </ItemGroup>"
check_build "packages.config project with Analyzer items in the project file"
n=$(grep -oE '/analyzer:[^ ]+' <<<"$build_log" | wc -l)
check "packages.config project with Analyzer items in the project file: each analyzer assembly passed once (got $n)" test "$n" -eq 2

[ "$failures" -eq 0 ]
