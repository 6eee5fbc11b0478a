// A topic page's evidence table, filtered by kind of note (build_scripts/render/evidence.py). The page works
// without this script: every note is listed, and the checkboxes are hidden (a <noscript> style) since they could
// do nothing. With it, unticking a kind hides its notes, and a status line (read by screen readers) says how many
// are shown. The choice holds on this page only.
(function () {
  "use strict";

  function apply(fieldset) {
    var off = [];
    fieldset.querySelectorAll("input[data-evidence-kind]").forEach(function (box) {
      if (!box.checked) { off.push(box.dataset.evidenceKind); }
    });
    var notes = document.querySelectorAll(".md-content .evidence[data-kind]");
    var shown = 0;
    notes.forEach(function (note) {
      note.hidden = off.indexOf(note.dataset.kind) >= 0;
      shown += note.hidden ? 0 : 1;
    });
    var status = document.querySelector(".evidence-filter__status");
    if (status) { status.textContent = shown === notes.length ? "" : "Showing " + shown + " of " + notes.length + " notes."; }
  }

  function onPage() {
    var fieldset = document.querySelector(".md-content .evidence-filter");
    if (!fieldset) { return; }
    apply(fieldset);
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (box.matches && box.matches(".evidence-filter input[data-evidence-kind]")) { apply(box.closest(".evidence-filter")); }
  });
  if (window.document$) { window.document$.subscribe(onPage); } else { document.addEventListener("DOMContentLoaded", onPage); }
})();
