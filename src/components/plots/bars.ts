// Horizontal bar charts with the label above each bar (long area and category names fit at phone width)
// and the value written at the end of each bar, so no reading is left to colour or to an axis.
import * as Plot from "@observablehq/plot";
import {formatCount, formatRate} from "../format.js";
import {INK, MUTED, PALETTE} from "../palette.js";
import {base, textWidth, type PlotContext, type Row} from "./context.js";

/** Fill for each bar's role: the area the page is about, the other areas, and the force as a whole. */
export const ROLE_FILL = {this: PALETTE[0], other: "#5694CA", force: MUTED} as const;
const ROW_HEIGHT = 44;

const percent = (n: number) => `${formatRate(n * 100)}%`;
const formatter = (kind: string | undefined) => kind === "count" ? formatCount : kind === "percent" ? percent : formatRate;

/** The options a chart spec gives rankedBars. */
export interface RankedBarsOptions {
  valueLabel: string;
  format?: "rate" | "count" | "percent";
}

/**
 * Bars ranked by value. Rows: {label, value, role: "this" | "other" | "force"}; drawn in the order given.
 * The row whose role is "this" is darker and its label bold; the force row is grey.
 */
export function rankedBars(data: Row[], ctx: PlotContext & RankedBarsOptions): Plot.PlotOptions {
  const fmt = formatter(ctx.format);
  const labels = data.map((d) => String(d.label));
  const max = Math.max(...data.map((d) => Number(d.value)), 0);
  const narrow = ctx.width < 480;
  return {
    ...base(ctx, data.length * ROW_HEIGHT + 36),
    marginLeft: 14,
    marginRight: narrow ? 44 : 56,
    marginTop: 8,
    x: {domain: [0, max * 1.02 || 1], label: ctx.valueLabel, labelAnchor: "left", grid: false, tickFormat: ctx.format === "percent" ? fmt : formatCount, ticks: narrow ? 3 : 5},
    y: {domain: labels, axis: null, paddingInner: 0.55, paddingOuter: 0.3, align: 1},
    marks: [
      Plot.barX(data, {x: "value", y: "label", fill: (d: Row) => ROLE_FILL[d.role as keyof typeof ROLE_FILL] ?? ROLE_FILL.other}),
      ...(["normal", "bold"] as const).map((weight) => Plot.text(data.filter((d) => (d.role === "this") === (weight === "bold")),
        {x: 0, y: "label", text: "label", textAnchor: "start", lineAnchor: "bottom", dy: -ROW_HEIGHT * 0.45 * 0.5 - 3, fill: INK, fontWeight: weight})),
      Plot.text(data, {x: "value", y: "label", text: (d: Row) => fmt(Number(d.value)), textAnchor: "start", dx: 4, fill: INK}),
      Plot.ruleX([0], {stroke: INK}),
      ctx.interactive ? Plot.tip(data, Plot.pointerY({x: "value", y: "label", title: (d: Row) => `${d.label}\n${ctx.valueLabel}: ${fmt(Number(d.value))}`})) : null
    ]
  };
}

/** The options a chart spec gives shareBars. */
export interface ShareBarsOptions {
  valueLabel: string;
  compareLabel: string;
  /** "percent" (the default): shares are fractions 0–1; "rate": values are rates, written with one decimal */
  format?: "percent" | "rate";
  /** write the comparison's value beside each bar too (default true); false when it is the same for every row */
  labelCompare?: boolean;
}

/**
 * Shares of a whole, with a comparison marker. Rows: {label, share, compare} (fractions 0–1). The bar is this area,
 * the black tick the comparison (the force), and the text gives both numbers. With format "rate" the same for rates
 * (a force's rate by type, the tick the average of the forces).
 */
export function shareBars(data: Row[], ctx: PlotContext & ShareBarsOptions): Plot.PlotOptions {
  const rate = ctx.format === "rate";
  const fmt = rate ? formatRate : percent;
  const labels = data.map((d) => String(d.label));
  const max = Math.max(...data.flatMap((d) => [Number(d.share), Number(d.compare)]), 0);
  const narrow = ctx.width < 480;
  const valueText = (d: Row) => (ctx.labelCompare === false ? fmt(Number(d.share)) : `${fmt(Number(d.share))} (${ctx.compareLabel} ${fmt(Number(d.compare))})`);
  // Room at the right for the longest value text, so "49.6% (force 50.9%)" is not cut off on a phone.
  const longest = Math.max(0, ...data.map((d) => valueText(d).length));
  return {
    ...base(ctx, data.length * ROW_HEIGHT + 36),
    marginLeft: 14,
    marginRight: Math.max(ctx.labelCompare === false ? (narrow ? 48 : 56) : narrow ? 118 : 140, textWidth(longest, ctx) + 10),
    marginTop: 8,
    x: {domain: [0, max * 1.02 || 1], label: ctx.valueLabel, labelAnchor: "left", tickFormat: rate ? formatCount : (d: number) => `${Math.round(d * 100)}%`, ticks: narrow ? 3 : 5},
    y: {domain: labels, axis: null, paddingInner: 0.55, paddingOuter: 0.3, align: 1},
    marks: [
      Plot.barX(data, {x: "share", y: "label", fill: ROLE_FILL.this}),
      Plot.tickX(data, {x: "compare", y: "label", stroke: INK, strokeWidth: 2.5, insetTop: -4, insetBottom: -4}),
      Plot.text(data, {x: 0, y: "label", text: "label", textAnchor: "start", lineAnchor: "bottom", dy: -ROW_HEIGHT * 0.45 * 0.5 - 3, fill: INK}),
      Plot.text(data, {x: (d: Row) => Math.max(Number(d.share), Number(d.compare)), y: "label", textAnchor: "start", dx: 6, fill: INK,
        text: valueText}),
      Plot.ruleX([0], {stroke: INK})
    ]
  };
}
