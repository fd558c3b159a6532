// The header of a long table stays in view under the theme's top bar while the table's rows go by (issue 28).
//
// position: sticky cannot do it here: a wide table scrolls sideways inside its own box (Material's
// .md-typeset__scrollwrap, overflow-x: auto), and such a box is the one a sticky header sticks in, not the page.
// So the header is moved down by as much as the page has scrolled past the table's top, never below its last row;
// it stays inside its box, and scrolls sideways with the table. Without JavaScript the header stays on top.
(function () {
  "use strict";

  var tables = [];

  // The bottom of the theme's top bar: the line under which the header is held.
  function topLine() {
    var bar = document.querySelector(".md-header");
    return bar ? Math.max(0, bar.getBoundingClientRect().bottom) : 0;
  }

  // Run on every scroll event (at most one a frame): a few tables, one measure and one transform each.
  function place() {
    var line = topLine();
    tables.forEach(function (table) {
      var head = table.tHead;
      var box = table.getBoundingClientRect();
      var shift = Math.max(0, Math.min(line - box.top, box.height - head.offsetHeight));
      head.style.transform = shift > 0 ? "translateY(" + shift + "px)" : "";
      table.classList.toggle("is-stuck", shift > 0);
    });
  }

  function start() {
    // Tables with a header, longer than the screen: on a shorter one the header never leaves the view.
    tables = Array.prototype.slice.call(document.querySelectorAll(".md-typeset table")).filter(function (table) {
      return table.tHead && table.tBodies.length && table.offsetHeight > window.innerHeight;
    });
    if (!tables.length) return;
    window.addEventListener("scroll", place, { passive: true });
    window.addEventListener("resize", place);
    // Filters hide rows and sorting reorders them: the table's height changes.
    document.addEventListener("change", place);
    document.addEventListener("click", place);
    place();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
