// "Cite" beside every paragraph permalink (.para .permalink) and annotation permalink
// (.annotation-permalink): a <dialog> with a formatted citation, BibTeX and CSL-JSON, each with
// a copy button. Page data (title, date, organiser, URL) come from the schema.org JSON-LD in the
// page head (build_scripts/render/structured_data.py); without it, from the page title.
(function () {
  "use strict";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var EDITION = "Annotated Transcripts contributors";
  var dialog = null;
  var opener = null;

  function pageData() {
    var data = { title: "", date: "", organiser: "", url: "" };
    document.querySelectorAll('script[type="application/ld+json"]').forEach(function (script) {
      var graph;
      try { graph = JSON.parse(script.textContent)["@graph"] || []; } catch (e) { return; }
      graph.forEach(function (node) {
        if (node["@type"] === "Event") {
          data.date = node.startDate || data.date;
          data.organiser = (node.organizer && node.organizer.name) || data.organiser;
        } else if (node["@type"] === "CreativeWork") {
          data.title = node.name || data.title;
          data.url = node.url || data.url;
        }
      });
    });
    var canonical = document.querySelector('link[rel="canonical"]');
    if (!data.url) { data.url = canonical ? canonical.href : location.href.split("#")[0]; }
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

  // The public address of a link: the same path under the site_url the page was published
  // for (its canonical URL), whatever host serves this copy. Material's config gives the
  // relative path from this page to the site root.
  function publicUrl(href, page) {
    var base = ".";
    try { base = JSON.parse(document.getElementById("__config").textContent).base || "."; } catch (e) { /* default */ }
    base = base.replace(/\/?$/, "/");
    var localRoot = new URL(base, location.href).href;
    var publicRoot = new URL(base, page.url).href;
    return href.indexOf(localRoot) === 0 ? publicRoot + href.slice(localRoot.length) : href;
  }

  // What one permalink cites: a paragraph (author: its speaker) or an annotation (its author).
  function itemFor(link, page) {
    var url = publicUrl(link.href, page);
    if (link.classList.contains("annotation-permalink")) {
      var id = decodeURIComponent(url.split("#fn:")[1] || "");
      var credit = (link.parentElement && link.parentElement.textContent) || "";
      var match = credit.match(/Annotation by (.+?), ((?:\d{1,2} )?(?:[A-Z][a-z]+ )?\d{4})\./);
      return { kind: "annotation", id: id, url: url, author: match ? match[1] : EDITION,
        created: match ? match[2] : "", title: "Annotation “" + id + "”" };
    }
    var para = link.closest(".para");
    var number = para ? para.id.replace(/^p/, "") : "";
    var speaker = para && para.closest(".turn") && para.closest(".turn").querySelector(".speaker strong");
    return { kind: "paragraph", id: para ? para.id : "", url: url,
      author: speaker ? speaker.textContent.trim() : (page.organiser || EDITION), title: "Paragraph " + number };
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

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "cite-dialog";
    dialog.setAttribute("aria-labelledby", "cite-dialog-title");
    dialog.innerHTML = '<h2 id="cite-dialog-title">Cite</h2>' +
      ["Citation", "BibTeX", "CSL-JSON"].map(function (name, i) {
        return '<div class="cite-format"><label for="cite-text-' + i + '">' + name + "</label>" +
          '<textarea id="cite-text-' + i + '" readonly rows="' + (i ? 8 : 3) + '"></textarea>' +
          '<button type="button" class="cite-copy md-button" data-target="cite-text-' + i + '">Copy ' + name + "</button></div>";
      }).join("") +
      '<p class="cite-status" role="status" aria-live="polite"></p>' +
      '<button type="button" class="cite-close md-button md-button--primary">Close</button>';
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
    var texts = [formatted(item, page), bibtex(item, page), csl(item, page)];
    dialog.querySelectorAll("textarea").forEach(function (area, i) { area.value = texts[i]; });
    dialog.querySelector("#cite-dialog-title").textContent = "Cite " + item.title.replace(/“|”/g, "");
    dialog.querySelector(".cite-status").textContent = "";
    opener = button;
    dialog.showModal();
    dialog.querySelector("textarea").focus();
  }

  function attach() {
    document.querySelectorAll(".para .permalink, .annotation-permalink").forEach(function (link) {
      if (link.dataset.citeReady) { return; }
      link.dataset.citeReady = "1";
      var button = document.createElement("button");
      var annotation = link.classList.contains("annotation-permalink");
      button.type = "button";
      button.className = "cite-button";
      button.textContent = "Cite";
      button.setAttribute("aria-haspopup", "dialog");
      var para = link.closest(".para");
      button.setAttribute("aria-label", annotation ? "Cite this annotation" : "Cite paragraph " + (para ? para.id.slice(1) : ""));
      button.addEventListener("click", function () { open(link, button); });
      link.insertAdjacentElement("afterend", button);
    });
  }

  // Attach at once (this script runs at the end of <body>), before the browser scrolls to a
  // #fragment, so the added buttons cannot push the target paragraph out of view; then again
  // after each instant navigation. attach() skips links that already have a button.
  if (document.readyState !== "loading") { attach(); } else { document.addEventListener("DOMContentLoaded", attach); }
  if (window.document$) { window.document$.subscribe(attach); }
})();
