// The search page: Pagefind's interface, started with the query the form sent (?q=).
// Pagefind picks the index of the page's language from <html lang>.
(function () {
  var ui = new PagefindUI({ element: "#search", showSubResults: true, resetStyles: false });
  // Pagefind's field is labelled by its title only; name it by its placeholder for screen readers.
  var field = document.querySelector("#search input");
  if (field && !field.hasAttribute("aria-label")) {
    field.setAttribute("aria-label", field.getAttribute("placeholder") || document.title);
  }
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
})();
