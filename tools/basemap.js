// One-off conversion of the base map shipped with the site (generator/pages/assets/vendor/world/NOTICE.txt).
// Usage: node tools/basemap.js countries-50m.json out.geojson 0.5 (needs topojson-client 3, topojson-simplify 3)
// world-atlas countries-50m TopoJSON (Natural Earth, public domain) simplified (Visvalingam,
// topojson-simplify), converted to GeoJSON, coordinates rounded to 2 decimals (about 1 km).
const fs = require("fs"), topo = require("topojson-client"), simp = require("topojson-simplify");
const [src, out, q] = process.argv.slice(2);
let t = JSON.parse(fs.readFileSync(src));
t = simp.presimplify(t);
t = simp.simplify(t, simp.quantile(t, +q));
const fc = topo.feature(t, t.objects.countries);
function ring(rs) {
  const o = [];
  rs.forEach(c => { const p = [Math.round(c[0]*100)/100, Math.round(c[1]*100)/100]; const l = o[o.length-1]; if (!l || l[0] !== p[0] || l[1] !== p[1]) o.push(p); });
  return o.length >= 4 ? o : null;
}
function poly(p) { const rs = p.map(ring); return rs[0] ? rs.filter(Boolean) : null; }
fc.features.forEach(x => {
  const g = x.geometry; if (!g) return;
  if (g.type === "Polygon") { g.coordinates = poly(g.coordinates); if (!g.coordinates) x.geometry = null; }
  else { g.coordinates = g.coordinates.map(poly).filter(Boolean); if (!g.coordinates.length) x.geometry = null; }
  x.properties = {name: x.properties.name}; delete x.id;
});
fc.features = fc.features.filter(x => x.geometry);
fs.writeFileSync(out, JSON.stringify(fc));
