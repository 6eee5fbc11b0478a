// "Cite" beside every paragraph permalink (.para .permalink) and note permalink
// (.annotation-permalink): a <dialog> with "Copy link" and "Copy quote with attribution", and a
// formatted citation, BibTeX and CSL-JSON under "More formats". Links are built from the page's
// canonical URL and the paragraph or note id, never from the address bar (which may carry ?h=…). Page data (title, date, organiser, URL) come from the schema.org JSON-LD in the
// page head (build_scripts/render/structured_data.py); without it, from the page title.
(function () {
  "use strict";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var EDITION = "Annotated Transcripts contributors";
  var dialog = null;
  var opener = null;

  function pageData() {
    var data = { title: "", date: "", organiser: "", place: "", url: "" };
    document.querySelectorAll('script[type="application/ld+json"]').forEach(function (script) {
      var graph;
      try { graph = JSON.parse(script.textContent)["@graph"] || []; } catch (e) { return; }
      graph.forEach(function (node) {
        if (node["@type"] === "Event") {
          data.date = node.startDate || data.date;
          data.organiser = (node.organizer && node.organizer.name) || data.organiser;
          data.place = (node.location && node.location.name) || data.place;
        } else if (node["@type"] === "CreativeWork") {
          data.title = node.name || data.title;
          data.url = node.url || data.url;
        }
      });
    });
    // The page's public address, never this copy's: no search term (?h=…), no fragment.
    var canonical = document.querySelector('link[rel="canonical"]');
    if (!data.url) { data.url = canonical ? canonical.href : location.origin + location.pathname; }
    data.url = data.url.split("#")[0].split("?")[0];
    if (!data.title) {
      var h1 = document.querySelector("article h1, h1");
      data.title = h1 ? h1.textContent.replace(/¶$/, "").trim() : document.title;
    }
    return data;
  }

  function longDate(iso) {
    var parts = (iso || "").split("-");
    if (parts.length === 3) { return parseInt(parts[2], 10) + " " + MONTHS[parseInt(parts[1], 10) - 1] + " " + parts[0]; }
    if (parts.length === 2) { return MONTHS[parseInt(parts[1], 10) - 1] + " " + parts[0]; }
    return iso || "";
  }

  // Who speaks a paragraph: the name and role of its turn's speaker line.
  function speakerOf(para) {
    var line = para && para.closest(".turn") && para.closest(".turn").querySelector(".speaker");
    if (!line) { return { name: "", role: "" }; }
    var name = line.querySelector("strong") ? line.querySelector("strong").textContent.trim() : "";
    var role = line.textContent.trim().slice(line.textContent.trim().indexOf(name) + name.length).replace(/^\s*·\s*/, "");
    return { name: name, role: role.trim() };
  }

  // A paragraph's words as read: without its ¶ link, Cite button and note numbers; or the part selected.
  function wordsOf(para) {
    var selection = window.getSelection && window.getSelection();
    if (selection && !selection.isCollapsed && para.contains(selection.anchorNode) && para.contains(selection.focusNode)) {
      return selection.toString().replace(/\s+/g, " ").trim();
    }
    var clone = para.cloneNode(true);
    clone.querySelectorAll(".permalink, .cite-button, sup[id^='fnref']").forEach(function (el) { el.remove(); });
    return clone.textContent.replace(/\s+/g, " ").trim();
  }

  // What one link cites: a paragraph (author: its speaker) or a note (its author; title from its head).
  function itemFor(link, page) {
    if (link.classList.contains("annotation-permalink")) {
      var id = decodeURIComponent((link.getAttribute("href") || "").split("#fn:")[1] || "");
      var note = link.closest("li, .note-panel__note");
      var head = note && note.querySelector(".note-head");
      var credit = (link.parentElement && link.parentElement.textContent) || "";
      var match = credit.match(/Annotation by (.+?), ((?:\d{1,2} )?(?:[A-Z][a-z]+ )?\d{4})\./) ||
        credit.match(/Added ((?:\d{1,2} )?(?:[A-Z][a-z]+ )?\d{4}) by (.+?)(?:;|·|$)/);
      var byFirst = match && match[0].indexOf("Added") !== 0;
      var paraId = head ? head.dataset.paragraph : "";
      var words = head ? (head.textContent.match(/“([\s\S]*)”/) || ["", ""])[1] : "";
      return { kind: "annotation", id: "fn:" + id, url: page.url + "#fn:" + id, paragraph: paraId,
        author: match ? (byFirst ? match[1] : match[2]).trim() : EDITION, created: match ? (byFirst ? match[2] : match[1]) : "",
        title: head && head.dataset.title ? head.dataset.title : "Note " + id, quote: words };
    }
    var para = link.closest(".para");
    var number = para ? para.id.replace(/^p/, "") : "";
    var speaker = speakerOf(para);
    return { kind: "paragraph", id: para ? para.id : "", url: page.url + "#" + (para ? para.id : ""), paragraph: para ? para.id : "",
      author: speaker.name || page.organiser || EDITION, title: "Paragraph " + number, quote: para ? wordsOf(para) : "" };
  }

  // '“…,” said NAME, ROLE, PLACE, DATE, ¶N. URL' — the quoted words attributed as a newspaper would.
  function quoted(item, page) {
    var para = item.paragraph && document.getElementById(item.paragraph);
    var speaker = speakerOf(para);
    // A quotation inside the quote takes single marks.
    var words = item.quote.replace(/[.,;:]$/, "").replace(/“/g, "‘").replace(/”/g, "’").replace(/"([^"]*)"/g, "‘$1’");
    var ending = /[?!]$/.test(words) ? "" : ",";
    var who = [speaker.name, speaker.role, page.place, longDate(page.date), "¶" + item.paragraph.replace(/^p/, "")]
      .filter(Boolean).join(", ");
    var url = page.url + "#" + item.paragraph;
    return "“" + words + ending + "” said " + who + ". " + page.title + ", annotated edition: " + url;
  }

  function formatted(item, page) {
    var today = new Date().toISOString().slice(0, 10);
    var when = page.date ? " (" + longDate(page.date) + ")" : "";
    var by = item.kind === "annotation" ? item.author + (item.created ? ", " + item.created : "") : item.author;
    return by + ". “" + item.title + ".” In " + page.title + when + ", annotated edition, " + EDITION +
      ". " + item.url + " (accessed " + longDate(today) + ").";
  }

  function bib(value) { return String(value).replace(/[{}\\]/g, ""); }

  function bibtex(item, page) {
    var key = (page.url.split("/").filter(Boolean).pop() || "edition") + "-" + item.id;
    var fields = [
      ["author", "{" + bib(item.author) + "}"],  // double braces: a name BibTeX must not split
      ["title", bib(item.title)],
      ["booktitle", bib(page.title) + " (annotated edition)"],
      ["year", (page.date || "").slice(0, 4)],
      ["publisher", EDITION],
      ["url", item.url],
      ["urldate", new Date().toISOString().slice(0, 10)],
    ].filter(function (f) { return f[1]; });
    return "@misc{" + key.replace(/[^A-Za-z0-9:-]/g, "-") + ",\n" +
      fields.map(function (f) { return "  " + f[0] + " = {" + f[1] + "}"; }).join(",\n") + "\n}";
  }

  function csl(item, page) {
    var parts = (page.date || "").split("-").map(function (p) { return parseInt(p, 10); }).filter(function (n) { return !isNaN(n); });
    var now = new Date();
    var entry = {
      id: item.id,
      type: item.kind === "annotation" ? "entry" : "speech",
      title: item.title,
      author: [{ literal: item.author }],
      "container-title": page.title + " (annotated edition)",
      publisher: EDITION,
      URL: item.url,
      accessed: { "date-parts": [[now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()]] },
    };
    if (parts.length) { entry.issued = { "date-parts": [parts] }; entry["event-date"] = { "date-parts": [parts] }; }
    if (page.organiser) { entry["event-title"] = page.title; }
    return JSON.stringify([entry], null, 2);
  }

  var FORMATS = ["Link", "Quote with attribution", "Citation", "BibTeX", "CSL-JSON"];

  function field(name, i) {
    return '<div class="cite-format"><label for="cite-text-' + i + '">' + name + "</label>" +
      '<textarea id="cite-text-' + i + '" readonly rows="' + (i > 2 ? 8 : i ? 4 : 2) + '"></textarea>' +
      '<button type="button" class="cite-copy md-button' + (i < 2 ? " md-button--primary" : "") +
      '" data-target="cite-text-' + i + '">Copy ' + (i ? name.charAt(0).toLowerCase() + name.slice(1) : "link") + "</button></div>";
  }

  // "Copy link" and "Copy quote with attribution" first; a formatted citation, BibTeX and CSL-JSON behind "More formats".
  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "cite-dialog";
    dialog.setAttribute("aria-labelledby", "cite-dialog-title");
    dialog.innerHTML = '<h2 id="cite-dialog-title">Cite</h2>' + field(FORMATS[0], 0) + field(FORMATS[1], 1) +
      '<details class="cite-more"><summary>More formats</summary>' +
      [2, 3, 4].map(function (i) { return field(FORMATS[i], i); }).join("") + "</details>" +
      '<p class="cite-status" role="status" aria-live="polite"></p>' +
      '<button type="button" class="cite-close md-button">Close</button>';
    dialog.addEventListener("click", function (event) {
      var target = event.target;
      if (target === dialog || target.classList.contains("cite-close")) { dialog.close(); }
      if (target.classList.contains("cite-copy")) { copy(document.getElementById(target.dataset.target)); }
    });
    dialog.addEventListener("close", function () { if (opener) { opener.focus(); } });
    document.body.appendChild(dialog);
  }

  function copy(area) {
    var status = dialog.querySelector(".cite-status");
    var done = function () { status.textContent = "Copied to the clipboard."; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(done, function () { area.select(); status.textContent = "Selected: press Ctrl+C to copy."; });
    } else {
      area.focus(); area.select();
      try { document.execCommand("copy"); done(); } catch (e) { status.textContent = "Selected: press Ctrl+C to copy."; }
    }
  }

  function open(link, button) {
    if (!dialog || !document.body.contains(dialog)) { build(); }
    var page = pageData();
    var item = itemFor(link, page);
    var texts = [item.url, quoted(item, page), formatted(item, page), bibtex(item, page), csl(item, page)];
    dialog.querySelectorAll("textarea").forEach(function (area, i) { area.value = texts[i]; });
    dialog.querySelector("#cite-dialog-title").textContent = "Cite " + item.title;
    dialog.querySelector(".cite-status").textContent = "";
    opener = button;
    dialog.showModal();
    dialog.querySelector(".cite-copy").focus();
  }

  function attach(root) {
    (root && root.querySelectorAll ? root : document).querySelectorAll(".para .permalink, .annotation-permalink").forEach(function (link) {
      if (link.dataset.citeReady) { return; }
      link.dataset.citeReady = "1";
      var button = document.createElement("button");
      var annotation = link.classList.contains("annotation-permalink");
      button.type = "button";
      button.className = "cite-button";
      button.textContent = "Cite";
      button.setAttribute("aria-haspopup", "dialog");
      var para = link.closest(".para");
      button.setAttribute("aria-label", annotation ? "Cite this note" : "Cite paragraph " + (para ? para.id.slice(1) : ""));
      button.addEventListener("click", function () { open(link, button); });
      link.insertAdjacentElement("afterend", button);
    });
  }
  window.editionCite = { attach: attach };

  // Attach at once (this script runs at the end of <body>), before the browser scrolls to a
  // #fragment, so the added buttons cannot push the target paragraph out of view; then again
  // after each instant navigation. attach() skips links that already have a button.
  if (document.readyState !== "loading") { attach(document); } else { document.addEventListener("DOMContentLoaded", function () { attach(document); }); }
  if (window.document$) { window.document$.subscribe(function () { attach(document); }); }
})();
