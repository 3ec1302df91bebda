"""Fehlerklassen für Meldungen, die Nutzerinnen und Nutzer lesen."""


class BimoFehler(ValueError):
    """Basisklasse aller Fehler, die bimo für Menschen formuliert (deutsch)."""


class DatenFehler(BimoFehler):
    """Eingabedaten sind nicht lesbar oder nicht plausibel (Datei, Zeile, Spalte in der Meldung)."""


class ParameterFehler(BimoFehler):
    """Ein Parameter (z. B. eines Berichts) ist unbekannt oder ungültig."""


class GeheimhaltungsFehler(BimoFehler):
    """Eine Tabelle darf so nicht veröffentlicht werden."""
