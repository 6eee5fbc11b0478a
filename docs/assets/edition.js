// Reading aids for the edition, on top of Material. Every page load, including Material's instant
// navigation, goes through onPage(); listeners on document are set once.
(function () {
  "use strict";

  // A paragraph (#p12) or turn (#t5) reached by a link is highlighted, also after Material's instant
  // navigation, which changes the URL with pushState and so leaves CSS :target behind.
  function highlightTarget() {
    document.querySelectorAll(".is-target").forEach(function (el) { el.classList.remove("is-target"); });
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && (el.classList.contains("para") || el.classList.contains("turn"))) {
      el.classList.add("is-target");
      // Controls added after load (cite buttons, tooltips) can shift the layout under the browser's
      // own jump to the anchor; scroll again once the page is mounted so the passage stays in view.
      // The first paragraph of a turn lands with its speaker line: the turn is scrolled to instead.
      var turn = el.closest(".turn");
      var first = turn && turn.querySelector(".para") === el && turn.querySelector(".speaker");
      window.requestAnimationFrame(function () { (first ? turn : el).scrollIntoView({ block: "start" }); });
    }
  }

  // The heading that ends the section ``start`` opens: the next one of the same or a higher level.
  function sectionEnd(start) {
    var level = /^H[1-6]$/.test(start.tagName) ? Number(start.tagName[1]) : 0;
    if (!level) { return null; }
    return Array.prototype.slice.call(document.querySelectorAll("h1, h2, h3, h4, h5, h6")).filter(function (h) {
      return Number(h.tagName[1]) <= level && (start.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
    })[0] || null;
  }

  // A search result opens at its section (#q6) or note (#note-…); bring the first highlighted hit in it into
  // view, so the reader lands on the passage that matched, not only on its heading. A hit past the section
  // belongs to another result (a section found by another spelling has none: the reader stays at its heading).
  // Material marks the terms some time after mounting, later on a long page: look again for up to 2 s.
  function revealSearchHit(tries) {
    if (!/[?&]h=[^&]/.test(location.search)) { return; }
    var start = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var end = start && sectionEnd(start);
    var hits = Array.prototype.slice.call(document.querySelectorAll("mark[data-md-highlight]"));
    var hit = hits.filter(function (mark) {
      return !start || ((start.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) &&
        !(end && (end.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING)));
    })[0];
    if (hit) { hit.scrollIntoView({ block: "center" }); return; }
    if (tries > 0) { window.setTimeout(function () { revealSearchHit(tries - 1); }, 50); return; }
    if (start) { revealOtherSpelling(start, end); }
  }

  // A section found by another spelling than the one it uses (data/spellings.yml: "labour" finds "labor") has no
  // highlighted word: bring its first paragraph with the spelling it uses into view instead.
  function revealOtherSpelling(start, end) {
    var query = new URLSearchParams(location.search).get("h") || "";
    var block = null;
    for (var el = start.nextElementSibling; el && el !== end && !block; el = el.nextElementSibling) {
      if (el.matches(".search-variants[data-spellings]")) { block = el; }
    }
    if (!block) { return; }
    var words = [];
    block.dataset.spellings.split("|").forEach(function (group) {
      var spellings = group.split(" ");
      query.toLowerCase().split(/\s+/).forEach(function (term) {
        var stem = spellings.filter(function (s) { return term.indexOf(s) === 0; }).sort(function (a, b) { return b.length - a.length; })[0];
        if (!stem) { return; }
        spellings.forEach(function (other) { if (other !== stem) { words.push(other + term.slice(stem.length)); } });
      });
    });
    if (!words.length) { return; }
    var pattern = new RegExp("(^|[^\\p{L}\\p{N}_])(" + words.join("|") + ")(?![\\p{L}\\p{N}_])", "iu");
    var paras = Array.prototype.slice.call(document.querySelectorAll(".para")).filter(function (p) {
      return (start.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING) &&
        !(end && (end.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING));
    });
    var para = paras.filter(function (p) { return pattern.test(p.textContent); })[0];
    if (!para) { return; }
    para.classList.add("is-target");
    // Mark the word as Material marks a search term, and bring it (not only its paragraph's start) into view.
    var walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT), node, found;
    while ((node = walker.nextNode()) && !(found = pattern.exec(node.data))) { /* next text node */ }
    if (!found) { para.scrollIntoView({ block: "start" }); return; }
    var word = node.splitText(found.index + found[1].length);
    word.splitText(found[2].length);
    var mark = document.createElement("mark");
    mark.setAttribute("data-md-highlight", "");
    word.parentNode.replaceChild(mark, word);
    mark.appendChild(word);
    mark.scrollIntoView({ block: "center" });
  }

  // On paper a link shows its address after its text, unless the text is already that address.
  function markBareUrls() {
    document.querySelectorAll(".md-typeset a[href^='http']").forEach(function (a) {
      if (a.textContent.trim() === a.getAttribute("href")) { a.classList.add("is-bare-url"); }
    });
  }

  // Escape hides an open footnote tooltip without moving focus or the pointer (WCAG 1.4.13);
  // the next hover or focus on a marker shows tooltips again.
  function dismissTooltips(event) {
    if (event.key === "Escape" && document.querySelector(".md-tooltip2")) {
      document.documentElement.classList.add("tooltips-dismissed");
    }
  }
  function allowTooltips() { document.documentElement.classList.remove("tooltips-dismissed"); }

  // Material's search panel is a dialog without a name; screen readers announce it as "Search".
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role='dialog']:not([aria-label])");
    if (dialog) { dialog.setAttribute("aria-label", "Search"); }
  }

  function onPage() {
    nameSearchDialog();
    highlightTarget();
    markBareUrls();
    // Material highlights search terms while mounting the page; wait for it before scrolling.
    window.setTimeout(function () { revealSearchHit(40); }, 50);
  }

  document.addEventListener("keydown", dismissTooltips);
  document.addEventListener("focusin", allowTooltips);
  document.addEventListener("mouseover", function (event) {
    if (event.target.closest && event.target.closest(".footnote-ref")) { allowTooltips(); }
  });
  window.addEventListener("hashchange", highlightTarget);
  if (window.document$) { window.document$.subscribe(onPage); } else { document.addEventListener("DOMContentLoaded", onPage); }
})();
