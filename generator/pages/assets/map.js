/* The /map/ page: one marker per place, sized by the entries there that the filter and the month leave
   shown, coloured by their most frequent topic or status. The list of entries by place under the map is
   the source: the timeline's filter bar (briefing.js, with its ?actor=, ?topic=, ?status= in the URL)
   hides entries of that list, the month control hides the others, and the markers follow what is left.
   Base layer: the Natural Earth boundaries shipped with the site; a tile layer only when the site sets
   map_tiles. Loaded on this page only, after Leaflet. */
(function () {
  "use strict";
  var root = document.getElementById("bf-map");
  if (!root || typeof L === "undefined" || root.dataset.ready) return;
  root.dataset.ready = "1";
  var article = root.closest("article") || document;
  var controls = article.querySelector(".bf-map-controls"), legend = article.querySelector(".bf-map-legend");
  var status = article.querySelector(".bf-map-status");
  var time = controls.querySelector('[data-map="time"]'), timeLabel = controls.querySelector('[data-map="time-label"]');
  var colourBy = controls.querySelector('[data-map="colour"]');
  var months = root.dataset.months ? root.dataset.months.split(" ") : [];
  var monthNames = root.dataset.monthNames ? root.dataset.monthNames.split("|") : [];
  var colours = {};  // topic id -> colour, from the legend
  legend.querySelectorAll('li[data-colour-by="topic"]').forEach(function (li) {
    colours[li.dataset.key] = li.querySelector(".bf-map-swatch").style.backgroundColor;
  });
  var places = Array.prototype.slice.call(article.querySelectorAll(".bf-map-place"));

  controls.hidden = false; legend.hidden = false; root.hidden = false;
  var map = L.map(root, { zoomSnap: 0.5, worldCopyJump: false, minZoom: 2, maxZoom: 12 });
  map.attributionControl.addAttribution("Boundaries: Natural Earth");
  if (root.dataset.tiles) {
    L.tileLayer(root.dataset.tiles, { attribution: root.dataset.tilesAttribution || "", maxZoom: 18 }).addTo(map);
  }
  fetch(root.dataset.basemap).then(function (r) { return r.json(); }).then(function (world) {
    L.geoJSON(world, {
      interactive: false,
      style: { color: "#7a7a7a", weight: 0.8, fillColor: "#f2efe6", fillOpacity: root.dataset.tiles ? 0 : 1 }
    }).addTo(map).bringToBack();
  }).catch(function () { /* the markers and the list still work */ });

  var layer = L.layerGroup().addTo(map);
  var points = places.map(function (p) { return [Number(p.dataset.lat), Number(p.dataset.lon)]; });
  if (points.length) map.fitBounds(points, { padding: [30, 30], maxZoom: 8 });
  else map.setView([20, 0], 2);

  function monthFromUrl() {
    var m = new URLSearchParams(window.location.search).get("month") || "";
    var i = months.indexOf(m);
    time.value = i >= 0 ? String(i + 1) : "0";
  }
  function monthToUrl() {
    var params = new URLSearchParams(window.location.search), i = Number(time.value);
    if (i > 0) params.set("month", months[i - 1]); else params.delete("month");
    var query = params.toString();
    history.replaceState(history.state, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }
  function shown(li) { return !li.classList.contains("bf-hidden") && !li.classList.contains("bf-map-out"); }
  function top(counts) {
    var best = null;
    Object.keys(counts).forEach(function (k) { if (best === null || counts[k] > counts[best]) best = k; });
    return best;
  }
  function popup(place, items) {
    var box = document.createElement("div"), h = document.createElement("p"), list = document.createElement("ul");
    box.className = "bf-map-popup";
    h.className = "bf-map-popup-title";
    var name = place.dataset.url ? document.createElement("a") : document.createElement("strong");
    if (place.dataset.url) name.href = place.dataset.url;
    name.textContent = place.dataset.name;
    h.appendChild(name);
    h.appendChild(document.createTextNode(" \u00b7 " + items.length + (items.length === 1 ? " entry" : " entries")));
    items.forEach(function (li) {
      var item = document.createElement("li"), when = li.querySelector("time"), link = li.querySelector("a");
      item.appendChild(document.createTextNode(when.textContent + " "));
      var a = document.createElement("a"); a.href = link.href; a.textContent = link.textContent;
      item.appendChild(a);
      list.appendChild(item);
    });
    box.appendChild(h); box.appendChild(list);
    return box;
  }

  var updating = false;
  function update() {
    updating = false;
    var i = Number(time.value), month = i > 0 ? months[i - 1] : "";
    var label = i > 0 ? monthNames[i - 1] || month : "All months";
    timeLabel.textContent = label;
    time.setAttribute("aria-valuetext", label);
    var by = colourBy.value, used = {}, nEntries = 0, nPlaces = 0;
    layer.clearLayers();
    places.forEach(function (place) {
      var items = [];
      place.querySelectorAll("li.bf-entry").forEach(function (li) {
        li.classList.toggle("bf-map-out", !!month && (li.dataset.date || "").slice(0, 7) !== month);
        if (shown(li)) items.push(li);
      });
      place.classList.toggle("bf-hidden", !items.length);
      if (!items.length) return;
      nEntries += items.length; nPlaces++;
      var counts = {};
      items.forEach(function (li) {
        var keys = by === "status" ? [li.dataset.status] : (li.dataset.topics ? li.dataset.topics.split(" ") : [""]);
        keys.forEach(function (k) { counts[k] = (counts[k] || 0) + 1; });
      });
      var key = top(counts), size = Math.round(Math.min(56, 14 + 8 * Math.sqrt(items.length)));
      used[key] = true;
      var cls = "bf-map-dot" + (by === "status" ? " bf-map-status--" + key : "");
      var style = by === "status" ? "" : "background:" + (colours[key] || root.dataset.noTopic) + ";";
      var text = place.dataset.name + ": " + items.length + (items.length === 1 ? " entry" : " entries");
      var marker = L.marker([Number(place.dataset.lat), Number(place.dataset.lon)], {
        keyboard: true, title: text, alt: text, riseOnHover: true,
        icon: L.divIcon({
          className: "bf-map-marker", iconSize: [size, size],
          html: '<span class="' + cls + '" style="' + style + 'width:' + size + 'px;height:' + size + 'px"></span>'
        })
      });
      var wide = Math.max(160, Math.min(300, root.clientWidth - 60));  // inside the map on a phone
      marker.bindPopup(function () { return popup(place, items); }, { maxWidth: wide, minWidth: Math.min(160, wide), autoPanPadding: [10, 10] });
      marker.on("add", function () {
        var el = marker.getElement();
        el.setAttribute("role", "button");
        el.setAttribute("aria-label", text + " (Enter: list them)");
        el.dataset.place = place.dataset.place;
      });
      marker.on("popupopen", function (e) {  // from the keyboard, focus goes into the popup; Escape brings it back
        var box = e.popup.getElement(), first = box && box.querySelector(".bf-map-popup a");
        if (first && document.activeElement === marker.getElement()) first.focus();
        if (box && !box.dataset.keys) {
          box.dataset.keys = "1";
          box.addEventListener("keydown", function (k) {
            if (k.key !== "Escape") return;
            map.closePopup();
            if (marker.getElement()) marker.getElement().focus();
          });
        }
      });
      marker.addTo(layer);
    });
    legend.querySelectorAll("li").forEach(function (li) {
      li.hidden = li.dataset.colourBy !== by || !used[li.dataset.key];
    });
    status.textContent = nEntries + (nEntries === 1 ? " entry" : " entries") + " at " + nPlaces +
      (nPlaces === 1 ? " place" : " places") + (month ? " in " + label : "") + ".";
  }
  function later() { if (!updating) { updating = true; window.requestAnimationFrame(update); } }
  // briefing.js hides entries of the list as the filter says: the markers follow
  new MutationObserver(later).observe(article.querySelector(".bf-map-list"), { attributes: true, subtree: true, attributeFilter: ["class"] });
  time.addEventListener("input", function () { monthToUrl(); later(); });
  colourBy.addEventListener("change", function (e) { e.stopPropagation(); later(); });
  window.addEventListener("popstate", function () { monthFromUrl(); later(); });
  monthFromUrl();
  update();
})();
