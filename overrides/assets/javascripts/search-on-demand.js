/*
 * The search index, downloaded only when a reader opens search.
 *
 * Material for MkDocs downloads the whole search index (both languages, the
 * largest file of the site) as soon as any page opens, although most readers
 * never search. This file runs just before Material's own script
 * (overrides/main.html) and holds back that one request until the reader
 * first opens search:
 *   - by tapping or clicking the search button or the search box;
 *   - by moving into the search box from the keyboard (Tab, or the "/", "s"
 *     and "f" shortcuts, which Material answers by focusing the box);
 *   - at once, if the page opens with a search in its address (?q=, as the
 *     "page not found" search box sends) or with words to highlight (?h=,
 *     as a search result link carries), or with search already open.
 * Everything else about search stays Material's. Material asks for the index
 * with XMLHttpRequest, so only a request whose address ends in
 * search/search_index.json is held; every other request goes as before. If
 * this file does not load, search still works, with the index downloaded at
 * once as before.
 */
(function () {
  "use strict";

  var INDEX_ADDRESS = /\/search\/search_index\.json(?:[?#]|$)/;
  var indexRequests = new WeakSet();
  var waiting = [];          // sends of index requests, run when search opens
  var searchOpened = false;

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    if (INDEX_ADDRESS.test(String(url))) indexRequests.add(this);
    else indexRequests.delete(this);
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    if (searchOpened || !indexRequests.has(this)) return send.apply(this, arguments);
    var request = this, body = arguments;
    waiting.push(function () {
      // Material may have given up on the request meanwhile (it aborts on leaving).
      if (request.readyState === XMLHttpRequest.OPENED) send.apply(request, body);
    });
  };

  function openSearch() {
    if (searchOpened) return;
    searchOpened = true;
    document.removeEventListener("pointerdown", onPointerDown, true);
    document.removeEventListener("focusin", onFocus, true);
    document.removeEventListener("change", onChange, true);
    waiting.splice(0).forEach(function (sendNow) { sendNow(); });
  }

  // The search button in the header, the search box and its dialog.
  function isSearchControl(target) {
    return target instanceof Element && target.closest('label[for="__search"], .md-search') !== null;
  }

  function onPointerDown(event) {
    if (isSearchControl(event.target)) openSearch();
  }

  function onFocus(event) {
    if (isSearchControl(event.target)) openSearch();
  }

  // Material opens and closes search with the checkbox #__search.
  function onChange(event) {
    if (event.target.id === "__search" && event.target.checked) openSearch();
  }

  function searchIsAlreadyOpen() {
    var toggle = document.getElementById("__search");
    return (toggle !== null && toggle.checked) || isSearchControl(document.activeElement);
  }

  var address = new URLSearchParams(location.search);
  if (address.has("q") || address.has("h")) {
    searchOpened = true;
    return;
  }
  document.addEventListener("pointerdown", onPointerDown, true);
  document.addEventListener("focusin", onFocus, true);
  document.addEventListener("change", onChange, true);
  if (searchIsAlreadyOpen()) openSearch();
})();
