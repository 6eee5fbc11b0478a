// A printed transcript is read with its notes beside the passages, not twenty pages away: just before printing,
// each question's notes are moved after that question (those before the first question, before it), as a list
// numbered as the markers are; after printing they go back to the list at the page end. The printout also says
// when the page was read: the access date next to its address (overrides/main.html writes the address).
(function () {
  "use strict";
  var home = null;  // the notes' own list, and its items in their order, while they are away

  function longDate(date) {
    return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  function stampAccessDate() {
    var now = new Date();
    document.querySelectorAll(".print-source__date").forEach(function (time) {
      time.dateTime = now.toISOString().slice(0, 10);
      time.textContent = longDate(now);
      time.closest(".print-source__accessed").hidden = false;
    });
  }

  // The question heading a note's marker follows (null before the first question).
  function headingOf(marker, headings) {
    var owner = null;
    headings.forEach(function (h) {
      if (h.compareDocumentPosition(marker) & Node.DOCUMENT_POSITION_FOLLOWING) { owner = h; }
    });
    return owner;
  }

  function groupNotes() {
    var list = document.querySelector(".md-content__inner > .footnote > ol");
    var headings = Array.prototype.slice.call(document.querySelectorAll(".md-content__inner > h2[id^='q']"));
    if (!list || !headings.length || home) { return; }
    var items = Array.prototype.slice.call(list.children);
    home = { list: list, items: items, groups: [] };
    var groups = new Map();
    items.forEach(function (item) {
      var marker = document.getElementById("fnref:" + item.id.slice(3));
      if (!marker) { return; }
      var owner = headingOf(marker, headings);
      if (!groups.has(owner)) { groups.set(owner, []); }
      item.value = parseInt(marker.textContent.replace(/\D/g, ""), 10);  // the number its marker shows
      groups.get(owner).push(item);
    });
    var end = document.getElementById("notes") || list.parentElement;
    groups.forEach(function (notes, owner) {
      var next = owner === null ? headings[0] : (headings[headings.indexOf(owner) + 1] || end);
      var title = owner === null ? "Notes before " + headings[0].id.toUpperCase() : "Notes to " + owner.id.toUpperCase();
      var section = document.createElement("section");
      section.className = "footnote print-notes";
      section.innerHTML = '<p class="print-notes__title"></p><ol></ol>';
      section.firstChild.textContent = title;
      notes.forEach(function (item) { section.lastChild.appendChild(item); });
      next.parentNode.insertBefore(section, next);
      home.groups.push(section);
    });
    document.documentElement.classList.add("print-notes-grouped");
  }

  function ungroupNotes() {
    if (!home) { return; }
    home.items.forEach(function (item) { item.removeAttribute("value"); home.list.appendChild(item); });
    home.groups.forEach(function (section) { section.remove(); });
    document.documentElement.classList.remove("print-notes-grouped");
    home = null;
  }

  window.addEventListener("beforeprint", function () { stampAccessDate(); groupNotes(); });
  window.addEventListener("afterprint", ungroupNotes);
  if (window.document$) { window.document$.subscribe(function () { home = null; }); }
})();
