// The language menu (overrides/partials/alternate.html) leads to the same page in the other edition; at the moment
// of the click it also carries what the address holds beyond the page: the row or passage (#…) and the query or the
// table's view (?…), which search.js and tables.js keep in the address. Without JavaScript the link still leads to
// the page.
//
// The 404 page is served at any address. A host that has one 404 page for the whole site serves the Chinese
// edition's also under en/: there it opens the English edition's own, whose menu and search lead to English pages.
(function () {
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link) return;
    var url = new URL(link.href, window.location.href);
    url.search = window.location.search;
    url.hash = window.location.hash;
    link.href = url.href;
  });

  document.addEventListener("DOMContentLoaded", function () {
    var article = document.querySelector("article");
    var english = article && article.querySelector("a.edition-home[hreflang=en]");
    if (!english || document.documentElement.lang === "en") return;
    var root = new URL(english.getAttribute("href"), window.location.href);
    if (window.location.pathname.indexOf(root.pathname) === 0) {
      window.location.replace(new URL("404.html", root).href);
    }
  });
})();
