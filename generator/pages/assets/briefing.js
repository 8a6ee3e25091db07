/* Timeline filter: shows the filter bar and hides entries whose data-* attributes do not match.
   Every filter lives in the query string (?actor=, ?topic=, ?status=, ?place=, ?text=, ?claims=0 (not ?q=, which opens Material's search)), so a filtered
   timeline can be shared and Back undoes a choice. ?actor= takes an id, a name or an alias, in any
   case. Months with their own page are loaded from /data/timeline/<yyyy>-<mm>[-<dd>].json (one file per
   page) while a filter is on; a link to an entry that is on another timeline page now goes there. Without JavaScript the bar stays hidden and every entry is shown. */
(function () {
  var PARAMS = [["actor", "actors"], ["topic", "topics"], ["status", "status"], ["place", "places"], ["text", "text"]];
  function norm(s) { return (s || "").replace(/\s+/g, " ").trim().toLowerCase(); }
  function words(s) { return " " + norm(s).replace(/[^\p{L}\p{N}]+/gu, " ") + " "; }

  /* The option of a <select> that a value from a URL names: its id, its name or an alias (any case),
     else the one option with a name that holds the value as whole words ("haftar"). */
  function resolve(select, raw) {
    var want = norm(raw), options = Array.prototype.slice.call(select.options).filter(function (o) { return o.value; });
    if (!want) return "";
    var exact = options.filter(function (o) {
      var names = (o.dataset.names || o.textContent).split("|").map(norm);
      return norm(o.value) === want || norm(o.textContent) === want || names.indexOf(want) >= 0;
    });
    if (exact.length) return exact[0].value;
    var w = words(want), part = options.filter(function (o) {
      return (o.dataset.names || o.textContent).split("|").some(function (n) { return words(n).indexOf(w) >= 0; });
    });
    return part.length === 1 ? part[0].value : null;
  }

  function entryFromJson(row, root) {
    var el = document.createElement("div");
    el.className = "bf-entry bf-entry--loaded bf-status--" + row.status + (row.kind === "claim" ? " bf-entry--claim" : "");
    el.dataset.kind = row.kind; el.dataset.status = row.status; el.dataset.date = row.date;
    el.dataset.actors = row.actors.join(" "); el.dataset.topics = row.topics.join(" ");
    el.dataset.places = (row.places || []).join(" ");
    var head = document.createElement("p"); head.className = "bf-entry-head";
    var time = document.createElement("time"); time.className = "bf-date"; time.dateTime = row.date;
    time.textContent = row.label; head.appendChild(time); head.appendChild(document.createTextNode(" "));
    var strong = document.createElement("strong"), a = document.createElement("a");
    a.href = root + row.url; a.textContent = row.title; strong.appendChild(a); head.appendChild(strong);
    if (row.place) { var pl = document.createElement("span"); pl.className = "bf-place"; pl.textContent = " " + row.place; head.appendChild(pl); }
    el.appendChild(head);
    if (row.summary) { var p = document.createElement("p"); p.textContent = row.summary; el.appendChild(p); }
    return el;
  }

  function setup() {
    document.querySelectorAll("form.bf-filter").forEach(function (form) {
      if (form.dataset.ready) return;
      form.dataset.ready = "1";
      form.hidden = false;
      var article = form.closest("article") || document;
      var count = form.querySelector(".bf-filter-count"), note = form.querySelector(".bf-filter-note");
      var none = article.querySelector(".bf-filter-none");
      var more = Array.prototype.slice.call(article.querySelectorAll(".bf-month-more[data-json]"));
      var loaded = {}, loading = {};
      var names = {};  // actor id -> its name and aliases, for the text filter
      form.querySelectorAll('[data-filter="actors"] option[data-names]').forEach(function (o) {
        names[o.value] = norm(o.dataset.names);
      });
      function field(name) { return form.querySelector('[data-filter="' + name + '"]'); }
      function value(name) { var el = field(name); return el ? norm(el.value) : ""; }
      function entries() { return Array.prototype.slice.call(article.querySelectorAll(".bf-entry")); }
      function total() {
        return article.querySelectorAll(".bf-entry:not(.bf-entry--loaded)").length +
          more.reduce(function (n, p) { return n + Number(p.dataset.count || 0); }, 0);
      }
      function filtering() {
        var box = field("claims");
        return !!(value("actors") || value("topics") || value("status") || value("places") || value("text") || (box && !box.checked));
      }
      function textOf(el) {
        var extra = (el.dataset.actors || "").split(" ").map(function (id) { return names[id] || ""; }).join(" ");
        return norm(el.textContent + " " + extra.replace(/\|/g, " "));
      }
      function loadMonths() {  // months with a page of their own: their entries, once, when a filter is on
        more.forEach(function (p) {
          var url = p.dataset.json;
          if (loaded[url] || loading[url]) return;
          loading[url] = fetch(url).then(function (r) { return r.json(); }).then(function (data) {
            var box = document.createElement("div"), root = url.replace(/data\/timeline\/[^/]*$/, "");
            box.className = "bf-entries bf-entries--loaded";
            data.entries.forEach(function (row) { box.appendChild(entryFromJson(row, root)); });
            p.parentNode.insertBefore(box, p.nextSibling);
            loaded[url] = true;
            apply();
          }).catch(function () { loading[url] = null; });
        });
      }
      function findMoved() {  // #e-<id> of an entry that lives on another timeline page now: go there
        var id = decodeURIComponent(window.location.hash.slice(1));
        if (!/^e-/.test(id) || document.getElementById(id)) return;
        var want = id.slice(2), guess = want.slice(0, 7);  // ids of dated files start with their month
        var pages = more.filter(function (p) { return p.dataset.page; }).sort(function (a, b) {
          return (b.dataset.json.indexOf(guess) >= 0) - (a.dataset.json.indexOf(guess) >= 0);
        });
        (function next(i) {
          if (i >= pages.length) return;
          fetch(pages[i].dataset.json).then(function (r) { return r.json(); }).then(function (data) {
            if (data.entries.some(function (row) { return row.id === want; })) {
              window.location.replace(pages[i].dataset.page + window.location.search + "#" + id);
            } else next(i + 1);
          }).catch(function () { next(i + 1); });
        })(0);
      }
      function apply() {
        var actor = value("actors"), topic = value("topics"), status = value("status"), text = value("text");
        var place = value("places");  // the place or a place within it (data-places lists both)
        var box = field("claims"), noClaims = box && !box.checked, on = filtering();
        if (on) loadMonths();
        var shown = 0;
        entries().forEach(function (el) {
          var ok = (!actor || (" " + el.dataset.actors + " ").indexOf(" " + actor + " ") >= 0) &&
                   (!topic || (" " + el.dataset.topics + " ").indexOf(" " + topic + " ") >= 0) &&
                   (!status || el.dataset.status === status) &&
                   (!place || (" " + (el.dataset.places || "") + " ").indexOf(" " + place + " ") >= 0) &&
                   (!noClaims || el.dataset.kind !== "claim") &&
                   (!text || textOf(el).indexOf(text) >= 0);
          if (el.classList.contains("bf-entry--loaded") && !on) ok = false;  // the month's own page has them
          el.classList.toggle("bf-hidden", !ok);
          if (ok) shown++;
        });
        article.querySelectorAll(".bf-day").forEach(function (day) {
          var el = day.nextElementSibling, any = false;
          while (el && el.classList.contains("bf-entry")) {
            if (!el.classList.contains("bf-hidden")) any = true;
            el = el.nextElementSibling;
          }
          day.classList.toggle("bf-hidden", !any);
        });
        // a month with no matching entry is hidden, and so is its link in the month list
        article.querySelectorAll("h2[id]").forEach(function (h) {
          if (!/^\d{4}-\d{2}$/.test(h.id)) return;
          var el = h.nextElementSibling, any = false, pending = false;
          while (el && el.tagName !== "H2") {
            if (el.querySelector && el.querySelector(".bf-entry:not(.bf-hidden)")) any = true;
            if (el.matches && el.matches(".bf-month-more") && (!on || !loaded[el.dataset.json])) pending = true;
            el = el.nextElementSibling;
          }
          var hide = on && !any && !pending;
          for (el = h; el && (el === h || el.tagName !== "H2"); el = el.nextElementSibling) el.classList.toggle("bf-hidden", hide);
          document.querySelectorAll('.md-nav a[href="#' + h.id + '"]').forEach(function (a) {
            (a.closest("li") || a).classList.toggle("bf-hidden", hide);
          });
          if (jump) jump.querySelectorAll('option[value="' + h.id + '"]').forEach(function (o) { o.hidden = o.disabled = hide; });
        });
        var all = total();
        count.textContent = on ? shown + " of " + all + " entries" : all + " entries";
        if (none) none.hidden = !(on && shown === 0 && !Object.keys(loading).some(function (k) { return loading[k] && !loaded[k]; }));
      }
      function fromUrl() {  // the form as the query string says; a value that names nothing is said so
        var params = new URLSearchParams(window.location.search), missing = [];
        PARAMS.forEach(function (pair) {
          var el = field(pair[1]), raw = params.get(pair[0]) || "";
          if (!el) return;
          if (el.tagName === "SELECT") {
            var v = resolve(el, raw);
            if (v === null) { missing.push(pair[0] + " \u201c" + raw + "\u201d"); v = ""; }
            el.value = v;
          } else { el.value = raw; }
        });
        var box = field("claims");
        if (box) box.checked = params.get("claims") !== "0";
        note.hidden = !missing.length;
        note.textContent = missing.length ? "No " + missing.join(", no ") + " in this briefing: that part of the filter is off." : "";
      }
      function toUrl(push) {
        var params = new URLSearchParams(window.location.search);
        PARAMS.forEach(function (pair) {
          var el = field(pair[1]), v = el ? el.value.trim() : "";
          if (v) params.set(pair[0], v); else params.delete(pair[0]);
        });
        var box = field("claims");
        if (box && !box.checked) params.set("claims", "0"); else params.delete("claims");
        var query = params.toString(), url = window.location.pathname + (query ? "?" + query : "");
        if (url === window.location.pathname + window.location.search) return;
        note.hidden = true;
        history[push ? "pushState" : "replaceState"]({ bfFilter: true }, "", url);
      }
      var typing = false;
      form.addEventListener("input", function (e) {
        if (e.target.type === "search") { toUrl(!typing); typing = true; apply(); }
      });
      form.addEventListener("change", function (e) {
        if (e.target.type !== "search") { typing = false; toUrl(true); }
        apply();
      });
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      var jump = form.querySelector(".bf-month-jump");  // the month list on a phone, where the TOC is in the menu
      if (jump) jump.addEventListener("change", function (e) {
        e.stopPropagation();
        var target = jump.value && document.getElementById(jump.value);
        jump.value = "";
        if (target) { target.scrollIntoView(); history.replaceState(history.state, "", "#" + target.id); }
      });
      window.addEventListener("popstate", function () { typing = false; fromUrl(); apply(); });
      if (none) none.querySelector("a").addEventListener("click", function (e) {
        e.preventDefault();
        form.querySelectorAll("select").forEach(function (s) { s.value = ""; });
        field("text").value = "";
        if (field("claims")) field("claims").checked = true;
        typing = false; toUrl(true); apply();
      });
      function barHeight() { document.documentElement.style.setProperty("--bf-filter-h", form.offsetHeight + "px"); }
      window.addEventListener("resize", barHeight);
      fromUrl();
      apply();
      findMoved();
      barHeight();
    });
  }
  /* Visits, for /changes/: the time of the latest page view and the visit before this one, in this
     browser's localStorage only (a visit ends after 30 minutes without a page view). */
  var VISITS = "briefing-visits", GAP = 30 * 60 * 1000;
  function visits() {
    try { return JSON.parse(window.localStorage.getItem(VISITS) || "{}") || {}; } catch (e) { return {}; }
  }
  function recordVisit() {
    var v = visits(), now = Date.now();
    if (!v.seen || now - v.seen > GAP) v.previous = v.seen || null;
    v.seen = now;
    try { window.localStorage.setItem(VISITS, JSON.stringify(v)); } catch (e) { /* storage off: no default */ }
    return v;
  }
  function isoDay(ms) {
    var d = new Date(ms);
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  }
  function setupChanges(v) {
    var form = document.querySelector("form.bf-changes");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    form.hidden = false;
    var input = form.querySelector('[data-changes="since"]'), count = form.querySelector(".bf-changes-count");
    var visit = form.querySelector(".bf-changes-visit"), article = form.closest("article") || document;
    var params = new URLSearchParams(window.location.search);
    if (/^\d{4}-\d{2}-\d{2}$/.test(params.get("since") || "")) input.value = params.get("since");
    else if (v.previous) input.value = isoDay(v.previous);
    else {  // a first visit: the week up to the newest entry
      var newest = new Date(form.dataset.newest + "T00:00:00");
      input.value = isNaN(newest) ? "" : isoDay(newest.getTime() - 7 * 864e5);
    }
    visit.textContent = v.previous ? "Your last visit: " + new Date(v.previous).toLocaleString() + "."
                                   : "No earlier visit remembered in this browser: showing the last week of the briefing.";
    function apply() {
      var since = input.value, lists = article.querySelectorAll(".bf-changes-list"), n = [];
      lists.forEach(function (list) {
        var shown = 0;
        list.querySelectorAll(".bf-change").forEach(function (row) {
          var ok = !since || row.dataset.added >= since;
          row.classList.toggle("bf-hidden", !ok);
          if (ok) shown++;
        });
        list.querySelector(".bf-changes-none").hidden = shown > 0;
        n.push(shown);
      });
      count.textContent = n[0] + (n[0] === 1 ? " new entry" : " new entries") + " and " + n[1] +
        (n[1] === 1 ? " new claim" : " new claims") + (since ? " since " + since : "");
    }
    input.addEventListener("change", function () {
      var p = new URLSearchParams(window.location.search);
      if (input.value) p.set("since", input.value); else p.delete("since");
      history.replaceState(null, "", window.location.pathname + (p.toString() ? "?" + p : ""));
      apply();
    });
    apply();
  }
  var visitOnce = null;
  function changes() { visitOnce = visitOnce || recordVisit(); setupChanges(visitOnce); }
  // Material's search dialog has no accessible name; give it one.
  function nameDialogs() {
    document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (d) {
      d.setAttribute("aria-label", "Search");
    });
  }
  function all() { changes(); setup(); nameDialogs(); }
  if (typeof document$ !== "undefined") { document$.subscribe(all); }
  else if (document.readyState !== "loading") { all(); }
  else { document.addEventListener("DOMContentLoaded", all); }
})();
