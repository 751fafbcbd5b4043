#!/usr/bin/env bash
# Builds the generated site with Zensical (Material for MkDocs' successor, which reads mkdocs.yml)
# instead of MkDocs, to show the site stays portable. Zensical lives in its own environment,
# .venv-zensical, from the pins in requirements/zensical.txt; the pages come from the project's
# own `briefing generate`. Usage: scripts/zensical-build.sh [ROOT]   (or `make zensical`)
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "${1:-.}" && pwd)"
venv="$here/.venv-zensical"
pins="$here/requirements/zensical.txt"

if [ ! -x "$venv/bin/zensical" ] || [ "$pins" -nt "$venv/.installed" ]; then
  test -x "$venv/bin/python" || python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$pins"
  touch "$venv/.installed"
fi

# Check the content and write the Markdown into build/docs, as for MkDocs.
"$here/.venv/bin/briefing" generate --root "$root"

# Zensical builds into mkdocs.yml's site_dir and has no option to change it, so it builds a copy
# of what it reads (the config, the pages and templates/ for any theme overrides) in
# build/zensical, and site/ stays MkDocs's.
out="$root/build/zensical"
rm -rf "$out"
mkdir -p "$out/build"
cp "$root/mkdocs.yml" "$out/mkdocs.yml"
cp -R "$root/build/docs" "$out/build/docs"
if [ -d "$root/templates" ]; then cp -R "$root/templates" "$out/templates"; fi

cd "$out"
echo "zensical $("$venv/bin/zensical" --version)"
"$venv/bin/zensical" build --clean --config-file mkdocs.yml
echo "zensical site built: open $out/site/index.html"
