#!/usr/bin/env bash
# Packs every package of the solution into a temporary folder, fails when one is 40 MB or more, then installs the
# nas-tuners tool from that folder (the package for this machine's platform), runs `nas-tuners bench --list` and
# uninstalls it. Called by .ci/run after the tests; runs on its own too: bash scripts/check-packages.sh
set -euo pipefail
cd "$(dirname "$0")/.."

limit=$((40 * 1000 * 1000))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet pack Microsoft.ML.NasTuners.sln -c Release -o "$work/packages" -v quiet -nologo > "$work/pack.log" 2>&1 || { cat "$work/pack.log"; exit 1; }
status=0
for package in "$work"/packages/*.nupkg; do
  size=$(stat -c %s "$package")
  awk -v n="$(basename "$package")" -v s="$size" 'BEGIN { printf "package %s: %.1f MB\n", n, s / 1000000 }'
  if [ "$size" -ge "$limit" ]; then
    echo "error: $(basename "$package") is 40 MB or more." >&2
    status=1
  fi
done
[ "$status" -eq 0 ] || exit "$status"

version=$(ls "$work"/packages/Microsoft.ML.NasTuners.Cli.*.nupkg | sed -n 's#.*/Microsoft\.ML\.NasTuners\.Cli\.\([0-9][0-9.]*[^/]*\)\.nupkg#\1#p' | head -1)
dotnet tool install --tool-path "$work/tool" --add-source "$work/packages" Microsoft.ML.NasTuners.Cli --version "$version" > "$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
"$work/tool/nas-tuners" bench --list > "$work/list.txt"
grep -q "branin" "$work/list.txt" || { echo "error: the installed tool's bench --list does not list branin." >&2; cat "$work/list.txt"; exit 1; }
dotnet tool uninstall --tool-path "$work/tool" Microsoft.ML.NasTuners.Cli > /dev/null
echo "packages: every package under 40 MB; the tool $version installed from the folder, listed the problems and uninstalled."
