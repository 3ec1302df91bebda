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
