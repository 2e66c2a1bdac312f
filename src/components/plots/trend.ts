// Monthly lines that break where months are missing (a line across a gap would invent the months between),
// with the gap labelled and each line named at its end.
import * as Plot from "@observablehq/plot";
import {formatCount, formatMonth, formatMonthShort, monthDate} from "../format.js";
import {MUTED, PALETTE} from "../palette.js";
import {monthGaps, monthRuns} from "../months.js";
import {base, textWidth, type PlotContext, type Row} from "./context.js";


/** The options a chart spec gives gappedMonthlyLines. */
export interface GappedMonthlyLinesOptions {
  series: string[];
  yLabel: string;
}

/** Rows: {month, series, count}. Consecutive runs of months form one line each. */
export function gappedMonthlyLines(data: Row[], ctx: PlotContext & GappedMonthlyLinesOptions): Plot.PlotOptions {
  const months = [...new Set(data.map((d) => String(d.month)))];
  const run = new Map(monthRuns(months).flatMap((ms, r) => ms.map((m) => [m, r] as const)));
  const gaps = monthGaps(months);
  const rows: Row[] = data.map((d) => ({...d, date: monthDate(String(d.month)), run: run.get(String(d.month))}));
  const last = ctx.series.map((s) => rows.filter((d) => d.series === s).at(-1)).filter(Boolean) as Row[];
  const narrow = ctx.width < 480;
  const max = Math.max(...rows.map((d) => Number(d.count)), 0);
  return {
    ...base(ctx, narrow ? 300 : 340),
    // Room for the longest line name at its end, in bold ("Anti-social behaviour" was cut off at 150).
    marginRight: narrow ? 12 : Math.max(150, textWidth(Math.max(...ctx.series.map((n) => n.length)), ctx, true) + 16),
    marginTop: 28,
    x: {type: "utc", label: null, tickFormat: (d: Date) => formatMonthShort(d.toISOString().slice(0, 7)), ticks: Math.max(3, Math.floor((ctx.width - 200) / 90))},
    y: {grid: true, label: ctx.yLabel, zero: true, tickFormat: formatCount, domain: [0, max * 1.08 || 1]},
    color: {domain: ctx.series, range: PALETTE.slice(0, ctx.series.length) as unknown as string[], legend: narrow},
    marks: [
      Plot.rectX(gaps, {x1: (g: {from: string}) => monthDate(g.from), x2: (g: {to: string}) => monthDate(g.to), fill: "#f3f2f1"}),
      Plot.text(gaps, {x: (g: {from: string; to: string}) => new Date((monthDate(g.from).getTime() + monthDate(g.to).getTime()) / 2), frameAnchor: "top", lineAnchor: "top", dy: 6,
        text: (g: {from: string; to: string}) => narrow ? "No data" : `${formatMonthShort(g.from)}–${formatMonthShort(g.to)}: not in this snapshot`, fill: MUTED, lineWidth: narrow ? 6 : 12}),
      Plot.ruleY([0]),
      ...ctx.series.map((s, i) => Plot.lineY(rows.filter((d) => d.series === s), {x: "date", y: "count", z: "run", stroke: () => s, strokeWidth: 2.5, strokeDasharray: i % 2 ? "6 3" : undefined})),
      Plot.dot(rows, {x: "date", y: "count", fill: "series", r: 3, symbol: "series"}),
      narrow ? null : Plot.text(last, {x: "date", y: "count", text: "series", fill: "series", textAnchor: "start", dx: 8, fontWeight: "bold"}),
      ctx.interactive ? Plot.tip(rows, Plot.pointer({x: "date", y: "count", title: (d: Row) => `${d.series}\n${formatMonth(String(d.month))}: ${formatCount(Number(d.count))}`})) : null
    ]
  };
}
