// Copy-link buttons on question pages: the canonical URL, or a Markdown link
// `[N. title](url)` for bloggers.  Feedback goes to a live region and the button.
"use strict";

(function () {
  function canonical() {
    var link = document.querySelector('link[rel="canonical"]');
    return link ? link.href : location.href.split("#")[0];
  }

  function fallbackCopy(text) {
    // for browsers without the async clipboard API (or a non-secure origin)
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand("copy");
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext)
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    return fallbackCopy(text);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.qa-copy");
    if (!button) return;
    var url = canonical();
    var text = button.dataset.copy === "markdown" ? "[" + button.dataset.title + "](" + url + ")" : url;
    var status = button.parentElement.querySelector(".qa-copy-status");
    copy(text).then(function () {
      button.classList.add("qa-copy--done");
      if (status) status.textContent = status.dataset.done + ": " + text;
      setTimeout(function () { button.classList.remove("qa-copy--done"); }, 2000);
    });
  });
})();
