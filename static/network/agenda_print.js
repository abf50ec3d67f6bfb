// The "Print" button of the one-page action agenda overview.
document.getElementById("print-agenda")?.addEventListener("click", () => window.print());
