/*
 * Citation tooltips, each set up when a reader first needs it.
 *
 * Pointing at a citation number, tapping it or reaching it with Tab shows its
 * reference in a small box beside it. Material for MkDocs's own feature for
 * this (content.footnote.tooltips) prepares every citation of a page as the
 * page opens: 150 on the case page, about a quarter of the theme's start-up
 * work on a phone. So that feature is off in mkdocs.yml, and this file does
 * the same job for one citation at the moment a reader points at it, taps it
 * or focuses it. Nothing runs while the page opens but a few listeners.
 *
 * The box is Material's own (the same markup and classes, so the same look in
 * both colour schemes), and it behaves as Material's did:
 *   - it shows while the pointer is on the number or on the box, and stays a
 *     quarter of a second after the pointer leaves, so the pointer can move
 *     onto the box (to select or scroll the reference);
 *   - it shows while the number has keyboard focus;
 *   - it opens above the number in the lower half of the screen, below it in
 *     the upper half, and follows the number when a table scrolls;
 *   - a click or a tap still follows the link to the reference at the foot of
 *     the page.
 * Escape also hides it, as WCAG 1.4.13 asks, until the reader points at or
 * focuses a citation again.
 */
(function () {
  "use strict";

  var CITATION = '[data-md-component="content"] a.footnote-ref';
  var LINGER_MS = 250;  // Material's: time to move the pointer onto the box
  var GAP_PX = 16;      // Material's: space between the number and the box
  var tooltips = new Map();      // citation link -> its tooltip
  var tooltipOfBox = new WeakMap();
  var made = 0;

  function citationAt(target) {
    return target instanceof Element ? target.closest(CITATION) : null;
  }

  function tooltipAt(target) {
    var box = target instanceof Element ? target.closest(".md-tooltip2") : null;
    return box ? tooltipOfBox.get(box) : undefined;
  }

  function tooltipFor(citation) {
    var tooltip = tooltips.get(citation);
    if (!tooltip) {
      tooltip = {citation: citation, box: null, pointer: false, focus: false, dismissed: false,
                 pointerTimer: 0, removeTimer: 0, id: "__citation_tooltip_" + made++};
      tooltips.set(citation, tooltip);
    }
    return tooltip;
  }

  // The reference the citation links to: an item of the list at the foot of the page.
  function referenceOf(citation) {
    var id = citation.hash.slice(1);
    return document.getElementById(id) || document.getElementById(decodeURIComponent(id));
  }

  function makeBox(tooltip) {
    var reference = referenceOf(tooltip.citation);
    if (!reference) return null;
    var box = document.createElement("div");
    box.className = "md-tooltip2";
    box.setAttribute("role", "dialog");
    box.id = tooltip.id;
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    inner.append.apply(inner, Array.from(reference.cloneNode(true).children));
    box.append(inner);
    tooltipOfBox.set(box, tooltip);
    return box;
  }

  // Where the box goes: Material's variables, read by Material's styles.
  function placeBox(tooltip) {
    var where = tooltip.citation.getBoundingClientRect();
    tooltip.box.style.setProperty("--md-tooltip-host-x", where.x + window.scrollX + "px");
    tooltip.box.style.setProperty("--md-tooltip-host-y", where.y + window.scrollY + "px");
  }

  function chooseSide(tooltip) {
    var where = tooltip.citation.getBoundingClientRect();
    var y = where.y >= window.innerHeight / 2 ? -GAP_PX - tooltip.box.offsetHeight : GAP_PX + where.height;
    tooltip.box.style.setProperty("--md-tooltip-x", where.width / 2 + "px");
    tooltip.box.style.setProperty("--md-tooltip-y", y + "px");
    tooltip.box.classList.toggle("md-tooltip2--top", y < 0);
    tooltip.box.classList.toggle("md-tooltip2--bottom", y >= 0);
  }

  function isWanted(tooltip) {
    return !tooltip.dismissed && (tooltip.pointer || tooltip.focus);
  }

  function show(tooltip) {
    clearTimeout(tooltip.removeTimer);
    if (!tooltip.box) {
      tooltip.box = makeBox(tooltip);
      if (!tooltip.box) return;
      document.body.append(tooltip.box);
    }
    placeBox(tooltip);
    chooseSide(tooltip);
    tooltip.citation.setAttribute("aria-controls", tooltip.id);
    tooltip.citation.setAttribute("aria-haspopup", "dialog");
    // A frame later, so the box fades in rather than appearing at once.
    requestAnimationFrame(function () {
      if (tooltip.box && isWanted(tooltip)) tooltip.box.classList.add("md-tooltip2--active");
    });
  }

  function hide(tooltip) {
    tooltip.citation.removeAttribute("aria-controls");
    tooltip.citation.removeAttribute("aria-haspopup");
    if (!tooltip.box) return;
    tooltip.box.classList.remove("md-tooltip2--active");
    clearTimeout(tooltip.removeTimer);
    // Removed once it has faded out, to keep the page small.
    tooltip.removeTimer = setTimeout(function () {
      if (tooltip.box && !isWanted(tooltip)) {
        tooltip.box.remove();
        tooltip.box = null;
      }
    }, LINGER_MS);
  }

  function update(tooltip) {
    if (isWanted(tooltip)) show(tooltip);
    else hide(tooltip);
  }

  function pointerArrives(tooltip) {
    clearTimeout(tooltip.pointerTimer);
    tooltip.dismissed = tooltip.dismissed && tooltip.pointer;
    tooltip.pointer = true;
    update(tooltip);
  }

  function pointerLeaves(tooltip) {
    clearTimeout(tooltip.pointerTimer);
    tooltip.pointerTimer = setTimeout(function () {
      tooltip.pointer = false;
      tooltip.dismissed = tooltip.dismissed && tooltip.focus;
      update(tooltip);
    }, LINGER_MS);
  }

  // The pointer moving onto or off a citation or its box (a tap counts: the
  // browser moves the pointer there before the click).
  document.addEventListener("mouseover", function (event) {
    var citation = citationAt(event.target);
    var tooltip = citation ? tooltipFor(citation) : tooltipAt(event.target);
    if (tooltip && !isOnTooltip(tooltip, event.relatedTarget)) pointerArrives(tooltip);
  });
  document.addEventListener("mouseout", function (event) {
    var citation = citationAt(event.target);
    var tooltip = citation ? tooltips.get(citation) : tooltipAt(event.target);
    if (tooltip && !isOnTooltip(tooltip, event.relatedTarget)) pointerLeaves(tooltip);
  });

  // Whether `node` is the citation, its box, or inside either.
  function isOnTooltip(tooltip, node) {
    return node instanceof Node && (tooltip.citation.contains(node) || (tooltip.box !== null && tooltip.box.contains(node)));
  }

  document.addEventListener("focusin", function (event) {
    var citation = citationAt(event.target);
    if (!citation) return;
    var tooltip = tooltipFor(citation);
    tooltip.focus = true;
    update(tooltip);
  });
  document.addEventListener("focusout", function (event) {
    var tooltip = tooltips.get(citationAt(event.target));
    if (!tooltip) return;
    tooltip.focus = false;
    tooltip.dismissed = tooltip.dismissed && tooltip.pointer;
    update(tooltip);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    tooltips.forEach(function (tooltip) {
      if (tooltip.box && isWanted(tooltip)) {
        tooltip.dismissed = true;
        update(tooltip);
      }
    });
  });

  // Keep open boxes beside their numbers when a table or the window scrolls or resizes.
  var placing = false;
  function placeOpenBoxes() {
    if (placing) return;
    placing = true;
    requestAnimationFrame(function () {
      placing = false;
      tooltips.forEach(function (tooltip) {
        if (tooltip.box) placeBox(tooltip);
      });
    });
  }
  document.addEventListener("scroll", function () {
    if (tooltips.size) placeOpenBoxes();
  }, {capture: true, passive: true});
  window.addEventListener("resize", function () {
    if (tooltips.size) placeOpenBoxes();
  }, {passive: true});
})();
