// The area chooser on /areas/: an SVG map of the force's areas in which each area is a link (keyboard reachable,
// named by its area), drawn at build time from the snapshot's 2021 local authority boundaries.
import {geoMercator, geoPath} from "d3";
import {feature} from "topojson-client";
import type {FeatureCollection, MultiPolygon, Polygon} from "geojson";
import {readAreaOutline} from "../geo/boundaries.ts";
import {webTopology} from "../geo/topology.ts";
import {areas, force} from "../lib/force.ts";
import {numberWord} from "../lib/words.ts";
import {html, raw, type Html} from "../site/html.ts";

const WIDTH = 600;


/** Splits a long name over two lines, after the space or hyphen nearest the middle. */
function lines(name: string): string[] {
  if (name.length < 11) return [name];
  const breaks = [...name.matchAll(/[ -]/g)].map((m) => m.index! + 1);
  if (!breaks.length) return [name];
  const at = breaks.reduce((a, b) => (Math.abs(b - name.length / 2) < Math.abs(a - name.length / 2) ? b : a));
  return [name.slice(0, at).trim(), name.slice(at)];
}

export function areaChooserSvg(): Html {
  const lads = areas.map((a) => readAreaOutline(a.code, a.name)).filter((f) => f !== null);
  const topo = webTopology({lad: lads}, {keep: 0.12, quantization: 1e4});
  const fc = feature(topo, topo.objects.lad) as unknown as FeatureCollection<Polygon | MultiPolygon>;
  const projection = geoMercator().fitWidth(WIDTH - 8, fc);
  const path = geoPath(projection);
  const [[, y0], [, y1]] = path.bounds(fc);
  projection.translate([projection.translate()[0] + 4, projection.translate()[1] - y0 + 4]);
  const height = Math.ceil(y1 - y0 + 8);
  const round = (d: string) => d.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
  // Shapes first, each a link named by its area; then every label on top (so no neighbour covers one), hidden from
  // assistive technology because each link already carries the name.
  const shapes: Html[] = [], labels: Html[] = [];
  for (const area of areas) {
    const f = fc.features.find((x) => x.id === area.code);
    if (!f) continue;
    const [cx, cy] = path.centroid(f);
    const [dx, dy] = force.labelNudges[area.code] ?? [0, 0];
    const words = lines(area.name);
    const x = (cx + dx).toFixed(1);
    shapes.push(html`<a href="/areas/${area.slug}" aria-label="${area.name}" data-area="${area.slug}"><path d="${round(path(f) ?? "")}"/></a>`);
    labels.push(html`<text x="${x}" y="${(cy + dy).toFixed(1)}" data-area="${area.slug}">${words.map((w, i) =>
      html`<tspan x="${x}" dy="${i === 0 ? (-(words.length - 1) * 0.55).toFixed(2) : "1.1"}em">${w}</tspan>`)}</text>`);
  }
  // The labels twice: first as a white outline (a halo that keeps them readable over any boundary), then the text.
  // (CSS paint-order would do it with one copy, but HTML checkers do not know that property yet.)
  const halo = labels.map((l) => raw(l.value.replace(/ data-area="[^"]*"/, "")));
  return html`<svg class="area-map" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="group" aria-labelledby="area-map-title"><title id="area-map-title">Map of the ${numberWord(areas.length)} areas: choose an area to open its page</title><g class="area-map-shapes">${shapes}</g><g class="area-map-halo" aria-hidden="true">${halo}</g><g class="area-map-labels" aria-hidden="true">${labels}</g></svg>`;
}
