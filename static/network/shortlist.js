// "My list": the print button, and the add/remove buttons of the search and activity pages.
// Without JavaScript the buttons post and the server sends the reader back to the button
// (#shortlist-<pk>); with it, the page stays as it is, the button changes in place and keeps
// the focus, and a note next to it links to the list.
(function () {
  "use strict";
  var print = document.getElementById("print-list");
  if (print) { print.addEventListener("click", function () { window.print(); }); }

  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  var queue = Promise.resolve();
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || !button.hasAttribute("data-shortlist") || !window.fetch) { return; }
    event.preventDefault();
    var form = event.target, action = button.formAction;
    // One change at a time: the list lives in the session, and two requests at once would
    // each keep only their own change.
    queue = queue.then(function () {
      return fetch(action, {
        method: "POST",
        body: new FormData(form),
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin"
      }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      }).then(function (answer) { show(button, answer); })
        .catch(function () { form.action = action; form.submit(); });
    });
  });

  function show(button, answer) {
    button.querySelector(".shortlist-label").textContent = answer.label;
    button.setAttribute("formaction", answer.action);
    button.classList.toggle("btn-outline-primary", !answer.on_list);
    button.classList.toggle("btn-outline-secondary", answer.on_list);
    button.querySelector(".shortlist-icon").classList.toggle("d-none", !answer.on_list);
    var note = button.parentElement.querySelector(".shortlist-note");
    if (!note) {
      note = document.createElement("span");
      note.className = "shortlist-note";
      button.insertAdjacentElement("afterend", note);
    }
    note.textContent = " " + answer.text + " ";
    if (!button.parentElement.querySelector(".shortlist-count")) {
      var link = document.createElement("a");
      link.href = answer.list_url;
      link.textContent = answer.view;
      note.appendChild(link);
    }
    document.querySelectorAll(".shortlist-count").forEach(function (count) {
      count.textContent = answer.link;
    });
    status.textContent = answer.text + " " + answer.link;
    button.focus();
  }
})();
