// The site's chrome on every page (templates/base.html): the menu button on small screens and
// wide tables that scroll in a region of their own. Without JavaScript the menu stays open.
(function () {
  "use strict";
  var header = document.querySelector(".site-header");
  var button = document.getElementById("menu-button");
  if (header && button) {
    header.classList.add("has-menu-button");
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      header.classList.toggle("menu-open", open);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && header.classList.contains("menu-open")) {
        button.setAttribute("aria-expanded", "false");
        header.classList.remove("menu-open");
        button.focus();
      }
    });
  }

  // A table wider than the page scrolls inside its own region, which the keyboard can reach
  // and which is named after the table's caption or the heading above it.
  var names = {};
  var main = document.getElementById("main") || document.body;
  function nameOf(table) {
    var caption = table.querySelector("caption");
    if (caption) { return caption.textContent.trim(); }
    return (main.dataset.tableLabel || "%(name)s").replace("%(name)s", headingBefore(table));
  }
  function headingBefore(table) {
    var node = table.closest(".table-scroll") || table;
    while (node && node !== document.body) {
      var before = node.previousElementSibling;
      while (before) {
        if (/^H[1-6]$/.test(before.tagName)) { return before.textContent.trim(); }
        var inner = before.querySelectorAll("h1, h2, h3, h4, h5, h6");
        if (inner.length) { return inner[inner.length - 1].textContent.trim(); }
        before = before.previousElementSibling;
      }
      node = node.parentElement;
    }
    return document.title;
  }
  function unique(name) {
    names[name] = (names[name] || 0) + 1;
    return names[name] > 1 ? name + " (" + names[name] + ")" : name;
  }
  function fit(region) {
    var scrolls = region.scrollWidth > region.clientWidth + 1;
    if (scrolls) {
      region.setAttribute("tabindex", "0");
      region.setAttribute("role", "region");
      if (!region.hasAttribute("aria-label")) {
        var name = nameOf(region.querySelector("table")).replace(/\s+/g, " ");
        region.setAttribute("aria-label", unique(name));
      }
    } else {
      region.removeAttribute("tabindex");
      region.removeAttribute("role");
    }
  }
  var regions = [];
  document.querySelectorAll("main table").forEach(function (table) {
    var region = table.parentElement;
    if (!region.classList.contains("table-scroll")) {
      region = document.createElement("div");
      region.className = "table-scroll";
      table.parentNode.insertBefore(region, table);
      region.appendChild(table);
    }
    regions.push(region);
    fit(region);
  });
  window.addEventListener("resize", function () { regions.forEach(fit); });
})();
