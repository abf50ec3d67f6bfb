// The quickscan map: district outlines coloured by the chosen measure, on a plain background
// (no tiles: no request to another host). Each district is a link reachable by Tab, with an
// aria-label holding its value; the table next to the map holds the same values.
(function () {
  "use strict";
  var element = document.getElementById("district-map");
  var source = document.getElementById("district-map-data");
  if (!element || !source || !window.L) {
    return;
  }
  var data = JSON.parse(source.textContent);
  var shades = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
  var unknown = "#d9d9d9";
  var values = data.districts
    .map(function (d) { return d.value; })
    .filter(function (v) { return v !== null; })
    .sort(function (a, b) { return a - b; });
  var lowest = values.length ? values[0] : 0;
  var highest = values.length ? values[values.length - 1] : 0;

  function colour(value) {
    if (value === null) {
      return unknown;
    }
    if (highest === lowest) {
      return shades[2];
    }
    var step = Math.min(
      shades.length - 1,
      Math.floor(((value - lowest) / (highest - lowest)) * shades.length)
    );
    return shades[step];
  }

  function shown(value) {
    return value === null ? "onbekend" : value.toLocaleString("nl-NL");
  }

  var map = L.map(element, {
    keyboard: true,
    attributionControl: false,
    zoomSnap: 0.25,
    scrollWheelZoom: false,
  });
  var layer = L.geoJSON(
    {
      type: "FeatureCollection",
      features: data.districts.map(function (d) {
        return { type: "Feature", geometry: d.geometry, properties: d };
      }),
    },
    {
      style: function (feature) {
        return {
          color: "#1a1a1a",
          weight: 1.5,
          fillColor: colour(feature.properties.value),
          fillOpacity: 0.9,
        };
      },
      onEachFeature: function (feature, item) {
        var d = feature.properties;
        item.bindTooltip(d.name + ": " + shown(d.value));
        item.on("click", function () { window.location.href = d.url; });
      },
    }
  ).addTo(map);
  map.fitBounds(layer.getBounds(), { padding: [8, 8] });

  layer.eachLayer(function (item) {
    var d = item.feature.properties;
    var path = item.getElement();
    if (!path) {
      return;
    }
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "link");
    path.setAttribute("aria-label", d.name + ", " + data.measure + ": " + shown(d.value));
    path.setAttribute("data-code", d.code);
    path.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        window.location.href = d.url;
      }
    });
  });
  element.classList.add("map-drawn");
})();
