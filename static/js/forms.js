// Forms that help (NL Design System / GOV.UK pattern). Everything here is an addition: the
// server checks the same rules, so each form works without this script too.
(function () {
  "use strict";

  // The error summary gets the focus; its links move the focus to the field in error and
  // scroll its label (or the legend of a group) into view.
  function errorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var input = document.getElementById(link.getAttribute("href").slice(1));
      if (!input) return;
      event.preventDefault();
      var group = input.closest("fieldset");
      var label = (group && group.querySelector("legend")) ||
        document.querySelector("label[for='" + input.id + "']") || input;
      label.scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }

  function chosen(form, name) {
    var inputs = form.querySelectorAll("[name='" + name + "']");
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if (input.type === "radio" || input.type === "checkbox") {
        if (input.checked) return input.value;
      } else {
        return input.value;
      }
    }
    return "";
  }

  // A field shows only when it applies: data-show-when names the choice, data-show-values
  // the values for which it shows.
  function adaptiveFields() {
    var wrappers = document.querySelectorAll("[data-show-when], [data-label-self]");
    if (!wrappers.length) return;
    function update() {
      wrappers.forEach(function (wrapper) {
        var form = wrapper.closest("form");
        if (wrapper.dataset.showWhen) {
          var values = wrapper.dataset.showValues.split(" ");
          wrapper.hidden = values.indexOf(chosen(form, wrapper.dataset.showWhen)) === -1;
        }
        if (wrapper.dataset.labelSelf) {
          var mine = chosen(form, "reporter_kind") === "self";
          var label = wrapper.querySelector("legend, label");
          var text = label && Array.prototype.find.call(label.childNodes, function (node) {
            return node.nodeType === Node.TEXT_NODE && node.textContent.trim();
          });
          if (text) text.textContent = mine ? wrapper.dataset.labelSelf : wrapper.dataset.labelOther;
        }
      });
    }
    document.addEventListener("change", update);
    update();
  }

  // A count of the characters left under every text area with a limit: shown at once, and
  // told to screen readers (aria-live polite) once the typing pauses.
  function characterCounts() {
    document.querySelectorAll("textarea[data-charcount]").forEach(function (area, index) {
      var limit = parseInt(area.dataset.charcount, 10);
      var shown = document.createElement("div");
      shown.className = "form-text charcount";
      shown.id = (area.id || "charcount" + index) + "_count";
      shown.setAttribute("aria-hidden", "true");
      var told = document.createElement("div");
      told.className = "visually-hidden";
      told.setAttribute("aria-live", "polite");
      area.insertAdjacentElement("afterend", told);
      area.insertAdjacentElement("afterend", shown);
      var timer = null;
      function message() {
        // Counted as the server counts: a line break is sent as two characters.
        var left = limit - area.value.replace(/\r?\n/g, "\r\n").length;
        var over = left < 0;
        var n = Math.abs(left);
        var key = (over ? "charcountOver" : "charcountLeft") + (n === 1 ? "One" : "");
        shown.classList.toggle("charcount-over", over);
        area.classList.toggle("is-invalid", over);
        return area.dataset[key].replace("%(n)s", n.toLocaleString(document.documentElement.lang || undefined));
      }
      function update() {
        shown.textContent = message();
        clearTimeout(timer);
        timer = setTimeout(function () { told.textContent = message(); }, 1000);
      }
      area.addEventListener("input", update);
      shown.textContent = message();
    });
  }

  function start() {
    adaptiveFields();
    characterCounts();
    errorSummary();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
