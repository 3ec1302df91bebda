"""Die Rechnungen der Buchkapitel: Auftrag klären (:mod:`.auftrag`), Daten aufbereiten
(:mod:`.aufbereitung`), analysieren (:mod:`.analyse`), Datenschutz (:mod:`.datenschutz`),
Produkte (:mod:`.produkte`) und integrierte Sozialplanung (:mod:`.sozialraum`).

Die Notebooks bleiben dünn: ``from bimo.kapitel import analyse`` und dann kurze Aufrufe."""
