// Highlight every run of the quoted passage a link points at (#<target id>),
// including the runs after the first; without JavaScript CSS marks the first run.
(function () {
  function highlight() {
    document.querySelectorAll("mark.passage.is-target").forEach(function (m) {
      m.classList.remove("is-target");
    });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    document.querySelectorAll("mark.passage[data-targets]").forEach(function (m) {
      if (m.dataset.targets.split(" ").indexOf(id) >= 0) m.classList.add("is-target");
    });
  }
  window.addEventListener("hashchange", highlight);
  document.addEventListener("DOMContentLoaded", highlight);
})();
