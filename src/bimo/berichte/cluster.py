"""Berichte auf einem Dask-Cluster bauen (``bimo berichte --cluster ADRESSE``).

Der Lauf ist derselbe wie mit ``--jobs`` auf einem Rechner, nur verteilt
``distributed`` (Dask) die Berichte auf die Worker eines Clusters: ein Task je
Kommune, die Ergebnisse kommen in der Reihenfolge, in der sie fertig werden.
Einen eigenen Scheduler hat bimo nicht.

Jeder Worker-Prozess startet beim ersten Bericht einen warmen Kernel
(:func:`bimo.berichte.arbeiter.starte_arbeiter`) und verwendet ihn für alle weiteren
Berichte desselben Laufs. Nach dem Lauf beendet bimo diese Kernel wieder; endet
ein Worker-Prozess vorher, beendet ihn der Abschluss-Handler, den
``_arbeiter_start`` einrichtet. Wird ein Worker hart beendet (SIGKILL), bemerkt
der Kernel selbst binnen etwa einer Sekunde, dass sein Elternprozess fehlt, und
endet auch (ipykernel überwacht ihn unter Linux und macOS).

Voraussetzungen auf den Workern:

- **Dieselbe bimo-Installation** (gleiche Version, gleiche Abhängigkeiten) mit
  der Berichtsvorlage unter demselben Pfad wie beim Aufrufer – die Worker laden
  die Vorlage von dort und führen sie mit ihrem eigenen Python aus.
- **Der Ausgabeordner auf einem gemeinsamen Dateisystem** (z. B. NFS oder ein
  Netzlaufwerk), unter demselben Pfad für Aufrufer und Worker. Die Worker
  schreiben die HTML-Dateien selbst; ist eine Datei beim Aufrufer nicht zu
  sehen, gilt der Bericht als fehlgeschlagen.

Threads: Ein Worker mit mehreren Threads hat trotzdem nur einen warmen Kernel;
eine Sperre sorgt dafür, dass ihn immer nur ein Bericht zur Zeit benutzt. Für
parallele Berichte also mehrere Worker-Prozesse mit je einem Thread starten,
z. B. ``dask worker tcp://rechner:8786 --nworkers 4 --nthreads 1``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

from bimo.berichte import arbeiter
from bimo.berichte.ausgabe import Ergebnis
from bimo.fehler import ParameterFehler

VERBINDUNGS_ZEITLIMIT = 10  # Sekunden bis zur Meldung „nicht erreichbar“
AUFRAEUM_ZEITLIMIT = 60  # Sekunden, die das Beenden der Kernel nach dem Lauf dauern darf

# Ein warmer Kernel je Worker-Prozess; die Sperre hält Threads desselben Workers auseinander.
_KERNEL_SPERRE = threading.Lock()


def _bericht_auf_worker(auftrag: arbeiter.Auftrag, kommune: str) -> Ergebnis:
    """Läuft auf dem Worker: warmen Kernel (einmal je Auftrag) starten, Bericht bauen."""
    start = time.perf_counter()
    with _KERNEL_SPERRE:
        try:
            if arbeiter.arbeiter_auftrag() != auftrag:
                _beende_kernel_ungesperrt()
                arbeiter.starte_arbeiter(auftrag)
            return arbeiter.arbeiter_bericht(kommune)
        except Exception as exc:  # noqa: BLE001 – jeder Fehler wird zum Ergebnis dieser Kommune
            return Ergebnis(
                kommune,
                auftrag.namen.get(kommune, kommune),
                None,
                f"Unerwarteter Fehler auf dem Worker ({type(exc).__name__}): {exc}",
                time.perf_counter() - start,
            )


def _beende_kernel_ungesperrt() -> None:
    kernel = arbeiter.beende_arbeiter()
    if kernel is not None:
        kernel.__exit__(None, None, None)  # ein zweiter Aufruf (Abschluss-Handler) schadet nicht


def _beende_kernel() -> None:
    """Läuft auf dem Worker nach dem Lauf: den warmen Kernel beenden (wartet auf Berichte)."""
    with _KERNEL_SPERRE:
        _beende_kernel_ungesperrt()


def _pruefe_erreichbar(adresse: str, zeitlimit: float) -> None:
    """Eine Probeverbindung vor dem Client: ein halb gebauter ``Client`` hinterließe beim
    Programmende eine Fehlermeldung auf Englisch. Eigener Thread, damit es auch in
    Jupyter (mit laufender Ereignisschleife) geht."""
    from distributed.comm import connect

    async def probe() -> None:
        verbindung = await connect(adresse, timeout=zeitlimit)
        await verbindung.close()

    with ThreadPoolExecutor(max_workers=1) as ausfuehrer:
        ausfuehrer.submit(asyncio.run, probe()).result()


def _verbinde(adresse: str, zeitlimit: float):
    from distributed import Client

    try:
        _pruefe_erreichbar(adresse, zeitlimit)
        return Client(adresse, timeout=zeitlimit, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ParameterFehler(
            f"Der Dask-Cluster unter {adresse} ist nicht erreichbar (keine Antwort nach "
            f"{zeitlimit:g} s). Läuft dort ein Scheduler (`dask scheduler`) und stimmen "
            f"Rechnername und Port? ({exc})"
        ) from None
    except (ValueError, TypeError) as exc:
        raise ParameterFehler(
            f"„{adresse}“ ist keine gültige Adresse eines Dask-Clusters; erwartet wird "
            f"z. B. tcp://rechner:8786. ({exc})"
        ) from None


def _fehlerergebnis(auftrag, kommune: str, exc: BaseException) -> Ergebnis:
    return Ergebnis(
        kommune,
        auftrag.namen.get(kommune, kommune),
        None,
        f"Der Bericht konnte auf dem Cluster nicht gebaut werden ({type(exc).__name__}: {exc}). "
        "Ist bimo auf allen Workern in derselben Version installiert?",
        0.0,
    )


def _sichtbar(auftrag, ergebnis: Ergebnis) -> Ergebnis:
    """Ein fertiger Bericht muss beim Aufrufer zu sehen sein (gemeinsames Dateisystem)."""
    if (
        ergebnis.ok
        and not ergebnis.uebersprungen
        and not (ergebnis.datei is not None and ergebnis.datei.is_file())
    ):
        return dataclasses.replace(
            ergebnis,
            datei=None,
            fehler=(
                f"Der Worker hat {ergebnis.datei} geschrieben, hier ist die Datei aber nicht "
                "zu sehen. Der Ausgabeordner muss auf einem gemeinsamen Dateisystem liegen, "
                "unter demselben Pfad für alle Worker."
            ),
        )
    return ergebnis


def _raeume_auf(client) -> None:
    """Beendet die warmen Kernel auf allen Workern (je Worker ein Task, der die Sperre abwartet)."""
    try:
        try:
            info = client.scheduler_info(n_workers=-1)  # sonst nur die ersten fünf Worker
        except TypeError:  # ältere distributed-Versionen kennen n_workers nicht
            info = client.scheduler_info()
        worker = list(info["workers"])
    except Exception:  # noqa: BLE001 – Verbindung schon weg: Abschluss-Handler räumen auf
        return
    aufgaben = [
        client.submit(
            _beende_kernel,
            key=f"bimo-kernel-beenden-{uuid.uuid4().hex}",
            workers=[w],
            allow_other_workers=False,
            pure=False,
        )
        for w in worker
    ]
    frist = time.monotonic() + AUFRAEUM_ZEITLIMIT
    for aufgabe in aufgaben:
        try:
            aufgabe.result(timeout=max(frist - time.monotonic(), 0.1))
        except Exception:  # noqa: BLE001 – Aufräumen darf den Lauf nicht scheitern lassen
            pass
    client.cancel([a for a in aufgaben if not a.done()])


def berichte_auf_cluster(
    adresse: str,
    auftrag: arbeiter.Auftrag,
    kommunen: Sequence[str],
    *,
    zeitlimit: float = VERBINDUNGS_ZEITLIMIT,
) -> Iterator[Ergebnis]:
    """Baut die Berichte für ``kommunen`` auf dem Dask-Cluster unter ``adresse``.

    ``adresse`` ist die des Schedulers, z. B. ``tcp://rechner:8786``. Je Kommune
    ein Task; die :class:`~bimo.berichte.lauf.Ergebnis`-Objekte kommen, sobald sie
    fertig sind. Scheitert ein Bericht, laufen die anderen weiter; der Fehler
    steht (deutsch) im Ergebnis. Ist der Cluster nach ``zeitlimit`` Sekunden
    nicht erreichbar, folgt ein :class:`~bimo.fehler.ParameterFehler`.

    Die Worker brauchen dieselbe bimo-Installation, und der Ausgabeordner muss
    auf einem gemeinsamen Dateisystem liegen (siehe Moduldokumentation).
    """
    from distributed import as_completed

    # Worker haben ein anderes Arbeitsverzeichnis: nur absolute Pfade weitergeben.
    auftrag = dataclasses.replace(auftrag, ausgabe=auftrag.ausgabe.resolve())
    auftrag.ausgabe.mkdir(parents=True, exist_ok=True)
    kommunen = list(dict.fromkeys(kommunen))
    client = _verbinde(adresse, zeitlimit)
    zukuenfte = {}
    try:
        zukuenfte = {
            client.submit(
                _bericht_auf_worker,
                auftrag,
                kommune,
                key=f"bimo-bericht-{kommune}-{uuid.uuid4().hex}",
                pure=False,
            ): kommune
            for kommune in kommunen
        }
        for zukunft in as_completed(zukuenfte, loop=client.loop):
            try:
                ergebnis = _sichtbar(auftrag, zukunft.result())
            except Exception as exc:  # noqa: BLE001 – z. B. Worker abgestürzt, bimo fehlt dort
                ergebnis = _fehlerergebnis(auftrag, zukuenfte[zukunft], exc)
            yield ergebnis
    finally:
        try:
            client.cancel([z for z in zukuenfte if not z.done()])
            _raeume_auf(client)
        finally:
            client.close()
