// A share by age: for each set of files, how the share of its crimes still open falls as the crimes age (x: whole
// months from the crime's month to when the file was taken). Each set is a line with its own symbol and dash, and the
// legend shows the symbols, so colour is never the only signal; months that look under-supplied are hollow.
import * as Plot from "@observablehq/plot";
import {formatMonth, formatRate} from "../format.js";
import {INK, PALETTE} from "../palette.js";
import {base, lineEms, type PlotContext, type Row} from "./context.js";

/** The options a chart spec gives ageLines. */
export interface AgeLinesOptions {
  /** the sets of files, in the order drawn */
  series: string[];
  xLabel: string;
  yLabel: string;
}

const percent = (n: number) => `${formatRate(n * 100)}%`;

/** Rows: {series, month, age, share (0–1), underSupplied}. One line per series, points joined in order of age. */
export function ageLines(data: Row[], ctx: PlotContext & AgeLinesOptions): Plot.PlotOptions {
  const narrow = ctx.width < 480;
  const rows = [...data].sort((a, b) => Number(a.age) - Number(b.age));
  const maxAge = Math.max(...rows.map((d) => Number(d.age)), 1);
  const maxShare = Math.max(...rows.map((d) => Number(d.share)), 0);
  return {
    ...base(ctx, narrow ? 300 : 340),
    marginRight: narrow ? 12 : 24,
    // On a phone the long axis label is written under the axis, wrapped to the chart's width (an axis label does not wrap).
    marginBottom: narrow ? 64 : 40,
    x: {domain: [0, maxAge], label: narrow ? null : ctx.xLabel, labelAnchor: "left", labelArrow: "none", ticks: Math.min(maxAge, narrow ? 4 : 8), tickFormat: (d: number) => String(d)},
    y: {domain: [0, Math.min(1, maxShare * 1.1) || 1], grid: true, label: ctx.yLabel, tickFormat: (d: number) => `${Math.round(d * 100)}%`},
    color: {domain: ctx.series, range: PALETTE.slice(0, ctx.series.length) as unknown as string[]},
    // The legend shows each set's symbol in its colour, so the sets are told apart by shape as well as colour.
    symbol: {domain: ctx.series, range: ["circle", "square", "triangle", "diamond", "star", "cross"].slice(0, ctx.series.length), legend: true},
    marks: [
      narrow ? Plot.text([ctx.xLabel], {frameAnchor: "bottom-left", text: (d: string) => d, textAnchor: "start", lineAnchor: "top", dx: -40, dy: 28, fill: INK, lineWidth: lineEms(ctx.width)}) : null,
      Plot.ruleY([0], {stroke: INK}),
      ...ctx.series.map((s, i) => Plot.lineY(rows.filter((d) => d.series === s), {x: "age", y: "share", stroke: () => s, strokeWidth: 2.5, strokeDasharray: i % 2 ? "6 3" : undefined})),
      Plot.dot(rows.filter((d) => !d.underSupplied), {x: "age", y: "share", symbol: "series", r: 4, fill: "series", stroke: "series", strokeWidth: 1.5}),
      Plot.dot(rows.filter((d) => d.underSupplied), {x: "age", y: "share", symbol: "series", r: 4, fill: "white", stroke: "series", strokeWidth: 1.5}),
      ctx.interactive ? Plot.tip(rows, Plot.pointer({x: "age", y: "share",
        title: (d: Row) => `${formatMonth(String(d.month))} (${d.series})\n${ctx.yLabel}: ${percent(Number(d.share))}\n${ctx.xLabel}: ${d.age}${d.underSupplied ? "\nLooks under-supplied" : ""}`})) : null
    ]
  };
}
