// The explorer's chart: one line per series over the chosen months. A line stops where the data holds no months
// (a line across a gap would invent them), the gap is shaded and named, and each series has its own colour,
// dash pattern and symbol, named in a legend and, on wide charts, at the line's end: colour is never the only signal.
import * as Plot from "@observablehq/plot";
import {formatCount, formatMonth, formatMonthShort, formatRate, monthDate} from "../format.js";
import {MUTED, PALETTE} from "../palette.js";
import {base, type PlotContext, type Row} from "../plots/context.js";
import {monthIndex} from "../months.js";

export const DASHES = [undefined, "7 3", "2 3", "9 3 2 3", "4 4", "1 2"] as const;
export const SYMBOLS = ["circle", "diamond", "square", "triangle", "cross", "star"] as const;

export interface ExploreLinesOptions {
  series: string[];
  measure: "count" | "rate";
  yLabel: string;
  from: string;
  to: string;
  gaps: {from: string; to: string}[];
}

/** Rows: {month, series, value}; value null where there is nothing to draw. */
export function exploreLines(data: Row[], ctx: PlotContext & ExploreLinesOptions): Plot.PlotOptions {
  const narrow = ctx.width < 480;
  const held = [...new Set(data.map((d) => String(d.month)))].sort();
  // consecutive held months form one run; a line is drawn per series and run
  const run = new Map<string, number>();
  held.forEach((m, i) => run.set(m, i === 0 ? 0 : run.get(held[i - 1])! + (monthIndex(m) - monthIndex(held[i - 1]) > 1 ? 1 : 0)));
  const rows: Row[] = data.filter((d) => d.value !== null && d.value !== undefined)
    .map((d) => ({...d, date: monthDate(String(d.month)), run: run.get(String(d.month))}));
  const format = ctx.measure === "rate" ? formatRate : formatCount;
  const max = Math.max(0, ...rows.map((d) => Number(d.value)));
  const x0 = monthDate(ctx.from), x1 = monthDate(ctx.to);
  const pad = x0.getTime() === x1.getTime() ? 15 * 864e5 : 0;
  const last = ctx.series.map((s) => rows.filter((d) => d.series === s).at(-1)).filter(Boolean) as Row[];
  const gapMid = (g: {from: string; to: string}) => new Date((monthDate(g.from).getTime() + monthDate(g.to).getTime()) / 2);
  const colours = PALETTE.slice(0, Math.max(1, ctx.series.length)) as unknown as string[];
  const longest = Math.max(0, ...ctx.series.map((s) => s.length));
  return {
    ...base(ctx, narrow ? 300 : 340),
    marginTop: 28,
    marginRight: narrow ? 16 : Math.min(220, Math.max(40, Math.ceil(longest * 13 * 0.62) + 16)),
    x: {type: "utc", domain: [new Date(x0.getTime() - pad), new Date(x1.getTime() + pad)], label: null,
      tickFormat: (d: Date) => formatMonthShort(d.toISOString().slice(0, 7)), ticks: Math.max(3, Math.floor((ctx.width - 60) / 90))},
    y: {grid: true, label: ctx.yLabel, zero: true, domain: [0, max * 1.08 || 1], tickFormat: format},
    color: {domain: ctx.series, range: colours, legend: false},
    symbol: {domain: ctx.series, range: SYMBOLS.slice(0, Math.max(1, ctx.series.length)) as unknown as string[], legend: false},
    marks: [
      Plot.rectX(ctx.gaps, {x1: (g: {from: string}) => monthDate(g.from), x2: (g: {to: string}) => monthDate(g.to), fill: "#f3f2f1", insetLeft: -4, insetRight: -4}),
      Plot.text(ctx.gaps, {x: gapMid, frameAnchor: "top", lineAnchor: "top", dy: 6, fill: MUTED, lineWidth: narrow ? 5 : 10,
        text: (g: {from: string; to: string}) => (narrow ? "No data" : `${g.from === g.to ? formatMonthShort(g.from) : `${formatMonthShort(g.from)}–${formatMonthShort(g.to)}`}: not in this snapshot`)}),
      Plot.ruleY([0]),
      ...ctx.series.map((s, i) => Plot.lineY(rows.filter((d) => d.series === s), {x: "date", y: "value", z: "run", stroke: colours[i], strokeWidth: 2.5, strokeDasharray: DASHES[i]})),
      Plot.dot(rows, {x: "date", y: "value", fill: "series", symbol: "series", r: 3.5}),
      narrow ? null : Plot.text(last, {x: "date", y: "value", text: "series", fill: "series", textAnchor: "start", dx: 8, fontWeight: "bold"}),
      ctx.interactive ? Plot.tip(rows, Plot.pointer({x: "date", y: "value", title: (d: Row) => `${d.series}\n${formatMonth(String(d.month))}: ${format(Number(d.value))}`})) : null
    ]
  };
}
