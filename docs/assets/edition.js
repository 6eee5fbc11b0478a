// Highlight the paragraph a permalink points to, also after Material's instant navigation.
(function () {
  function highlight() {
    document.querySelectorAll(".para.is-target").forEach(function (el) { el.classList.remove("is-target"); });
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.classList.contains("para")) { el.classList.add("is-target"); }
  }
  window.addEventListener("hashchange", highlight);
  if (window.document$) { window.document$.subscribe(highlight); } else { document.addEventListener("DOMContentLoaded", highlight); }
})();
