// Line charts over months.
import * as Plot from "@observablehq/plot";
import {formatCount, formatMonthShort, monthDate} from "../format.js";
import {PALETTE} from "../palette.js";

import {base, textWidth, type PlotContext, type Row} from "./context.js";

/** The options a chart spec gives monthlyLines. */
export interface MonthlyLinesOptions {
  series: string[];
  yLabel: string;
}

/** Monthly counts, one line per series, labelled at the line ends (colour is not the only signal). */
export function monthlyLines(data: Row[], ctx: PlotContext & MonthlyLinesOptions): Plot.PlotOptions {
  const rows: Row[] = data.map((d) => ({...d, date: monthDate(String(d.month))}));
  const last = ctx.series.map((s) => rows.filter((d) => d.series === s).at(-1)).filter(Boolean) as Row[];
  const narrow = ctx.width < 480;
  return {
    ...base(ctx, narrow ? 300 : 340),
    // room for the longest end label (bold, about 0.6 em a character)
    marginRight: narrow ? 12 : Math.max(60, textWidth(Math.max(...ctx.series.map((s) => s.length)), ctx, true) + 16),
    x: {type: "utc", label: null, tickFormat: (d: Date) => formatMonthShort(d.toISOString().slice(0, 7)), ticks: Math.max(3, Math.floor((ctx.width - 200) / 90))},
    y: {grid: true, label: ctx.yLabel, zero: true, tickFormat: formatCount},
    color: {domain: ctx.series, range: PALETTE.slice(0, ctx.series.length) as unknown as string[], legend: narrow},
    marks: [
      Plot.ruleY([0]),
      ...ctx.series.map((s, i) => Plot.lineY(rows.filter((d) => d.series === s), {x: "date", y: "count", stroke: "series", strokeWidth: 2.5, strokeDasharray: i % 2 ? "6 3" : undefined})),
      Plot.dot(rows, {x: "date", y: "count", fill: "series", r: 3, symbol: "series"}),
      narrow ? null : Plot.text(last, {x: "date", y: "count", text: "series", fill: "series", textAnchor: "start", dx: 8, fontWeight: "bold"}),
      ctx.interactive ? Plot.tip(rows, Plot.pointer({x: "date", y: "count", title: (d: Row) => `${d.series}\n${formatMonthShort(String(d.month))}: ${formatCount(Number(d.count))}`})) : null
    ]
  };
}

