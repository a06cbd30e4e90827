/*
 * No "switching colours" mark while a page opens, when no colours switch.
 *
 * Whenever Material for MkDocs applies a colour scheme, it marks <body> with
 * data-md-color-switching (its styles then turn off every animation) and
 * removes the mark a moment later. It also applies the scheme once as each
 * page opens, and then the mark and its removal each make the browser restyle
 * every element of the page: two of the five full restylings in Material's
 * start-up, a tenth of a second on a long page on a phone. Most often that
 * start-up scheme is the one the page already shows (the reader's saved
 * choice, which Material's small script in the header has already put on
 * <body>, or the default), so nothing switches and the mark only costs time. This
 * file runs just before Material's script and, in that case only, leaves the
 * start-up mark out. When a reader switches colours later, or the page opens
 * in another scheme than it shows, the mark is made as before.
 */
(function () {
  "use strict";

  var MARK = "data-md-color-switching";
  var body = document.body;

  // The scheme Material applies at start-up: the reader's saved choice, which is
  // on <body> already; else the first scheme whose media query the screen matches
  // (the first scheme if none does), as Material's palette component picks it.
  function startScheme() {
    var saved = null;
    try {
      saved = __md_get("__palette");  // Material's own reading of the saved choice
    } catch (error) {
      // No saved choice can be read (storage blocked): Material then uses the media queries too.
    }
    if (saved && saved.color) return body.getAttribute("data-md-color-scheme");
    var choices = document.querySelectorAll('[data-md-component="palette"] input[data-md-color-media]');
    for (var i = 0; i < choices.length; i++) {
      if (matchMedia(choices[i].getAttribute("data-md-color-media")).matches) {
        return choices[i].getAttribute("data-md-color-scheme");
      }
    }
    return choices.length ? choices[0].getAttribute("data-md-color-scheme") : null;
  }

  if (startScheme() !== body.getAttribute("data-md-color-scheme")) return;
  body.setAttribute = function (name, value) {
    if (name !== MARK) Element.prototype.setAttribute.call(this, name, value);
  };
  // Material's start-up has run by then (its script comes before the end of the page).
  document.addEventListener("DOMContentLoaded", function () {
    delete body.setAttribute;
  }, {once: true});
})();
