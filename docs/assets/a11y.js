// Material's search overlay is a role="dialog" without a name; screen readers
// announce it as an unnamed dialog (axe: aria-dialog-name). Name it after its
// own search field's label instead of overriding the whole theme partial.
(function () {
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role='dialog']");
    var input = dialog && dialog.querySelector("input[aria-label]");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
    }
  }
  document.addEventListener("DOMContentLoaded", nameSearchDialog);
})();
