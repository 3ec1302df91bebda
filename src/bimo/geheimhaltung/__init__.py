"""Statistische Geheimhaltung: der eine Weg, auf dem Zahlen das Werkstattbuch verlassen.

Jede Tabelle mit Fallzahlen, die in einen Bericht, auf eine Seite oder in einen
Download geht, läuft durch dieses Paket. Gesperrte Werte erscheinen als „.“
(Zahlenwert geheim zu halten).

- :mod:`~bimo.geheimhaltung.primaer`: Wer ist sensibel? Fallzahlregel,
  (n,k)-Dominanz, p%-Regel, Schutzgrenzen.
- :mod:`~bimo.geheimhaltung.eindimensional`: Quoten- und Fallzahltabellen im
  Langformat mit einer Summenzeile (:func:`schuetze_quoten`, :func:`schuetze_anzahlen`).
- :mod:`~bimo.geheimhaltung.sekundaer`: Kreuztabellen, auch mit Hierarchie
  (:func:`sperre_tabelle`, :func:`veroeffentliche`).
- :mod:`~bimo.geheimhaltung.audit`: die Prüfung aus Sicht eines Angreifers
  (:func:`pruefe_sperrung`).
- :mod:`~bimo.geheimhaltung.mikrodaten`: Einzeldaten (:func:`k_anonymitaet`,
  :func:`l_diversitaet`, :func:`verallgemeinere`, :func:`fasse_seltene_zusammen`,
  :func:`lokal_unterdruecke`).
- :mod:`~bimo.geheimhaltung.cellkey`: das Cell-Key-Verfahren zum Ausprobieren.
"""

from bimo.geheimhaltung import cellkey
from bimo.geheimhaltung.audit import Pruefung, Zellbefund, pruefe_sperrung
from bimo.geheimhaltung.eindimensional import (
    Veroeffentlichung,
    schuetze_anzahlen,
    schuetze_quoten,
)
from bimo.geheimhaltung.mikrodaten import (
    fasse_seltene_zusammen,
    k_anonymitaet,
    l_diversitaet,
    lokal_unterdruecke,
    verallgemeinere,
)
from bimo.geheimhaltung.primaer import (
    MINDESTFALLZAHL,
    ist_dominant,
    ist_primaer_gesperrt,
    schutzgrenzen,
    verletzt_p_prozent,
)
from bimo.geheimhaltung.sekundaer import Sperrung, sperre_tabelle, veroeffentliche
from bimo.geheimhaltung.struktur import INSGESAMT
from bimo.kern.format import GEHEIM

__all__ = [
    "GEHEIM",
    "INSGESAMT",
    "MINDESTFALLZAHL",
    "Pruefung",
    "Sperrung",
    "Veroeffentlichung",
    "Zellbefund",
    "cellkey",
    "fasse_seltene_zusammen",
    "ist_dominant",
    "ist_primaer_gesperrt",
    "k_anonymitaet",
    "l_diversitaet",
    "lokal_unterdruecke",
    "pruefe_sperrung",
    "schuetze_anzahlen",
    "schuetze_quoten",
    "schutzgrenzen",
    "sperre_tabelle",
    "verallgemeinere",
    "veroeffentliche",
    "verletzt_p_prozent",
]
