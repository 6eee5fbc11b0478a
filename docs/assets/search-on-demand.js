// Material asks for the whole search index (search/search_index.json) as every page starts, which costs a phone
// the download and the parsing before the reader has asked for anything. This script, loaded before Material's
// (overrides/main.html), holds that one request back until the reader opens the search: a tap or click on the
// search button or field, focus in the field (Material's "/", "s" and "f" keys focus it), or a page opened from a
// search result (?h=…, whose terms Material highlights with the index). Material then goes on as usual.
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(\?|$)/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var released = /[?&]h=/.test(window.location.search);
  var waiting = [];

  function release() {
    if (released) { return; }
    released = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.editionSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.editionSearchIndex && !released) {
      waiting.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };

  function wantsSearch(event) {
    var target = event.target;
    return Boolean(target && target.closest && target.closest(".md-search, label[for='__search'], [data-md-toggle='search']"));
  }
  document.addEventListener("pointerdown", function (event) { if (wantsSearch(event)) { release(); } }, true);
  document.addEventListener("focusin", function (event) { if (wantsSearch(event)) { release(); } }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") { release(); }
  }, true);
})();
