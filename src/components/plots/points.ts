// Points on a map of area outlines (e.g. road collisions by severity). Severity is shown by shape and size
// as well as colour; the outlines come as a TopoJSON topology in the chart options.
import * as Plot from "@observablehq/plot";
import {feature, mesh} from "topojson-client";
import type {FeatureCollection} from "geojson";
import type {Topology} from "topojson-specification";
import {INK, MUTED} from "../palette.js";
import {base, type PlotContext, type Row} from "./context.js";

/** The options a chart spec gives pointsMap. */
export interface PointsMapOptions {
  topology: Topology;
  object: string;
  groups: string[];
  colours: string[];
  symbols: string[];
  radii: number[];
  legendLabel: string;
}

/** Rows: {longitude, latitude, group}; `groups` low to high, drawn in that order (the most serious on top). */
export function pointsMap(data: Row[], ctx: PlotContext & PointsMapOptions): Plot.PlotOptions {
  const outlines = feature(ctx.topology, ctx.topology.objects[ctx.object]) as unknown as FeatureCollection;
  const narrow = ctx.width < 480;
  const {height: _ignored, ...shared} = base(ctx, 0);
  const scale = narrow ? 0.75 : 1;
  return {
    ...shared,
    marginLeft: 4, marginRight: 4, marginTop: 4, marginBottom: 4,
    projection: {type: "mercator", domain: outlines, inset: 6},
    color: {domain: ctx.groups, range: ctx.colours, legend: true, label: ctx.legendLabel},
    symbol: {domain: ctx.groups, range: ctx.symbols},
    r: {type: "identity"},
    marks: [
      Plot.geo(outlines, {fill: "#f3f2f1", stroke: MUTED, strokeWidth: 0.75}),
      Plot.geo(mesh(ctx.topology, ctx.topology.objects[ctx.object] as never, (a, b) => a !== b), {stroke: INK, strokeWidth: 1}),
      ...ctx.groups.map((g, i) => Plot.dot(data.filter((d) => d.group === g), {
        x: "longitude", y: "latitude", fill: "group", symbol: "group", r: ctx.radii[i] * scale, stroke: i === ctx.groups.length - 1 ? "white" : "none", strokeWidth: 0.75
      })),
      ctx.interactive ? Plot.tip(data, Plot.pointer({x: "longitude", y: "latitude", title: (d: Row) => String(d.title ?? d.group)})) : null
    ]
  };
}
