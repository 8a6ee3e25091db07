/* Briefing: Material's search box driven by Pagefind (search_backend: pagefind).
 *
 * The markup is Material's (partials/search.html from generator/theme_pagefind), so it looks the
 * same; this script does what Material's search code does with it: open and focus on the header
 * button or "f", "s", "/"; close on Escape, Tab, the overlay or a result; Enter opens the first
 * result, the arrow keys move through the results; the result list is Material's
 * (.md-search-result__item > a.md-search-result__link > article with the page title and an
 * excerpt with Pagefind's <mark> highlights). Pagefind's script, WebAssembly and index chunks are
 * loaded from <site>/pagefind/ the first time the box gets the focus, relative to the site's base
 * URL, so the site works under a sub-path and offline (no request leaves the site). The articles of
 * each year have an index of their own (pagefind/<yyyy>/, listed in pagefind/briefing-shards.json),
 * merged into the main one with Pagefind's mergeIndex: a build re-indexes only the years that changed.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-bf-search]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;
  var form = root.querySelector("[data-bf-search-form]");
  var input = root.querySelector("[data-bf-search-query]");
  var result = root.querySelector("[data-bf-search-result]");
  var meta = result.querySelector(".md-search-result__meta");
  var list = result.querySelector(".md-search-result__list");
  var scrollwrap = root.querySelector(".md-search__scrollwrap");

  var config = {};
  try {
    config = JSON.parse(document.getElementById("__config").textContent);
  } catch (e) { /* defaults below */ }
  var base = new URL(config.base || ".", location.href);
  var strings = config.translations || {};
  function t(key, value) {
    var s = strings[key] || key;
    return value === undefined ? s : s.replace("#", String(value));
  }

  var PAGE = 10;           // results rendered at once, more when the list is scrolled to its end
  var pagefind = null;     // promise of Pagefind's module, initialised
  var current = null;      // {query, results, shown}
  var running = false;     // a search is in flight
  var queued = null;       // the newest query typed meanwhile
  var last = "";

  function setToggle(on) {
    if (toggle.checked !== on) {
      toggle.checked = on;
      toggle.dispatchEvent(new CustomEvent("change"));  // Material's scroll lock listens
    }
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", base).href).then(function (pf) {
        return Promise.resolve(pf.options({ excerptLength: 24 }))
          .then(function () { return fetch(new URL("pagefind/briefing-shards.json", base).href); })
          .then(function (r) { return r.ok ? r.json() : { merge: [] }; }, function () { return { merge: [] }; })
          .then(function (shards) {
            // one index per year of articles (generator/engine/pagefind.py), searched as one
            return Promise.all((shards.merge || []).map(function (dir) {
              return pf.mergeIndex(new URL("pagefind/" + dir, base).pathname);  // as the main index: a path
            }));
          })
          .then(function () { return pf.init(); })
          .then(function () { return pf; });
      });
      pagefind.then(function () {
        if (!input.value.trim()) meta.textContent = t("search.result.placeholder");
      }, function (err) {
        console.warn("Briefing: Pagefind's search index could not be loaded", err);
        meta.textContent = "Search is not available (" + (location.protocol === "file:"
          ? "open the site through a web server" : "the search index could not be loaded") + ")";
      });
    }
    return pagefind;
  }

  // Pagefind's excerpts are text with <mark> around the matches; keep exactly that.
  function markedText(html, into) {
    var tpl = document.createElement("template");  // inert: nothing in it runs or loads
    tpl.innerHTML = html || "";
    tpl.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        // Pagefind marks whole tokens, "Tripoli," with its comma: leave the punctuation unmarked
        var parts = /^(.*?)([^\p{L}\p{N}]*)$/u.exec(node.textContent);
        var mark = document.createElement("mark");
        mark.textContent = parts[1];
        into.appendChild(mark);
        if (parts[2]) into.appendChild(document.createTextNode(parts[2]));
      } else {
        into.appendChild(document.createTextNode(node.textContent));
      }
    });
    return into;
  }

  // Material marks the query's words in result titles too; Pagefind marks only the excerpt, so mark
  // the title's words that begin with a word of the query (Pagefind also finds "ceasefires" for "ceasefire").
  function markedTitle(title, query, into) {
    var terms = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    var at = 0;
    title.replace(/[\p{L}\p{N}]+/gu, function (word, index) {
      var lower = word.toLowerCase();
      if (terms.some(function (term) { return lower.indexOf(term) === 0; })) {
        into.appendChild(document.createTextNode(title.slice(at, index)));
        var mark = document.createElement("mark");
        mark.textContent = word;
        into.appendChild(mark);
        at = index + word.length;
      }
      return word;
    });
    into.appendChild(document.createTextNode(title.slice(at)));
    return into;
  }

  function plain(html) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html || "";
    return tpl.content.textContent;
  }

  function item(data, score, query) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.tabIndex = -1;
    a.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    article.setAttribute("data-md-score", score.toFixed(2));
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    var title = plain((data.meta && data.meta.title) || data.url);
    article.append(icon, markedTitle(title, query, document.createElement("h1")));
    if (data.meta && data.meta.date) {  // an article's date (its byline's data-pagefind-meta)
      var date = document.createElement("p");
      date.className = "bf-search-date";
      date.textContent = plain(data.meta.date);
      article.appendChild(date);
    }
    article.appendChild(markedText(data.excerpt, document.createElement("p")));
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function showMore() {
    var state = current;
    if (!state || state.busy || state.shown >= state.results.length) return Promise.resolve();
    state.busy = true;
    var slice = state.results.slice(state.shown, state.shown + PAGE);
    state.shown += slice.length;
    // fetch the fragments together, show each as soon as it and those above it are in
    var chain = Promise.resolve();
    slice.map(function (r) { return r.data(); }).forEach(function (data, i) {
      chain = chain.then(function () { return data; }).then(function (d) {
        if (state === current) list.appendChild(item(d, slice[i].score || 0, state.query));
      });
    });
    return chain.finally(function () { state.busy = false; });
  }

  function render(query, search) {
    var results = (search && search.results) || [];
    list.innerHTML = "";
    current = { query: query, results: results, shown: 0, busy: false };
    result.setAttribute("data-bf-query", query);  // the query the list shows (tests wait for it)
    if (!query) meta.textContent = t("search.result.placeholder");
    else if (results.length === 0) meta.textContent = t("search.result.none");
    else if (results.length === 1) meta.textContent = t("search.result.one");
    else meta.textContent = t("search.result.other", results.length.toLocaleString());
    return showMore();
  }

  function run(query) {
    if (running) { queued = query; return; }
    running = true;
    var done = function () {
      running = false;
      if (queued !== null && queued !== query) { var next = queued; queued = null; run(next); }
      else queued = null;
    };
    if (!query) { render("", null).then(done, done); return; }
    load().then(function (pf) { return pf.search(query); })
      .then(function (search) { return render(query, search); })
      .then(done, function (err) { console.warn("Briefing: search failed", err); done(); });
  }

  function onQuery() {
    var value = input.value.trim();
    if (value === last) return;
    last = value;
    run(value);
  }

  // Opening, typing, resetting. Pagefind is loaded when the pointer comes near the box, or at the latest
  // when the box gets the focus: readers who never search download none of it.
  input.addEventListener("focus", function () {
    // after the click that gave the focus: a click on the header's button (a label for the toggle)
    // flips the toggle itself once its click handlers have run
    setTimeout(function () { if (document.activeElement === input) setToggle(true); }, 0);
    load();
  });
  root.addEventListener("pointerenter", function () { load(); });
  input.addEventListener("input", onQuery);
  input.addEventListener("keyup", onQuery);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { onQuery(); input.focus(); }, 0);  // after the value is cleared
  });
  // The header's search button (a label for the toggle): focus the box, which on phones also
  // brings up the keyboard (it must happen in the click).
  // (not the overlay and the back arrow: they are labels for the toggle too, and close the search)
  document.querySelectorAll("header .md-header__button[for=__search]").forEach(function (label) {
    label.addEventListener("click", function () { input.focus(); });
    label.addEventListener("pointerenter", function () { load(); });
  });
  toggle.addEventListener("change", function () {
    list.setAttribute("role", toggle.checked ? "list" : "presentation");
    list.hidden = !toggle.checked;
  });
  list.hidden = !toggle.checked;
  root.addEventListener("click", function (ev) {
    if (ev.target instanceof Element && ev.target.closest("a")) setToggle(false);
  });
  scrollwrap.addEventListener("scroll", function () {
    if (scrollwrap.scrollTop + scrollwrap.clientHeight >= scrollwrap.scrollHeight - 200) showMore();
  }, { passive: true });

  // Keyboard, as in Material's search
  function typing(el) {
    if (!el) return false;
    if (el instanceof HTMLInputElement) return el.type !== "radio";
    return el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement || el.isContentEditable;
  }
  window.addEventListener("keydown", function (ev) {
    if (ev.metaKey || ev.ctrlKey || ev.isComposing) return;
    var active = document.activeElement;
    if (!toggle.checked) {
      if ((ev.key === "f" || ev.key === "s" || ev.key === "/") && !typing(active)) {
        input.focus();
        input.select();
        setToggle(true);
        ev.preventDefault();
      }
      return;
    }
    var links;
    switch (ev.key) {
      case "Enter":
        if (active === input) {
          var first = list.querySelector(".md-search-result__link");
          if (first) first.click();
          ev.preventDefault();
        }
        break;
      case "Escape":
      case "Tab":
        setToggle(false);
        input.blur();
        break;
      case "ArrowUp":
      case "ArrowDown":
        links = [input].concat(Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link")));
        var i = Math.max(0, links.indexOf(active));
        links[(i + links.length + (ev.key === "ArrowUp" ? -1 : 1)) % links.length].focus();
        ev.preventDefault();
        break;
      default:
        if (active !== input && ev.key.length === 1) input.focus();
    }
  });

  // Deep link: ?q=... opens the search with that query, as in Material
  var q = new URL(location.href).searchParams.get("q");
  if (q) {
    input.value = q;
    input.focus();
    onQuery();
  }
})();
