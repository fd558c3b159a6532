// A copy-link button beside each target's permalink (a.permalink, macros.j2 target_cells): it copies the row's
// full address. Added here, so that without JavaScript there is no button that cannot work; the "#" link stays.
(function () {
  var WORDS = {
    zh: { copy: "复制链接", copied: "已复制", shown: "链接已显示在地址栏" },
    en: { copy: "Copy link", copied: "Copied", shown: "Link shown in the address bar" },
  };

  function words() {
    return (document.documentElement.lang || "zh").slice(0, 2) === "en" ? WORDS.en : WORDS.zh;
  }

  function say(button, text) {
    button.textContent = text;
    window.setTimeout(function () {
      button.textContent = words().copy;
    }, 2000);
  }

  function copy(button, link) {
    var address = new URL(link.getAttribute("href"), window.location.href).href;
    button.dataset.link = address;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(address).then(
        function () {
          say(button, words().copied);
        },
        function () {
          show(button, link);
        },
      );
    } else {
      show(button, link);
    }
  }

  // Without a clipboard (a page served over plain HTTP), the address bar shows the permalink to copy by hand.
  function show(button, link) {
    window.history.replaceState(null, "", link.getAttribute("href"));
    say(button, words().shown);
  }

  function addButtons() {
    document.querySelectorAll("a.permalink").forEach(function (link) {
      if (link.nextElementSibling && link.nextElementSibling.classList.contains("copy-link")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      button.textContent = words().copy;
      // Its name starts with the words it shows (WCAG "label in name"), then the target's ID.
      button.setAttribute("aria-label", words().copy + " " + link.getAttribute("href").slice(1));
      button.addEventListener("click", function () {
        copy(button, link);
      });
      link.insertAdjacentElement("afterend", button);
    });
  }

  document.addEventListener("DOMContentLoaded", addButtons);
})();
