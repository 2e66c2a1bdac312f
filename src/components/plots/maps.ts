// Choropleth of small areas from a (simplified, quantized) TopoJSON topology carried in the chart options.
// Values are grouped into a few bands shown by a key with words; every area has a dark outline (so edges do not
// rely on the fill's contrast) and the highest-ranked areas are numbered on the map and in the table.
import * as Plot from "@observablehq/plot";
import {feature} from "topojson-client";
import type {Feature, FeatureCollection} from "geojson";
import type {Topology} from "topojson-specification";
import {formatCount} from "../format.js";
import {INK} from "../palette.js";
import {base, type PlotContext, type Row} from "./context.js";

/** Light to dark blue, one colour per band (ColorBrewer Blues); outlines carry the edges. */
export const BAND_COLOURS = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c", "#08306b"];

/** The options a chart spec gives choropleth. */
export interface ChoroplethOptions {
  topology: Topology;
  object: string;
  bands: string[];
  valueLabel: string;
  numbered?: number;
  dashed?: string[];
  caption?: string;
}

/**
 * Rows: {code, name, count, band, rank}; `bands` lists band labels low to high; `object` names the topology layer.
 * `dashed` lists codes outlined with a dashed line, explained by `caption` (written on the map, bottom left).
 */
export function choropleth(data: Row[], ctx: PlotContext & ChoroplethOptions): Plot.PlotOptions {
  const collection = feature(ctx.topology, ctx.topology.objects[ctx.object]) as unknown as FeatureCollection;
  const byCode = new Map(data.map((d) => [String(d.code), d]));
  const features = collection.features.filter((f) => byCode.has(String(f.id)));
  const row = (f: Feature) => byCode.get(String(f.id))!;
  const numbered = features.filter((f) => Number(row(f).rank) <= (ctx.numbered ?? 5));
  const narrow = ctx.width < 480;
  // Path coordinates to 0.1 px: the same picture in a third of the bytes.
  const round: Plot.RenderFunction = function (index, scales, values, dimensions, context, next) {
    const g = next!(index, scales, values, dimensions, context);
    for (const path of Array.from(g?.querySelectorAll("path") ?? [])) {
      const d = path.getAttribute("d");
      if (d) path.setAttribute("d", d.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10)));
    }
    return g;
  };
  const {height: _ignored, ...shared} = base(ctx, 0);
  return {
    ...shared,
    marginLeft: 4, marginRight: 4, marginTop: 4, marginBottom: ctx.caption ? (narrow ? 56 : 40) : 4,
    projection: {type: "mercator", domain: collection, inset: 4},
    color: {type: "ordinal", domain: ctx.bands, range: BAND_COLOURS.slice(0, ctx.bands.length), legend: true, label: ctx.valueLabel},
    marks: [
      Plot.geo(features, {fill: (f: Feature) => row(f).band, stroke: "#505a5f", strokeWidth: narrow ? 0.4 : 0.6, render: round}),
      Plot.geo(features.filter((f) => ctx.dashed?.includes(String(f.id))), {stroke: INK, strokeWidth: 1.2, strokeDasharray: "4 3", render: round}),
      Plot.geo(numbered, {stroke: INK, strokeWidth: 2, render: round}),
      ctx.caption ? Plot.text([ctx.caption], {frameAnchor: "bottom-left", text: (d: string) => d, textAnchor: "start", lineAnchor: "top", dy: 10, lineWidth: narrow ? 22 : 60, fill: INK, fontSize: 12, stroke: "white", strokeWidth: 3}) : null,
      Plot.text(numbered, Plot.centroid({text: (f: Feature) => String(row(f).rank), fill: INK, stroke: "white", strokeWidth: 4, fontWeight: "bold", fontSize: narrow ? 12 : 14})),
      ctx.interactive ? Plot.tip(features, Plot.pointer(Plot.centroid({title: (f: Feature) => {
        const d = row(f);
        return `${d.name}${d.ward ? ` (${d.ward})` : ""}\n${ctx.valueLabel}: ${formatCount(Number(d.count))}`;
      }}))) : null
    ]
  };
}
