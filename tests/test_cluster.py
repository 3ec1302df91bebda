"""Berichte auf einem Dask-Cluster (LocalCluster auf 127.0.0.1, kein Netz)."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import psutil
import pytest

from bimo import berichte, daten
from bimo.berichte import arbeiter
from bimo.berichte import lauf as berichtslauf
from bimo.berichte.cluster import _bericht_auf_worker, berichte_auf_cluster
from bimo.fehler import ParameterFehler

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.langsam


def _neuer_cluster(**optionen) -> distributed.LocalCluster:
    einstellungen = {
        "n_workers": 2,
        "threads_per_worker": 1,
        "processes": True,
        "host": "127.0.0.1",
        # nur Loopback, freier Port (ohne bokeh ist das bloß der Status-Endpunkt)
        "dashboard_address": "127.0.0.1:0",
        **optionen,
    }
    return distributed.LocalCluster(**einstellungen)


@pytest.fixture(scope="module")
def cluster():
    with _neuer_cluster() as lokaler_cluster:
        yield lokaler_cluster


@pytest.fixture
def auftrag_fuer(tmp_path):
    """Baut den Auftrag wie ``baue_berichte`` (Vorlage „kommunalprofil“) – hier anpassen,
    wenn ``Auftrag`` neue Felder bekommt."""

    def bauen(parameter: dict[str, object] | None = None) -> arbeiter.Auftrag:
        gebiete = daten.gebiete()
        namen = dict(zip(gebiete["ags"], gebiete["name"], strict=True))
        return arbeiter.Auftrag(
            "kommunalprofil",
            berichte.vorlage_pfad("kommunalprofil"),
            dict(parameter or {}),
            tmp_path / "berichte",
            namen,
        )

    return bauen


def _kernel_pid() -> int | None:
    """Läuft auf einem Worker: Prozessnummer seines warmen Kernels (falls einer läuft)."""
    kernel = arbeiter.ARBEITER.get("kernel")
    if kernel is None or kernel.km is None:
        return None
    return kernel.km.provisioner.process.pid


def _worker_pid() -> int:
    return os.getpid()


def _lebt(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _warte_bis_beendet(pids: list[int], sekunden: float = 20) -> list[int]:
    frist = time.monotonic() + sekunden
    while any(_lebt(p) for p in pids) and time.monotonic() < frist:
        time.sleep(0.2)
    return [p for p in pids if _lebt(p)]


def test_drei_berichte_auf_zwei_workern(cluster, auftrag_fuer):
    auftrag = auftrag_fuer({"jahr": 2024})
    kommunen = ["17101", "17102", "17151"]
    lauf = berichte_auf_cluster(cluster.scheduler_address, auftrag, kommunen)

    erstes = next(lauf)
    # während des Laufs: je Worker höchstens ein warmer Kernel
    with distributed.Client(cluster, set_as_default=False) as beobachter:
        kernel = [p for p in beobachter.run(_kernel_pid).values() if p is not None]
    assert kernel and all(_lebt(p) for p in kernel)
    ergebnisse = [erstes, *lauf]

    assert sorted(e.kommune for e in ergebnisse) == kommunen
    for e in ergebnisse:
        assert e.ok, f"{e.kommune}: {e.fehler}"
        assert e.datei == (auftrag.ausgabe / f"{e.kommune}.html").resolve()
        inhalt = e.datei.read_text(encoding="utf-8")
        assert f"Kommunalprofil {e.name}" in inhalt
        assert "Berichtsjahr 2024" in inhalt
    assert {e.name for e in ergebnisse} == {"Musterstadt", "Hafenstedt", "Landkreis Nordmark"}
    # nach dem Lauf sind die warmen Kernel beendet, die Worker laufen weiter
    assert _warte_bis_beendet(kernel) == []
    with distributed.Client(cluster, set_as_default=False) as beobachter:
        assert set(beobachter.run(_kernel_pid).values()) == {None}


def test_ein_fehler_haelt_die_anderen_nicht_auf(auftrag_fuer):
    # Ein Worker mit drei Threads: die Sperre muss den einen Kernel schützen.
    auftrag = auftrag_fuer()
    kommunen = ["17101", "17151001", "17102", "17999"]
    with _neuer_cluster(n_workers=1, threads_per_worker=3) as lokaler_cluster:
        ergebnisse = {
            e.kommune: e
            for e in berichte_auf_cluster(lokaler_cluster.scheduler_address, auftrag, kommunen)
        }
        # Ohne Sperre startete jeder Thread seinen eigenen Kernel, und nur einer würde
        # nach dem Lauf beendet; mit Sperre bleibt kein Kernel zurück.
        with distributed.Client(lokaler_cluster, set_as_default=False) as beobachter:
            (worker_pid,) = beobachter.run(_worker_pid).values()
        kinder = psutil.Process(worker_pid).children(recursive=True)
        kernel = [k.pid for k in kinder if "ipykernel_launcher" in " ".join(k.cmdline())]
        assert _warte_bis_beendet(kernel) == []
    assert set(ergebnisse) == set(kommunen)
    for ok in ("17101", "17102"):
        assert ergebnisse[ok].ok, ergebnisse[ok].fehler
        assert ergebnisse[ok].name in ergebnisse[ok].datei.read_text(encoding="utf-8")
    # Die Vorlage prüft die Kommune: Musterland hat keine Gemeindetabelle, also kein
    # Gemeindeprofil.
    gemeinde = ergebnisse["17151001"]
    assert not gemeinde.ok and gemeinde.datei is None
    assert "„17151001“ ist ein Gemeindeschlüssel" in gemeinde.fehler
    assert "Gemeindeprofile braucht eine Gemeindetabelle" in gemeinde.fehler
    assert not (auftrag.ausgabe / "17151001.html").exists()
    # Ein unerwarteter Fehler auf dem Worker wird zum Ergebnis, nicht zum Abbruch.
    unbekannt = ergebnisse["17999"]
    assert not unbekannt.ok
    assert unbekannt.fehler.startswith("Unerwarteter Fehler auf dem Worker (KeyError)")


def test_kernel_endet_mit_dem_worker(auftrag_fuer):
    """Auch ohne Aufräumen nach dem Lauf (Abbruch) bleibt kein Kernel zurück: Endet der
    Worker-Prozess, endet sein Kernel – sauber oder nach einem harten Abbruch (SIGKILL)."""
    auftrag = auftrag_fuer()
    with _neuer_cluster() as lokaler_cluster:
        with distributed.Client(lokaler_cluster, set_as_default=False) as client:
            worker = list(client.scheduler_info(n_workers=-1)["workers"])
            for adresse, kommune in zip(worker, ["17101", "17102"], strict=True):
                ergebnis = client.submit(
                    _bericht_auf_worker, auftrag, kommune, workers=[adresse], pure=False
                ).result()
                assert ergebnis.ok, ergebnis.fehler
            kernel = client.run(_kernel_pid)
            assert None not in kernel.values()
            abgeschossen = client.run(_worker_pid, workers=[worker[0]])[worker[0]]
            psutil.Process(abgeschossen).kill()
            assert _warte_bis_beendet([kernel[worker[0]]]) == []
            assert _lebt(kernel[worker[1]])
    assert _warte_bis_beendet(list(kernel.values())) == []


def _freier_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unerreichbarer_cluster_deutsche_meldung(auftrag_fuer):
    adresse = f"tcp://127.0.0.1:{_freier_port()}"
    with pytest.raises(ParameterFehler, match=r"Der Dask-Cluster unter tcp://127\.0\.0\.1:\d+ ist"):
        list(berichte_auf_cluster(adresse, auftrag_fuer(), ["17101"], zeitlimit=2))
    assert not (Path(auftrag_fuer().ausgabe) / "17101.html").exists()


def test_ungueltige_adresse_deutsche_meldung(auftrag_fuer):
    with pytest.raises(ParameterFehler, match="keine gültige Adresse eines Dask-Clusters"):
        list(berichte_auf_cluster("quatsch://nirgends", auftrag_fuer(), ["17101"], zeitlimit=2))


def test_bimo_berichte_mit_cluster(cluster, tmp_path):
    """Der öffentliche Weg: ``baue_berichte(..., cluster=ADRESSE)`` wie ``--cluster``."""
    ergebnisse = berichtslauf.baue_berichte(
        "faktenblatt",
        ["17101", "17252"],
        tmp_path,
        fortschritt=False,
        cluster=cluster.scheduler_address,
    )
    assert [e.kommune for e in ergebnisse] == ["17101", "17252"]
    assert all(e.ok for e in ergebnisse), [e.fehler for e in ergebnisse]
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert index.count('class="ok"') == 2 and 'href="17252.xlsx"' in index
    assert "Faktenblatt Musterstadt" in (tmp_path / "17101.html").read_text(encoding="utf-8")
