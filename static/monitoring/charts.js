// Draws every chart on the page: an element with data-chart="ID" gets the plotly figure
// stored in <script type="application/json" id="ID"> (Django's json_script).
(function () {
  "use strict";
  function draw() {
    if (!window.Plotly) {
      return;
    }
    document.querySelectorAll("[data-chart]").forEach(function (element) {
      var source = document.getElementById(element.dataset.chart);
      if (!source) {
        return;
      }
      var figure = JSON.parse(source.textContent);
      var small = element.classList.contains("sparkline");
      window.Plotly.newPlot(element, figure.data, figure.layout, {
        displayModeBar: false,
        responsive: true,
        staticPlot: small,
        locale: document.documentElement.lang || "nl",
      }).then(function () {
        element.classList.add("chart-drawn");
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
