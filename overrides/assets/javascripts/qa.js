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

  // The page's heading as plain text, without its permalink sign: "9. How do you quantize an LLM?"
  function headingText() {
    var text = "";
    document.querySelector("article h1").childNodes.forEach(function (node) {
      if (!(node.classList && node.classList.contains("headerlink"))) text += node.textContent;
    });
    return text.trim();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.qa-copy");
    if (!button) return;
    var url = canonical();
    var text = button.dataset.copy === "markdown" ? "[" + headingText() + "](" + url + ")" : url;
    var status = button.parentElement.querySelector(".qa-copy-status");
    copy(text).then(function () {
      button.classList.add("qa-copy--done");
      if (status) status.textContent = status.dataset.done + ": " + text;
      setTimeout(function () { button.classList.remove("qa-copy--done"); }, 2000);
    });
  });
})();

// Index page: filter the list by topic and difficulty without leaving the page.
// Without JavaScript the form stays invisible (qa.css) and the list is simply complete.
(function () {
  var form = document.querySelector("form.qa-filter");
  if (!form) return;
  var count = form.querySelector(".qa-filter-count");
  var sections = document.querySelectorAll("section.qa-topic");

  function apply() {
    var wanted = {};
    form.querySelectorAll("select[data-filter]").forEach(function (select) {
      wanted[select.dataset.filter] = select.value;
    });
    var shown = 0;
    sections.forEach(function (section) {
      var visible = 0;
      section.querySelectorAll("a[data-slug]").forEach(function (link) {
        // a question's topic is its section's; its difficulty and origin are on its link
        var facts = { topic: section.dataset.topic, difficulty: link.dataset.difficulty, origin: link.dataset.origin };
        var match = Object.keys(wanted).every(function (key) { return !wanted[key] || facts[key] === wanted[key]; });
        link.closest("li").hidden = !match;
        if (match) visible++;
      });
      section.hidden = visible === 0;
      shown += visible;
    });
    count.textContent = count.dataset.template
      .replace("{shown}", shown).replace("{total}", count.dataset.total);
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  // the list starts complete; filter on load only if the browser restored a choice
  var restored = [].some.call(form.querySelectorAll("select"), function (s) { return s.value; });
  if (restored) apply();
  else count.textContent = count.dataset.template
    .replace("{shown}", count.dataset.total).replace("{total}", count.dataset.total);
})();

// Material adds a <nav> with a copy button to every code block; several unnamed
// navigation landmarks on one page confuse screen readers (axe: landmark-unique).
// Name each one after the block it belongs to.
(function () {
  var label = document.documentElement.lang.indexOf("zh") === 0 ? "代码块操作" : "Code block actions";
  function name() {
    document.querySelectorAll("nav.md-code__nav:not([aria-label])").forEach(function (nav) {
      var block = nav.closest("[id^='__code_']");
      nav.setAttribute("aria-label", label + " " + (block ? Number(block.id.slice(7)) + 1 : ""));
    });
  }
  new MutationObserver(name).observe(document.body, { childList: true, subtree: true });
  name();
})();

// Search loads its index on first use; when the reader moves to the search field,
// fetch the files the search worker will need, so the first results come quickly.
(function () {
  var input = document.querySelector("input.md-search__input");
  var config = document.getElementById("__config");
  if (!input || !config) return;
  var warmed = false;
  function warm() {
    if (warmed) return;
    warmed = true;
    var worker = new URL(JSON.parse(config.textContent).search, location.href);
    ["index", "material"].forEach(function (name) {
      var file = worker.searchParams.get(name);
      if (file) fetch(new URL(file, worker)).catch(function () {});
    });
  }
  input.addEventListener("focus", warm);
  document.querySelector("label[for=__search]") &&
    document.querySelector("label[for=__search]").addEventListener("pointerenter", warm);
})();

// "Expand all" / "Collapse all": open or close every answer on the page.
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("button[data-expand]");
  if (!button) return;
  var open = button.dataset.expand === "open";
  document.querySelectorAll(".md-content details").forEach(function (details) { details.open = open; });
});

// Self-test: "I knew it" / "review again" per question, kept in this browser only
// (localStorage, keyed by the question's slug, which both languages share).  The
// index shows each question's mark and the progress, with a reset.
(function () {
  var KEY = "llm-inference-qa:self-test";
  var MARKS = ["known", "review"];

  function load() {
    try {
      var marks = JSON.parse(localStorage.getItem(KEY) || "{}");
      return marks && typeof marks === "object" ? marks : {};
    } catch (error) {
      return {}; // storage blocked or unreadable: the page still works, without marks
    }
  }

  function save(marks) {
    try { localStorage.setItem(KEY, JSON.stringify(marks)); } catch (error) { /* storage blocked */ }
  }

  function render() {
    var marks = load();
    document.querySelectorAll(".qa-selftest").forEach(function (group) {
      group.querySelectorAll("button[data-mark]").forEach(function (button) {
        button.setAttribute("aria-pressed", String(marks[group.dataset.slug] === button.dataset.mark));
      });
    });
    var progress = document.querySelector(".qa-progress");
    if (!progress) return;
    var counts = { known: 0, review: 0 };
    document.querySelectorAll("a[data-slug]").forEach(function (link) {
      var mark = marks[link.dataset.slug];
      var badge = link.parentElement.querySelector(".qa-badge");
      if (MARKS.indexOf(mark) < 0) {
        if (badge) badge.remove();
        return;
      }
      counts[mark]++;
      if (!badge) {
        badge = document.createElement("span");
        link.insertAdjacentElement("afterend", badge);
      }
      badge.className = "qa-badge qa-badge--" + mark;
      badge.textContent = progress.dataset[mark];
    });
    progress.querySelector(".qa-progress-text").textContent = progress.dataset.template
      .replace("{known}", counts.known).replace("{review}", counts.review)
      .replace("{total}", progress.dataset.total);
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("button");
    if (!target) return;
    var group = target.closest(".qa-selftest");
    if (group && target.dataset.mark) {
      var marks = load();
      var slug = group.dataset.slug;
      // pressing the pressed button again clears the mark
      if (marks[slug] === target.dataset.mark) delete marks[slug];
      else marks[slug] = target.dataset.mark;
      save(marks);
      render();
    } else if (target.classList.contains("qa-reset")) {
      try { localStorage.removeItem(KEY); } catch (error) { /* storage blocked */ }
      render();
    }
  });
  // marks set in another tab (say, the other language) show up here too
  window.addEventListener("storage", function (event) { if (event.key === KEY) render(); });
  render();
})();

// Printing: write each content link's address after it (print stylesheet in qa.css),
// resolved against the page's canonical URL so that a copy printed from a local
// preview still names the public site.  Material opens every answer on beforeprint.
window.addEventListener("beforeprint", function () {
  var canonical = document.querySelector('link[rel="canonical"]');
  var base = canonical ? canonical.href : location.href;
  document.querySelectorAll(".md-content a[href]").forEach(function (link) {
    var href = link.getAttribute("href");
    if (href.charAt(0) === "#" || link.classList.contains("headerlink")) return;
    link.dataset.printUrl = new URL(href, base).href;
  });
});
