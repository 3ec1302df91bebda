"""Entfernt die CDN-Voreinstellungen aus den mitgelieferten Front-End-Dateien.

MathJax 3.2.2 (Speech Rule Engine) und @jupyter-widgets/html-manager tragen
Adressen von cdn.jsdelivr.net als Voreinstellung: die Sprachdateien der
Sprachausgabe, ein XPath-Ersatz für alte Browser, eine Sprachdatei für den
Internet Explorer, der Widget-CDN (und ein auskommentierter Webfont-Import).
bimo überschreibt sie (MathJax lädt die Sprachdateien aus ``mathjax/sre/mathmaps/``, das Buch setzt
``data-jupyter-widgets-cdn=""``) – die Adressen stehen aber im Code und würden
greifen, wenn eine Einstellung fehlt. Dieses Skript ersetzt sie durch
leere Zeichenketten, damit das gebaute Buch auch im
Fehlerfall nichts aus dem Netz lädt. ``refresh.sh`` ruft es nach dem Kopieren
auf; ``tests/test_buch.py`` prüft, dass keine CDN-Adresse übrig ist.

Aufruf: ``python tools/vendor/ohne_cdn.py vendor_static/vendor``
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# (Muster, Ersatz): jedes Muster ist ein vollständiger JavaScript-Ausdruck,
# der Ersatz ebenfalls – der Code bleibt gültig.
ERSETZUNGEN = [
    # SRE: Sprachdateien; MathJax setzt SREfeature.json auf [mathjax]/sre/mathmaps
    (
        re.compile(
            r'"https://cdn\.jsdelivr\.net/npm/speech-rule-engine@"\+[\w.$]+\+"/lib/mathmaps"'
        ),
        '""',
    ),
    # SRE: XPath-Ersatz, nur für Browser ohne document.evaluate
    (
        re.compile(
            r'"https://cdn\.jsdelivr\.net/npm/wicked-good-xpath@[\d.]+/dist/wgxpath\.install\.js"'
        ),
        '""',
    ),
    # SRE: Sprachdatei für den Internet Explorer
    (
        re.compile(
            r'"https://cdn\.jsdelivr\.net/npm/sre-mathmaps-ie@"\+[\w.$]+\+"mathmaps_ie\.js"'
        ),
        '""',
    ),
    # html-manager: Widget-CDN, wenn data-jupyter-widgets-cdn fehlt
    (re.compile(r'"https://cdn\.jsdelivr\.net/npm/"'), '""'),
    # html-manager: auskommentierter Webfont-Import im eingebetteten CSS
    (
        re.compile(r"/\* @import url\('https://fonts\.googleapis\.com/css\?family=[\w+]+'\); \*/"),
        "/* (Webfont-Import entfernt) */",
    ),
]

CDN = re.compile(
    r"https?://(?:cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|fonts\.googleapis\.com)[^\"'\s)]*"
)


def bereinige(ordner: Path) -> list[str]:
    """Ersetzt die Voreinstellungen; gibt die geänderten Dateien zurück."""
    geaendert = []
    for datei in sorted(ordner.rglob("*.js")):
        text = datei.read_text(encoding="utf-8")
        neu = text
        for muster, ersatz in ERSETZUNGEN:
            neu = muster.sub(lambda _m, e=ersatz: e, neu)
        if neu != text:
            datei.write_text(neu, encoding="utf-8")
            geaendert.append(str(datei.relative_to(ordner)))
    return geaendert


def reste(ordner: Path) -> list[str]:
    """CDN-Adressen, die nach der Bereinigung noch in einer Datei stehen."""
    funde = []
    for datei in sorted(ordner.rglob("*")):
        if datei.is_file() and datei.suffix in {".js", ".css", ".html", ".json"}:
            for url in CDN.findall(datei.read_text(encoding="utf-8", errors="replace")):
                funde.append(f"{datei.relative_to(ordner)}: {url}")
    return funde


if __name__ == "__main__":
    ziel = Path(sys.argv[1])
    for name in bereinige(ziel):
        print(f"CDN-Voreinstellung entfernt: {name}")
    uebrig = reste(ziel)
    if uebrig:
        print("Noch CDN-Adressen:\n" + "\n".join(uebrig), file=sys.stderr)
        sys.exit(1)
