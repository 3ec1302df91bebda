#!/usr/bin/env bash
# Holt die gepinnten Front-End-Dateien aus der npm-Registry und legt die
# benoetigten Teile unter vendor_static/vendor/ ab (werden mit dem Buch
# ausgeliefert) sowie das Pruefwerkzeug axe-core unter tests/vendor/axe-core/
# (nur fuer die Browsertests, nicht Teil des Buchs). Nur fuer Maintainer:
# `make book` und `make test` brauchen kein npm, die Dateien sind eingecheckt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ziel="$root/vendor_static/vendor"
axe_ziel="$root/tests/vendor/axe-core"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v npm >/dev/null || { echo "Fehler: npm fehlt (nur zum Auffrischen der Vendor-Dateien noetig)." >&2; exit 1; }

version() { python3 -c "import json,sys; print(json.load(open('$here/package.json'))['dependencies'][sys.argv[1]])" "$1"; }
for paket in @jupyter-widgets/html-manager mathjax requirejs axe-core; do
  (cd "$tmp" && npm pack --silent "$paket@$(version "$paket")" >/dev/null)
done
mkdir -p "$tmp/hm" "$tmp/mj" "$tmp/rq"
tar xzf "$tmp"/jupyter-widgets-html-manager-*.tgz -C "$tmp/hm"
tar xzf "$tmp"/mathjax-*.tgz -C "$tmp/mj"
tar xzf "$tmp"/requirejs-*.tgz -C "$tmp/rq"
mkdir -p "$tmp/axe"
tar xzf "$tmp"/axe-core-*.tgz -C "$tmp/axe"

rm -rf "$ziel"
mkdir -p "$ziel/mathjax/output/chtml/fonts" "$ziel/mathjax/input/tex" "$ziel/LICENSES"
# require.js (MIT)
cp "$tmp/rq/package/require.js" "$ziel/require.js"
# @jupyter-widgets/html-manager: AMD embed script und die Schriften, die es relativ laedt (BSD-3-Clause)
cp "$tmp/hm/package/dist/embed-amd.js" "$ziel/"
cp "$tmp"/hm/package/dist/*.{woff,woff2,ttf,eot,svg} "$ziel/"
cp "$tmp/hm/package/dist/embed.js.LICENSE.txt" "$ziel/LICENSES/html-manager-bundled.txt"
# MathJax 3 (Apache-2.0), gekuerzt auf tex-mml-chtml und was es nachlaedt
mj="$tmp/mj/package/es5"
cp "$mj/tex-mml-chtml.js" "$ziel/mathjax/"
cp -r "$mj/output/chtml/fonts/woff-v2" "$ziel/mathjax/output/chtml/fonts/"
cp -r "$mj/input/tex/extensions" "$ziel/mathjax/input/tex/"
cp -r "$mj/ui" "$mj/a11y" "$ziel/mathjax/"
# Sprachdateien der Sprachausgabe (Deutsch, Englisch, Basis) – sonst fragt das
# MathJax-Menü beim Einschalten der Sprachausgabe danach
mkdir -p "$ziel/mathjax/sre/mathmaps"
cp "$mj"/sre/mathmaps/{base,de,en}.json "$ziel/mathjax/sre/mathmaps/"
# CDN-Voreinstellungen im Code durch leere Zeichenketten ersetzen (siehe ohne_cdn.py)
python3 "$here/ohne_cdn.py" "$ziel"
cp "$tmp/mj/package/LICENSE" "$ziel/LICENSES/mathjax-LICENSE.txt"
cp "$here/LICENSES.md" "$ziel/LICENSES/README.md"
(cd "$ziel" && find . -type f ! -name SHA256SUMS | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)
echo "Vendor-Dateien aktualisiert: $ziel ($(du -sh "$ziel" | cut -f1))"

# axe-core (MPL-2.0): Barrierefreiheitspruefung fuer tests/test_browser.py,
# mit deutscher Sprachdatei; nur im Testordner, nie im gebauten Buch
rm -rf "$axe_ziel"
mkdir -p "$axe_ziel"
cp "$tmp/axe/package/axe.min.js" "$tmp/axe/package/LICENSE" "$tmp/axe/package/LICENSE-3RD-PARTY.txt" "$axe_ziel/"
cp "$tmp/axe/package/locales/de.json" "$axe_ziel/de.json"
(cd "$axe_ziel" && find . -type f ! -name SHA256SUMS | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)
echo "Pruefwerkzeug aktualisiert: $axe_ziel ($(du -sh "$axe_ziel" | cut -f1))"
