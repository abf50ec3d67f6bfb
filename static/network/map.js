// Maps of the social map: the result map (with clusters) and the small map of one activity.
(function () {
  "use strict";
  function baseMap(element) {
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(element.dataset.tiles, {
      attribution: element.dataset.attribution,
      maxZoom: 19
    }).addTo(map);
    return map;
  }
  var results = document.getElementById("results-map");
  if (results) {
    var points = JSON.parse(document.getElementById("map-points").textContent);
    var map = baseMap(results);
    var cluster = L.markerClusterGroup();
    points.forEach(function (point) {
      var link = document.createElement("a");
      link.href = results.dataset.detailUrl.replace("/0/", "/" + point.id + "/");
      link.textContent = point.title;
      cluster.addLayer(L.marker([point.lat, point.lon], { title: point.title }).bindPopup(link));
    });
    map.addLayer(cluster);
    if (points.length) {
      map.fitBounds(cluster.getBounds(), { maxZoom: 15, padding: [20, 20] });
    } else {
      map.setView([52.085, 4.40], 13);
    }
  }
  var single = document.getElementById("activity-map");
  if (single) {
    var lat = parseFloat(single.dataset.lat), lon = parseFloat(single.dataset.lon);
    var small = baseMap(single);
    small.setView([lat, lon], 16);
    L.marker([lat, lon], { title: single.dataset.title }).addTo(small);
  }
})();
