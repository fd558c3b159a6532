// Tables readers can sort and filter: a plan's targets, the comparison of targets. Without JavaScript they are plain
// tables with every row; this script only adds to them.
//
// Sorting: tablesort (docs/assets/vendor/, loaded before this file) on every table[data-sortable]; a header cell
// sorts its column by the cells' data-sort, or else their text, in the page language's order (Chinese by pinyin),
// numbers by value. Headers with data-sort-method="none" stay put.
//
// Filtering: the generator writes the menus, in the page's language, into a <template> inside .table-filters
// (macros.j2 table_filters); they are copied onto the page here, so that without JavaScript no dead control shows.
// They filter every table[data-filterable] of the page. Each row carries a data-<filter> attribute per menu
// (generator/views.py filter_attributes): one code per commitment in the row, space-separated and in the same order
// in every attribute ("+" joins a commitment's several hedge words). A row stays when one of its commitments has
// every chosen value. The count of rows shown is announced (aria-live).
//
// share.js, loaded after this file, writes the menus' choices and the sort into the page's address and restores them
// from it, and offers the rows shown for download.
//
// Material's instant navigation is not enabled (mkdocs.yml): each page loads this script afresh.
(function () {
  "use strict";

  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });

  // Two values in their order: an empty value (a target without a year) comes after every other.
  function compareValues(a, b) {
    a = a.trim();
    b = b.trim();
    if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
    return collator.compare(a, b);
  }

  // A cell's sort value may name a second value after "|" (data-sort="2025|17": the year, then the target's place
  // in the plan), which orders equal values: tablesort would otherwise reverse the rows' order among equals. Its sort
  // functions order rows last first (tablesort reverses them for ascending order).
  function compare(a, b) {
    var x = a.split("|");
    var y = b.split("|");
    return compareValues(y[0], x[0]) || compareValues(y[1] || "", x[1] || "");
  }

  function makeSortable(table) {
    new window.Tablesort(table);
    // tablesort answers Enter on a focused header; a button-like control answers the space bar too.
    table.querySelectorAll("th[role=columnheader][tabindex]").forEach(function (th) {
      th.addEventListener("keydown", function (event) {
        if (event.key === " ") {
          event.preventDefault();
          th.click();
        }
      });
    });
  }

  // Whether one of the row's commitments has every chosen value ([{name, value}], none empty).
  function matches(row, chosen) {
    var lists = chosen.map(function (c) {
      return (row.getAttribute("data-" + c.name) || "").split(" ");
    });
    var count = Math.max.apply(null, lists.map(function (list) { return list.length; }));
    for (var i = 0; i < count; i++) {
      var all = chosen.every(function (c, j) {
        return (lists[j][i] || "").split("+").indexOf(c.value) >= 0;
      });
      if (all) return true;
    }
    return false;
  }

  function addFilters(holder) {
    var template = holder.querySelector("template");
    var tables = Array.prototype.slice.call(document.querySelectorAll("table[data-filterable]"));
    if (!template || !tables.length) return;
    var controls = template.content.cloneNode(true);
    var selects = Array.prototype.slice.call(controls.querySelectorAll("select[data-filter]"));
    var count = controls.querySelector("[data-count]");
    var rows = [];
    tables.forEach(function (table) {
      Array.prototype.push.apply(rows, table.tBodies[0].rows);
    });

    function apply() {
      var chosen = selects.filter(function (s) { return s.value; }).map(function (s) {
        return { name: s.getAttribute("data-filter"), value: s.value };
      });
      var shown = 0;
      rows.forEach(function (row) {
        row.hidden = chosen.length > 0 && !matches(row, chosen);
        if (!row.hidden) shown += 1;
      });
      tables.forEach(function (table) {
        table.hidden = !table.querySelector("tbody tr:not([hidden])");
      });
      count.textContent = count.getAttribute("data-count")
        .replace("{shown}", String(shown))
        .replace("{total}", String(rows.length));
    }

    selects.forEach(function (select) {
      select.addEventListener("change", apply);
    });
    apply();
    holder.appendChild(controls);
  }

  function enhance() {
    if (window.Tablesort) {
      window.Tablesort.extend("text", function () { return true; }, compare);
      document.querySelectorAll("table[data-sortable]").forEach(makeSortable);
    }
    document.querySelectorAll(".table-filters").forEach(addFilters);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhance);
  else enhance();
})();
