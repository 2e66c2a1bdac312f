// Two sources side by side for the same measures (e.g. the force's own count against STATS19): never
// merged into one bar or one series. Each bar names its source in text, so colour is not the only signal.
import * as Plot from "@observablehq/plot";
import {formatCount} from "../format.js";
import {INK, PALETTE} from "../palette.js";
import {base, type PlotContext, type Row} from "./context.js";

/** The options a chart spec gives pairedBars. */
export interface PairedBarsOptions {
  sources: string[];
  valueLabel: string;
}

/** Rows: {measure, source, value}; `sources` in the order shown within each measure. */
export function pairedBars(data: Row[], ctx: PlotContext & PairedBarsOptions): Plot.PlotOptions {
  const measures = [...new Set(data.map((d) => String(d.measure)))];
  const narrow = ctx.width < 480;
  const max = Math.max(...data.map((d) => Number(d.value)));
  const rowHeight = 30;
  return {
    ...base(ctx, measures.length * (ctx.sources.length * rowHeight + 34) + 40),
    marginLeft: narrow ? 96 : 120,
    marginRight: narrow ? 40 : 48,
    marginTop: 10,
    x: {domain: [0, max * 1.05], label: ctx.valueLabel, labelAnchor: "left", grid: true, ticks: narrow ? 3 : 5, tickFormat: formatCount},
    fy: {domain: measures, label: null, padding: 0.25},
    y: {domain: ctx.sources, label: null, axis: "left", tickSize: 0, padding: 0.2},
    color: {domain: ctx.sources, range: PALETTE.slice(0, ctx.sources.length) as unknown as string[]},
    facet: {data, y: "measure", marginLeft: narrow ? 96 : 120},
    marks: [
      Plot.axisFy({anchor: "left", dx: narrow ? -4 : 0, textAnchor: "start", frameAnchor: "top", dy: -14, fontWeight: "bold", label: null, tickSize: 0, lineWidth: 12}),
      Plot.barX(data, {x: "value", y: "source", fill: "source"}),
      Plot.text(data, {x: "value", y: "source", text: (d: Row) => formatCount(Number(d.value)), textAnchor: "start", dx: 4, fill: INK}),
      Plot.ruleX([0], {stroke: INK})
    ]
  };
}
