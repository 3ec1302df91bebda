// Die Widget-Schriften (Font Awesome) liegen neben embed-amd.js in _static/vendor/.
// embed-amd.js berechnet ihren Ort aus der RequireJS-Modul-Adresse
// "@jupyter-widgets/html-manager/dist/…", die ohne Konfiguration relativ zur Seite
// aufgelöst wird – offline ergäbe das 404. Ein globales `require`-Objekt vor
// require.js dient RequireJS als Konfiguration.
(function () {
  var basis = new URL("../vendor", document.currentScript.src).href;
  window.__jupyter_widgets_assets_path__ = basis + "/";
  window.require = {
    paths: {
      "@jupyter-widgets/html-manager/dist": basis,
      "@jupyter-widgets": basis,
    },
  };
})();

// Barrierefreiheit der eingebetteten Widgets (geprüft mit axe-core in
// tests/test_browser.py). Die Widgets zeichnet embed-amd.js erst nach dem Laden;
// ein MutationObserver ergänzt dann, was den Ansichten von ipywidgets fehlt:
// * Schieberegler-Griffe (noUiSlider) haben keinen zugänglichen Namen – sie
//   bekommen die Beschriftung des Reglers als aria-label.
// * Auswahllisten ohne Beschriftung (Dropdown ohne description) bekommen die
//   Frage darüber als aria-label.
// * Der Knopf „Prüfen“ (button_style="primary") ist weiß auf #2196f3 –
//   Kontrast 3,1:1, zu wenig für Text; ein dunkleres Blau ergibt 5,8:1.
(function () {
  var stil = document.createElement("style");
  stil.textContent =
    ".jupyter-widgets.widget-button.mod-primary," +
    ".jupyter-widgets.jupyter-button.mod-primary { background-color: #1565c0; color: #fff; }" +
    ".jupyter-widgets.widget-button.mod-primary:hover:enabled," +
    ".jupyter-widgets.jupyter-button.mod-primary:hover:enabled { background-color: #0d47a1; }";
  document.head.appendChild(stil);

  function text(el) {
    return el ? (el.textContent || "").replace(/\s+/g, " ").trim() : "";
  }

  function sichtbareBeschriftung(feld) {
    var box = feld.closest(".widget-inline-hbox, .widget-slider, .widget-dropdown");
    var label = box ? box.querySelector(".widget-label") : null;
    if (label && label.offsetParent !== null && text(label)) return text(label);
    return "";
  }

  function frageDarueber(feld) {
    // nächstgelegene Beschriftung (HTML- oder Label-Widget) vor dem Feld in der Box
    var knoten = feld.closest(".widget-inline-hbox, .widget-dropdown, .widget-select") || feld;
    while (knoten && knoten.parentElement) {
      var vorher = knoten.previousElementSibling;
      while (vorher) {
        var t = text(vorher.matches(".widget-html, .widget-label") ? vorher :
          vorher.querySelector(".widget-html, .widget-label"));
        if (t) return t.slice(0, 200);
        vorher = vorher.previousElementSibling;
      }
      knoten = knoten.parentElement;
      if (knoten.classList.contains("cell_output")) break;
    }
    return "";
  }

  function ergaenzen() {
    document.querySelectorAll(".noUi-handle:not([aria-label])").forEach(function (griff) {
      var name = sichtbareBeschriftung(griff) || frageDarueber(griff) || "Schieberegler";
      griff.setAttribute("aria-label", name);
    });
    document.querySelectorAll(".jupyter-widgets select:not([aria-label])").forEach(function (feld) {
      if (sichtbareBeschriftung(feld)) return;
      feld.setAttribute("aria-label", frageDarueber(feld) || "Auswahl");
    });
  }

  function starten() {
    ergaenzen();
    new MutationObserver(ergaenzen).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", starten);
  } else {
    starten();
  }
})();
