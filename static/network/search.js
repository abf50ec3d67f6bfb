// "Sort by distance from me": ask the browser for a location and search again with it.
(function () {
  "use strict";
  var button = document.getElementById("near-me");
  if (!button || !navigator.geolocation) { return; }
  button.classList.remove("d-none");
  button.addEventListener("click", function () {
    navigator.geolocation.getCurrentPosition(function (position) {
      var url = new URL(window.location.href);
      url.searchParams.set("lat", position.coords.latitude.toFixed(4));
      url.searchParams.set("lon", position.coords.longitude.toFixed(4));
      url.searchParams.delete("page");
      window.location.assign(url.toString());
    }, function () {
      button.insertAdjacentHTML("afterend", "<p role=\"alert\"></p>");
      button.nextElementSibling.textContent = button.dataset.error;
    });
  });
})();
// The filters are folded behind "Filters (n)" on small screens; on wide ones they stay open.
(function () {
  "use strict";
  var filters = document.getElementById("search-filters");
  if (filters && window.matchMedia("(min-width: 992px)").matches) { filters.open = true; }
})();
