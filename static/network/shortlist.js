// The print button of "my list".
(function () {
  "use strict";
  var button = document.getElementById("print-list");
  if (button) { button.addEventListener("click", function () { window.print(); }); }
})();
