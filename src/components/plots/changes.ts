// Before and after, one row per category: a hollow dot for the earlier period, an arrow to the later one,
// and the change written beside it ("up 44", "down 98"), so direction never depends on colour.
import * as Plot from "@observablehq/plot";
import {formatCount} from "../format.js";
import {INK, PALETTE} from "../palette.js";
import {base, type PlotContext, type Row} from "./context.js";

const ROW_HEIGHT = 44;
const UP = PALETTE[3];
const DOWN = PALETTE[0];

/** The options a chart spec gives beforeAfter. */
export interface BeforeAfterOptions {
  valueLabel: string;
  beforeLabel: string;
  afterLabel: string;
}

/** Rows: {label, before, after, change}; drawn in the order given. */
export function beforeAfter(data: Row[], ctx: PlotContext & BeforeAfterOptions): Plot.PlotOptions {
  const labels = data.map((d) => String(d.label));
  const max = Math.max(...data.flatMap((d) => [Number(d.before), Number(d.after)]), 0);
  const narrow = ctx.width < 480;
  const word = (d: Row) => {
    const c = Number(d.change);
    return c > 0 ? `up ${formatCount(c)}` : c < 0 ? `down ${formatCount(-c)}` : "no change";
  };
  const colour = (d: Row) => (Number(d.change) > 0 ? UP : DOWN);
  return {
    ...base(ctx, data.length * ROW_HEIGHT + 40),
    marginLeft: 14,
    marginRight: narrow ? 78 : 96,
    marginTop: 8,
    x: {domain: [0, max * 1.03 || 1], label: ctx.valueLabel, labelAnchor: "left", grid: true, tickFormat: formatCount, ticks: narrow ? 3 : 6},
    y: {domain: labels, axis: null, paddingInner: 0.55, paddingOuter: 0.3, align: 1},
    marks: [
      Plot.text(data, {x: 0, y: "label", text: "label", textAnchor: "start", lineAnchor: "bottom", dy: -ROW_HEIGHT * 0.45 * 0.5 - 3, fill: INK}),
      Plot.arrow(data.filter((d) => Number(d.change) !== 0), {x1: "before", x2: "after", y: "label", stroke: colour, strokeWidth: 2.5, headLength: 8, insetEnd: 4}),
      Plot.dot(data, {x: "before", y: "label", r: 4.5, stroke: INK, fill: "white", strokeWidth: 1.5}),
      Plot.dot(data, {x: "after", y: "label", r: 4.5, fill: colour, stroke: INK, strokeWidth: 1}),
      Plot.text(data, {x: (d: Row) => Math.max(Number(d.before), Number(d.after)), y: "label", text: word, textAnchor: "start", dx: 9, fill: INK, fontWeight: "bold"}),
      ctx.interactive ? Plot.tip(data, Plot.pointerY({x: "after", y: "label",
        title: (d: Row) => `${d.label}\n${ctx.beforeLabel}: ${formatCount(Number(d.before))}\n${ctx.afterLabel}: ${formatCount(Number(d.after))}`})) : null
    ]
  };
}
