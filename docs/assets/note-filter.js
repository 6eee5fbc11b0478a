// Reader controls on transcript pages: show or hide notes by kind (build_scripts/render/note_filter.py).
// The choice is kept in localStorage, so it holds on every page and visit, and is applied again after
// each of Material's instant navigations (document$). A hidden kind leaves the transcript's words as
// they are: no tint, no footnote marker, no footnote; print follows what is shown.
(function () {
  "use strict";
  var KEY = "edition.hiddenNoteKinds";

  function hiddenKinds() {
    try {
      var kinds = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(kinds) ? kinds.filter(function (k) { return typeof k === "string"; }) : [];
    } catch (error) { return []; }  // storage refused (private mode) or garbled: show everything
  }

  function saveHidden(kinds) {
    try { window.localStorage.setItem(KEY, JSON.stringify(kinds.sort())); } catch (error) { /* not kept */ }
  }

  function kindsOf(mark) {
    return Array.prototype.filter.call(mark.classList, function (c) { return c.indexOf("annotated-") === 0; })
      .map(function (c) { return c.slice("annotated-".length); });
  }

  function apply() {
    var controls = document.querySelector(".note-filter");
    if (!controls) { return; }
    var hidden = hiddenKinds();
    var off = function (kind) { return hidden.indexOf(kind) >= 0; };
    var boxes = controls.querySelectorAll("input[data-note-kind]:not([data-note-kind='all'])");
    var shown = 0;
    boxes.forEach(function (box) { box.checked = !off(box.dataset.noteKind); shown += box.checked ? 1 : 0; });
    var all = controls.querySelector("input[data-note-kind='all']");
    all.checked = shown === boxes.length;
    all.indeterminate = shown > 0 && shown < boxes.length;
    var anyNote = false;
    document.querySelectorAll(".footnote li[id^='fn:']").forEach(function (note) {
      var label = note.querySelector("[data-note-kind]");
      if (!label) { return; }
      note.hidden = off(label.dataset.noteKind);
      anyNote = anyNote || !note.hidden;
      // Material makes the markers' links absolute (instant navigation): match the end.
      document.querySelectorAll("a.footnote-ref[href$='#" + CSS.escape(note.id) + "']").forEach(function (ref) {
        (ref.closest("sup") || ref).hidden = note.hidden;
      });
    });
    document.querySelectorAll("mark.annotated").forEach(function (mark) {
      mark.classList.toggle("note-off", kindsOf(mark).every(off));
    });
    document.querySelectorAll(".footnote, #notes").forEach(function (el) { el.hidden = !anyNote; });
    controls.hidden = false;
  }

  function onChange(event) {
    var box = event.target;
    if (!box.matches || !box.matches(".note-filter input[data-note-kind]")) { return; }
    var kinds = box.dataset.noteKind === "all"
      ? Array.prototype.map.call(document.querySelectorAll(".note-filter input[data-note-kind]:not([data-note-kind='all'])"),
                                 function (b) { return b.dataset.noteKind; })
      : [box.dataset.noteKind];
    // Kinds not on this page keep the state chosen elsewhere.
    var hidden = hiddenKinds().filter(function (k) { return kinds.indexOf(k) < 0; });
    saveHidden(box.checked ? hidden : hidden.concat(kinds));
    apply();
  }

  document.addEventListener("change", onChange);
  window.addEventListener("storage", function (event) { if (event.key === KEY) { apply(); } });
  if (window.document$) { window.document$.subscribe(apply); } else { document.addEventListener("DOMContentLoaded", apply); }
})();
