// Finding one's way in a long transcript. The page's questions (its table of contents) are put at
// the top of the phone's menu drawer, where Material shows only site links for a page outside the
// navigation; and a bar under the header names the current question and the current speaker while
// their turn is on screen, so a reader ten screens into an answer still sees who is speaking.
(function () {
  "use strict";
  var bar = null;
  var ticking = false;

  // The drawer gets "On this page": a copy of the table of contents (shown only where the
  // table-of-contents sidebar is hidden, see edition.css). A tap closes the drawer.
  function questionsInDrawer() {
    document.querySelectorAll(".page-toc-in-drawer").forEach(function (el) { el.remove(); });
    var toc = document.querySelector(".md-sidebar--secondary .md-nav--secondary > .md-nav__list");
    var list = document.querySelector(".md-nav--primary > .md-nav__list");
    if (!toc || !list || !document.querySelector(".turn")) { return; }
    var item = document.createElement("li");
    item.className = "md-nav__item page-toc-in-drawer";
    var title = document.createElement("p");
    title.className = "page-toc-in-drawer__title";
    title.id = "page-toc-in-drawer-title";
    title.textContent = "Questions on this page";
    var copy = toc.cloneNode(true);
    copy.removeAttribute("data-md-component");
    copy.removeAttribute("data-md-scrollfix");
    copy.setAttribute("aria-labelledby", title.id);
    item.appendChild(title);
    item.appendChild(copy);
    list.insertBefore(item, list.firstChild);
    copy.addEventListener("click", function (event) {
      if (!event.target.closest("a")) { return; }
      var drawer = document.getElementById("__drawer");
      if (drawer) { drawer.checked = false; }
    });
  }

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  // The turn under the bar and the question heading before it.
  // The line just under the bar, or lower, where a link lands: a heading or paragraph that a link (a question in
  // the drawer, a card of the Questions page) has just scrolled to sits at its scroll margin, a little below the
  // bar, and is the current one, not the turn before it.
  function current() {
    var heading = document.querySelector(".md-content h2[id^='q']");
    var landed = heading ? parseFloat(getComputedStyle(heading).scrollMarginTop) || 0 : 0;
    var line = Math.max(headerBottom() + (bar ? bar.offsetHeight : 0) + 4, landed + 1);
    var turn = null;
    document.querySelectorAll(".md-content .turn").forEach(function (el) {
      var box = el.getBoundingClientRect();
      if (box.top <= line && box.bottom > line) { turn = el; }
    });
    var question = null;
    document.querySelectorAll(".md-content h2[id^='q']").forEach(function (h) {
      if (/^q\d+$/.test(h.id) && h.getBoundingClientRect().top <= line) { question = h; }
    });
    return { turn: turn, question: question };
  }

  function text(el) {
    if (!el) { return ""; }
    var clone = el.cloneNode(true);
    clone.querySelectorAll(".headerlink, .turn-label").forEach(function (x) { x.remove(); });
    return clone.textContent.replace(/\s+/g, " ").trim();
  }

  function update() {
    ticking = false;
    if (!bar) { return; }
    var now = current();
    var speaker = now.turn && now.turn.querySelector(".speaker");
    var name = speaker && speaker.querySelector("strong") ? speaker.querySelector("strong").textContent.trim() : "";
    var kind = now.turn ? (now.turn.classList.contains("turn-question") ? "Question" :
      now.turn.classList.contains("turn-answer") ? "Answer" : "") : "";
    bar.querySelector(".reading-bar__question").textContent = text(now.question);
    bar.querySelector(".reading-bar__speaker").textContent = name ? (kind ? kind + ": " : "") + name : "";
    bar.classList.toggle("is-shown", Boolean(now.question || name));
    bar.dataset.kind = kind.toLowerCase();
  }

  function onScroll() {
    if (!ticking) { ticking = true; window.requestAnimationFrame(update); }
  }

  // A visual aid only: the same words are in the headings and speaker lines that screen readers read.
  function readingBar() {
    bar = null;
    var article = document.querySelector(".md-content article");
    if (!article || !article.querySelector(".turn")) { return; }
    var slot = document.createElement("div");
    slot.className = "reading-bar-slot";
    slot.setAttribute("aria-hidden", "true");
    slot.innerHTML = '<div class="reading-bar"><span class="reading-bar__question"></span><span class="reading-bar__speaker"></span></div>';
    article.insertBefore(slot, article.firstChild);
    bar = slot.firstChild;
    // Filled in at the next frame, when the browser lays the page out anyway: read now, the positions would make
    // it lay out the whole transcript a second time, inside the page's first script task.
    onScroll();
  }

  function onPage() { questionsInDrawer(); readingBar(); }
  window.addEventListener("scroll", onScroll, { passive: true });
  window.addEventListener("resize", onScroll);
  if (window.document$) { window.document$.subscribe(onPage); } else { document.addEventListener("DOMContentLoaded", onPage); }
})();
