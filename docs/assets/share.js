// Shareable views and the rows you see, on the pages whose targets tables tables.js makes sortable and filterable
// (a plan's targets, the comparison of targets). Loaded after tables.js, whose menus and sorting it reads and sets.
//
// The view in the address: each filter chosen is a query parameter named as its menu (data-filter: ?year=2025&area=
// energy), the sort one `sort` parameter per sorted table: the column's key (macros.j2 th: data-key, the same in
// both editions), "-" first when descending, and "N." first for the Nth sortable table of the page when it is not the
// first (?sort=-year, ?sort=3.indicator). history.replaceState keeps the address current as the reader chooses, so
// that a copied address opens the same view; the #row fragment is kept. On opening, a parameter is used only when its
// value is one of its menu's options or a sortable column's key, compared as text and never written into the page:
// any other is ignored, and dropped from the address at the next choice. Other parameters are kept as they are.
//
// Sorting starts from the rows' order in the page every time (on tablesort's beforeSort), so that a view is its
// filters and its last sort alone, whatever the reader clicked before: the shared address shows the same order.
//
// "Download these rows": exactly the rows shown (not hidden by a filter), in the order shown, made here as a file:
// CSV (UTF-8 with a byte-order mark, for Excel and WPS; a text beginning with = + - @, a tab or a carriage return is
// written with a leading apostrophe, as the site's own CSV files of charts are: generator/pages/charts.py table_csv)
// or JSON. Each row holds the text of the table's cells (without its buttons and "#" links), after the row's ID when
// it has one (a plan's target_id) and the table's group when the page has several tables (the comparison's action
// areas); the CSV's last two columns repeat the data's version and the address of the view on every row, so that a
// spreadsheet opens a plain table and every row keeps where it came from. The JSON names them once (version, view)
// with the columns' keys and labels. The file's name is the table's (data-download), the edition's, the version's.
(function () {
  "use strict";

  var WORDS = {
    zh: {
      csv: "下载这些行（CSV）",
      json: "下载这些行（JSON）",
      id: "ID",
      area: "行动领域",
      version: "数据版本",
      view: "本视图地址",
    },
    en: {
      csv: "Download these rows (CSV)",
      json: "Download these rows (JSON)",
      id: "ID",
      area: "Action area",
      version: "Data version",
      view: "Address of this view",
    },
  };
  var FORMULA_START = ["=", "+", "-", "@", "\t", "\r"];
  var SORT = "sort";
  var SORT_VALUE = /^(?:([1-9][0-9]{0,2})\.)?(-?)([A-Za-z0-9][A-Za-z0-9_-]*)$/;

  function english() {
    return (document.documentElement.lang || "zh").slice(0, 2) === "en";
  }

  function words() {
    return english() ? WORDS.en : WORDS.zh;
  }

  function toArray(list) {
    return Array.prototype.slice.call(list);
  }

  // The header cells a reader can sort by, with their keys.
  function sortableHeaders(table) {
    return toArray(table.querySelectorAll("thead th[data-key]")).filter(function (th) {
      return th.getAttribute("data-sort-method") !== "none";
    });
  }

  // --- The view as query parameters ---

  function filterParameters(selects) {
    return selects
      .filter(function (select) { return select.value; })
      .map(function (select) { return [select.getAttribute("data-filter"), select.value]; });
  }

  function sortParameters(tables) {
    var values = [];
    tables.forEach(function (table, index) {
      var current = sortableHeaders(table).filter(function (th) { return th.hasAttribute("aria-sort"); })[0];
      if (!current) return;
      var value = (current.getAttribute("aria-sort") === "descending" ? "-" : "") + current.getAttribute("data-key");
      values.push([SORT, (index ? index + 1 + "." : "") + value]);
    });
    return values;
  }

  // The page's address with the view's parameters in place of any earlier ones; ``hash``: with the fragment.
  function viewAddress(selects, tables, hash) {
    var url = new URL(window.location.href);
    var own = selects.map(function (select) { return select.getAttribute("data-filter"); }).concat([SORT]);
    var kept = [];
    url.searchParams.forEach(function (value, name) {
      if (own.indexOf(name) < 0) kept.push([name, value]);
    });
    var query = kept.concat(filterParameters(selects), sortParameters(tables)).map(function (pair) {
      return encodeURIComponent(pair[0]) + "=" + encodeURIComponent(pair[1]);
    });
    url.search = query.length ? "?" + query.join("&") : "";
    if (!hash) url.hash = "";
    return url.href;
  }

  // Sets the menus and sorts from the address; whether it changed the view.
  function restore(selects, tables) {
    var params = new URLSearchParams(window.location.search);
    var changed = false;
    selects.forEach(function (select) {
      var wanted = params.get(select.getAttribute("data-filter"));
      if (!wanted) return;
      var known = toArray(select.options).some(function (option) { return option.value === wanted; });
      if (!known || select.value === wanted) return;
      select.value = wanted;
      select.dispatchEvent(new Event("change"));
      changed = true;
    });
    var sorts = {};
    params.getAll(SORT).forEach(function (value) {
      var parts = SORT_VALUE.exec(value);
      if (!parts) return;
      var table = tables[(parts[1] ? Number(parts[1]) : 1) - 1];
      if (!table) return;
      var header = sortableHeaders(table).filter(function (th) { return th.getAttribute("data-key") === parts[3]; })[0];
      if (header) sorts[tables.indexOf(table)] = { header: header, descending: parts[2] === "-" };
    });
    Object.keys(sorts).forEach(function (index) {
      var sort = sorts[index];
      sort.header.click(); // ascending first (tablesort), then descending
      if (sort.descending) sort.header.click();
      changed = true;
    });
    return changed;
  }

  // --- The rows shown, as a file ---

  function cellText(cell) {
    var copy = cell.cloneNode(true);
    copy.querySelectorAll("button, a.permalink, .glance__links, .headerlink, template").forEach(function (node) {
      node.remove();
    });
    copy.querySelectorAll("br").forEach(function (br) {
      br.replaceWith("\n");
    });
    return copy.textContent
      .split("\n")
      .map(function (line) { return line.replace(/\s+/g, " ").trim(); })
      .filter(Boolean)
      .join("\n");
  }

  // The columns ({key, label}) and the rows shown (objects by key), from every table of the page.
  function shownRows(tables) {
    var headers = toArray(tables[0].querySelectorAll("thead th"));
    var columns = headers.map(function (th, index) {
      return { key: th.getAttribute("data-key") || "column" + (index + 1), label: cellText(th) };
    });
    var rows = [];
    var ids = false;
    var grouped = tables.length > 1 && tables.every(function (table) { return table.hasAttribute("data-group"); });
    tables.forEach(function (table) {
      if (table.hidden) return;
      toArray(table.tBodies[0].rows).forEach(function (row) {
        if (row.hidden) return;
        var record = {};
        if (row.id) {
          record.id = row.id;
          ids = true;
        }
        if (grouped) record.area = table.getAttribute("data-group");
        toArray(row.cells).forEach(function (cell, index) {
          if (columns[index]) record[columns[index].key] = cellText(cell);
        });
        rows.push(record);
      });
    });
    var first = [];
    if (ids) first.push({ key: "id", label: words().id });
    if (grouped) first.push({ key: "area", label: words().area });
    return { columns: first.concat(columns), rows: rows };
  }

  // A CSV cell as the site's CSV files write it: a formula-like text with a leading apostrophe, quoted when needed.
  function csvCell(text) {
    text = text == null ? "" : String(text);
    if (text && FORMULA_START.indexOf(text.charAt(0)) >= 0) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csvFile(table, version, view) {
    var w = words();
    var lines = [table.columns.map(function (c) { return c.label; }).concat([w.version, w.view])];
    table.rows.forEach(function (row) {
      lines.push(table.columns.map(function (c) { return row[c.key]; }).concat([version, view]));
    });
    var text = lines.map(function (line) { return line.map(csvCell).join(","); }).join("\n") + "\n";
    return new Blob(["\ufeff" + text], { type: "text/csv;charset=utf-8" });
  }

  function jsonFile(table, version, view) {
    var data = {
      title: document.title,
      version: version,
      view: view,
      language: english() ? "en" : "zh",
      columns: table.columns,
      rows: table.rows.map(function (row) {
        var ordered = {};
        table.columns.forEach(function (c) { ordered[c.key] = row[c.key] == null ? "" : row[c.key]; });
        return ordered;
      }),
    };
    return new Blob([JSON.stringify(data, null, 1) + "\n"], { type: "application/json;charset=utf-8" });
  }

  function save(blob, name) {
    var link = document.createElement("a");
    var address = URL.createObjectURL(blob);
    link.href = address;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(address); }, 10000);
  }

  function fileName(holder, format) {
    var version = holder.getAttribute("data-version") || "";
    var parts = [holder.getAttribute("data-download") || "rows"];
    if (english()) parts.push("en");
    if (version) parts.push(version);
    return parts.join("-").replace(/[^A-Za-z0-9._+-]/g, "_") + "." + format;
  }

  function addDownloads(holder, selects, tables) {
    var box = document.createElement("div");
    box.className = "table-download";
    ["csv", "json"].forEach(function (format) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button table-download__button";
      button.setAttribute("data-download-format", format);
      button.textContent = words()[format];
      button.addEventListener("click", function () {
        var version = holder.getAttribute("data-version") || "";
        var view = viewAddress(selects, tables, false);
        var rows = shownRows(tables);
        var make = format === "csv" ? csvFile : jsonFile;
        save(make(rows, version, view), fileName(holder, format));
      });
      box.appendChild(button);
    });
    holder.appendChild(box);
  }

  // --- The page ---

  function share(holder) {
    var selects = toArray(holder.querySelectorAll("select[data-filter]"));
    var filterable = toArray(document.querySelectorAll("table[data-filterable]"));
    var tables = toArray(document.querySelectorAll("table[data-sortable]"));
    if (!selects.length || !filterable.length) return; // tables.js did not add the menus
    var restoring = true;

    function write() {
      if (restoring) return;
      window.history.replaceState(window.history.state, "", viewAddress(selects, tables, true));
    }

    tables.forEach(function (table) {
      var body = table.tBodies[0];
      var order = toArray(body.rows);
      table.addEventListener("beforeSort", function () {
        order.forEach(function (row) { body.appendChild(row); });
      });
      table.addEventListener("afterSort", write);
    });
    selects.forEach(function (select) {
      select.addEventListener("change", write);
    });
    var changed = restore(selects, tables);
    restoring = false;
    if (changed) {
      write();
      scrollToFragment();
    }
    addDownloads(holder, selects, filterable);
  }

  // The row the address names, brought back into view after the rows above it were filtered or sorted.
  function scrollToFragment() {
    var id;
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {
      return;
    }
    var target = id && document.getElementById(id);
    if (target && !target.closest("[hidden]")) target.scrollIntoView();
  }

  function enhance() {
    document.querySelectorAll(".table-filters").forEach(share);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhance);
  else enhance();
})();
