/* Timeline filter: shows the filter bar and hides entries whose data-* attributes
   do not match. Without JavaScript the bar stays hidden and every entry is shown. */
(function () {
  function params0() { return new URLSearchParams(window.location.search); }
  function setup() {
    document.querySelectorAll("form.bf-filter").forEach(function (form) {
      if (form.dataset.ready) return;
      form.dataset.ready = "1";
      form.hidden = false;
      var article = form.closest("article") || document;
      var entries = Array.prototype.slice.call(article.querySelectorAll(".bf-entry"));
      var days = Array.prototype.slice.call(article.querySelectorAll(".bf-day"));
      var count = form.querySelector(".bf-filter-count");
      function value(name) {
        var el = form.querySelector('[data-filter="' + name + '"]');
        return el ? el.value.trim().toLowerCase() : "";
      }
      function apply() {
        var actor = value("actors"), topic = value("topics"), status = value("status"), text = value("text");
        var claimsBox = form.querySelector('[data-filter="claims"]'), noClaims = claimsBox && !claimsBox.checked;
        var shown = 0;
        entries.forEach(function (el) {
          var ok = (!actor || (" " + el.dataset.actors + " ").indexOf(" " + actor + " ") >= 0) &&
                   (!topic || (" " + el.dataset.topics + " ").indexOf(" " + topic + " ") >= 0) &&
                   (!status || el.dataset.status === status) &&
                   (!noClaims || el.dataset.kind !== "claim") &&
                   (!text || el.textContent.toLowerCase().indexOf(text) >= 0);
          el.classList.toggle("bf-hidden", !ok);
          if (ok) shown++;
        });
        days.forEach(function (day) {
          var el = day.nextElementSibling, any = false;
          while (el && el.classList.contains("bf-entry")) {
            if (!el.classList.contains("bf-hidden")) any = true;
            el = el.nextElementSibling;
          }
          day.classList.toggle("bf-hidden", !any);
        });
        var filtered = actor || topic || status || text || noClaims;
        count.textContent = filtered ? shown + " of " + entries.length + " entries" : entries.length + " entries";
      }
      // ?actor=<id>, ?topic=<id>, ?status=<s> or ?q=<text> preset the filter (links from profiles);
      // ?claims=0 hides the figure claims
      var claimsParam = form.querySelector('[data-filter="claims"]');
      if (claimsParam && params0().get("claims") === "0") claimsParam.checked = false;
      var params = new URLSearchParams(window.location.search);
      [["actor", "actors"], ["topic", "topics"], ["status", "status"], ["q", "text"]].forEach(function (pair) {
        var value = params.get(pair[0]), el = form.querySelector('[data-filter="' + pair[1] + '"]');
        if (value && el) el.value = value;
      });
      form.addEventListener("input", apply);
      form.addEventListener("change", apply);
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      apply();
    });
  }
  // Material's search dialog has no accessible name; give it one.
  function nameDialogs() {
    document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (d) {
      d.setAttribute("aria-label", "Search");
    });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(setup); document$.subscribe(nameDialogs); }
  else if (document.readyState !== "loading") { setup(); nameDialogs(); }
  else { document.addEventListener("DOMContentLoaded", function () { setup(); nameDialogs(); }); }
})();
