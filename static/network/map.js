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
    // A cluster is named by its number of activities ("12 activiteiten in dit gebied").
    var NamedDivIcon = L.DivIcon.extend({
      createIcon: function (old) {
        var icon = L.DivIcon.prototype.createIcon.call(this, old);
        icon.setAttribute("aria-label", this.options.label);
        return icon;
      }
    });
    var cluster = L.markerClusterGroup({
      iconCreateFunction: function (group) {
        var count = group.getChildCount();
        var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
        return new NamedDivIcon({
          html: "<div><span>" + count + "</span></div>",
          className: "marker-cluster marker-cluster-" + size,
          iconSize: L.point(40, 40),
          label: results.dataset.clusterLabel.replace("%(count)s", count)
        });
      }
    });
    // A marker is named by the activity and its street ("Wandelgroep Voorburg-West, Herenstraat 11").
    points.forEach(function (point) {
      var link = document.createElement("a");
      link.href = results.dataset.detailUrl.replace("/0/", "/" + point.id + "/");
      link.textContent = point.title;
      var marker = L.marker([point.lat, point.lon], { title: point.label, alt: point.label });
      cluster.addLayer(marker.bindPopup(link));
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
    L.marker([lat, lon], { title: single.dataset.title, alt: single.dataset.title }).addTo(small);
  }
})();
