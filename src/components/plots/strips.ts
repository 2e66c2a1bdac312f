// One row per category, every force's share in it as a thin grey line and the force the page is about as a large
// dark dot with its share written beside it: where one force sits among many, with no colour needed to read it.
import * as Plot from "@observablehq/plot";
import {formatRate} from "../format.js";
import {INK, MUTED, PALETTE} from "../palette.js";
import {base, lineEms, type PlotContext, type Row} from "./context.js";

const percent = (n: number) => `${formatRate(n * 100)}%`;

/** The options a chart spec gives forceStrips. */
export interface ForceStripsOptions {
  valueLabel: string;
  /** what the written median is of, e.g. "other forces' middle" */
  medianLabel: string;
}

/** Rows: {group, force, share (0–1), role: "this" | "other"}; groups in the order of their first row. */
export function forceStrips(data: Row[], ctx: PlotContext & ForceStripsOptions): Plot.PlotOptions {
  const groups = [...new Set(data.map((d) => String(d.group)))];
  const own = data.filter((d) => d.role === "this");
  const others = data.filter((d) => d.role !== "this");
  const medianOf = (g: string) => {
    const s = others.filter((d) => d.group === g).map((d) => Number(d.share)).sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const narrow = ctx.width < 480;
  // On a phone a row's label takes two lines: the rows are taller and the marks thinner.
  const rowHeight = narrow ? 66 : 48, padding = narrow ? 0.6 : 0.5;
  const max = Math.max(...data.map((d) => Number(d.share)), 0);
  return {
    ...base(ctx, groups.length * rowHeight + 40),
    marginLeft: 14,
    marginRight: 14,
    marginTop: 8,
    x: {domain: [0, max * 1.02 || 1], label: ctx.valueLabel, labelAnchor: "left", grid: false, ticks: narrow ? 3 : 5, tickFormat: (d: number) => `${Math.round(d * 100)}%`},
    y: {domain: groups, axis: null, paddingInner: padding, paddingOuter: 0.3, align: 1},
    marks: [
      Plot.tickX(others, {x: "share", y: "group", stroke: MUTED, strokeOpacity: 0.7, strokeWidth: 1.5}),
      Plot.dot(own, {x: "share", y: "group", r: 6, fill: PALETTE[0], stroke: "white", strokeWidth: 1.5}),
      Plot.text(own, {x: 0, y: "group", textAnchor: "start", lineAnchor: "bottom", dy: -rowHeight * (1 - padding) * 0.5 - 3, fill: INK,
        text: (d: Row) => `${d.group}: ${percent(Number(d.share))} (${ctx.medianLabel} ${percent(medianOf(String(d.group)))})`, lineWidth: narrow ? lineEms(ctx.width, 44) : 60}),
      Plot.ruleX([0], {stroke: INK}),
      ctx.interactive ? Plot.tip(data, Plot.pointer({x: "share", y: "group", title: (d: Row) => `${d.force}\n${d.group}: ${percent(Number(d.share))}`})) : null
    ]
  };
}
