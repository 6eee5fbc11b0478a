// A note opens where it is read. The annotated words themselves are the control (role=button,
// Enter or Space); the note appears just under its paragraph (on a phone, as a sheet from the
// bottom of the screen), starts with the words it annotates, and offers "Back to ¶N". Escape,
// Close and Back return focus to the words. Without JavaScript the words are plain text and the
// numbered marker still leads to the note at the page end.
(function () {
  "use strict";
  var panel = null;
  var opener = null;

  // The notes a marked piece of text opens: data-notes on a <mark>, or the footnote a marker points to.
  function noteIdsOf(control) {
    if (control.dataset.notes) { return control.dataset.notes.split(" "); }
    var href = control.getAttribute("href") || "";
    return [decodeURIComponent(href.split("#fn:")[1] || "")];
  }

  function enable(root) {
    root.querySelectorAll("mark.annotated[data-notes]").forEach(function (mark) {
      if (mark.hasAttribute("role") || !mark.textContent.trim()) { return; }
      mark.setAttribute("role", "button");
      mark.setAttribute("tabindex", "0");
      mark.setAttribute("aria-expanded", "false");
      mark.setAttribute("aria-haspopup", "true");
    });
    // The number stays for the eye and the pointer; the words are the one keyboard stop.
    root.querySelectorAll(".para sup[id^='fnref'] a.footnote-ref").forEach(function (a) {
      a.setAttribute("tabindex", "-1");
    });
  }

  // One note's content, copied from the list at the page end without its way back to the marker.
  function noteContent(id) {
    var item = document.getElementById("fn:" + id);
    var box = document.createElement("div");
    box.className = "note-panel__note";
    if (!item) { return box; }
    Array.prototype.forEach.call(item.children, function (child) { box.appendChild(child.cloneNode(true)); });
    box.querySelectorAll(".footnote-backref, .cite-button, .note-back").forEach(function (el) { el.remove(); });
    box.querySelectorAll(".note-head").forEach(function (head) {
      var last = head.lastChild;  // "… · " was followed by the way back, which the panel has as a button
      if (last && last.nodeType === 3) { last.textContent = last.textContent.replace(/\s*·\s*$/, ""); }
    });
    box.querySelectorAll("[data-cite-ready]").forEach(function (el) { delete el.dataset.citeReady; });
    box.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    return box;
  }

  function close(returnFocus) {
    if (!panel) { return; }
    var was = opener;
    panel.remove();
    panel = null;
    opener = null;
    document.documentElement.classList.remove("note-sheet-open");
    if (was) {
      was.setAttribute("aria-expanded", "false");
      if (returnFocus) { was.focus({ preventScroll: true }); keepInView(was); }
    }
  }

  function keepInView(el) {
    var box = el.getBoundingClientRect();
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    if (box.top < top || box.bottom > window.innerHeight) { el.scrollIntoView({ block: "center" }); }
  }

  // A sheet taller than the screen scrolls: say so at its foot until the reader reaches the end.
  function markOverflow() {
    if (!panel) { return; }
    var more = panel.scrollHeight - panel.clientHeight - panel.scrollTop > 4;
    panel.classList.toggle("has-more", more);
  }

  function open(control) {
    var para = control.closest(".para");
    if (!para) { return; }
    close(false);
    var number = para.id.slice(1);
    opener = control.matches("mark") ? control : (para.querySelector("mark[data-notes~='" + noteIdsOf(control)[0] + "']") || control);
    panel = document.createElement("section");
    panel.className = "note-panel";
    panel.setAttribute("tabindex", "-1");
    panel.setAttribute("aria-label", "Note on paragraph " + number);
    var bar = document.createElement("div");
    bar.className = "note-panel__bar";
    bar.innerHTML = '<span class="note-panel__where">Note on ¶' + number + '</span>' +
      '<button type="button" class="note-panel__close" aria-label="Close the note">×</button>';
    panel.appendChild(bar);
    noteIdsOf(control).forEach(function (id) { panel.appendChild(noteContent(id)); });
    var back = document.createElement("button");
    back.type = "button";
    back.className = "note-panel__back md-button";
    back.textContent = "Back to ¶" + number;
    panel.appendChild(back);
    var cue = document.createElement("p");
    cue.className = "note-panel__more";
    cue.setAttribute("aria-hidden", "true");
    cue.textContent = "More below ↓";
    panel.appendChild(cue);
    panel.addEventListener("click", function (event) {
      if (event.target.closest(".note-panel__close, .note-panel__back")) { close(true); }
    });
    panel.addEventListener("scroll", markOverflow, { passive: true });
    para.insertAdjacentElement("afterend", panel);
    if (opener.setAttribute) { opener.setAttribute("aria-expanded", "true"); }
    if (window.getComputedStyle(panel).position === "fixed") {
      document.documentElement.classList.add("note-sheet-open");
    }
    if (window.editionCite) { window.editionCite.attach(panel); }
    markOverflow();
    panel.focus({ preventScroll: true });
    revealBoth(opener);
  }

  // The words stay visible above a sheet; an in-page note scrolls into view under its paragraph.
  function revealBoth(words) {
    if (window.getComputedStyle(panel).position === "fixed") {
      var sheetTop = panel.getBoundingClientRect().top;
      var box = words.getBoundingClientRect();
      var header = document.querySelector(".md-header");
      var top = header ? header.getBoundingClientRect().bottom : 0;
      if (box.bottom > sheetTop - 8 || box.top < top) { window.scrollBy(0, box.top - top - 16); }
    } else {
      var rect = panel.getBoundingClientRect();
      if (rect.bottom > window.innerHeight && rect.height < window.innerHeight * 0.8) {
        window.scrollBy(0, Math.min(rect.bottom - window.innerHeight + 16, words.getBoundingClientRect().top - 80));
      }
    }
  }

  document.addEventListener("click", function (event) {
    var control = event.target.closest && event.target.closest(".para mark.annotated[role='button'], .para sup[id^='fnref'] a.footnote-ref");
    if (!control) { return; }
    event.preventDefault();
    if (panel && opener === control) { close(true); } else { open(control); }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if ((event.key === "Enter" || event.key === " ") && target.matches && target.matches("mark.annotated[role='button']")) {
      event.preventDefault();
      if (panel && opener === target) { close(true); } else { open(target); }
    } else if (event.key === "Escape" && panel && !document.querySelector("dialog[open]")) {
      close(true);
    }
  });
  window.addEventListener("resize", markOverflow);

  function onPage() { close(false); enable(document); }
  if (window.document$) { window.document$.subscribe(onPage); } else { document.addEventListener("DOMContentLoaded", onPage); }
})();
