// Published survey figures, one bar each, grouped under the survey (or report) they come from: figures from different
// surveys or definitions sit under their own heading and nothing joins them into a series. Each bar's label names the
// measure and its period, and its value is written at the bar's end.
import * as Plot from "@observablehq/plot";
import {INK, PALETTE} from "../palette.js";
import {base, lineEms, type PlotContext, type Row} from "./context.js";

const value = new Intl.NumberFormat("en-GB", {maximumFractionDigits: 1});

/** The options a chart spec gives surveyBars. */
export interface SurveyBarsOptions {
  /** the surveys, in the order shown */
  surveys: string[];
  valueLabel: string;
}

/** Rows: {survey, label, value (a percentage, 0–100, as published)}; within a survey, in the order given. */
export function surveyBars(data: Row[], ctx: PlotContext & SurveyBarsOptions): Plot.PlotOptions {
  const key = (d: Row) => `${d.survey}|${d.label}`;
  const domain = ctx.surveys.flatMap((s) => [`# ${s}`, ...data.filter((d) => d.survey === s).map(key)]);
  const headings = ctx.surveys.map((s) => ({survey: s, key: `# ${s}`}));
  const narrow = ctx.width < 480;
  // On a phone a label wraps to two lines above its bar: the rows are taller and the bars thinner.
  const rowHeight = narrow ? 58 : 44, padding = narrow ? 0.62 : 0.55;
  return {
    ...base(ctx, domain.length * rowHeight + 36),
    marginLeft: 14,
    marginRight: narrow ? 44 : 56,
    marginTop: 8,
    x: {domain: [0, 100], label: ctx.valueLabel, labelAnchor: "left", grid: false, ticks: narrow ? 3 : 5, tickFormat: (d: number) => `${d}%`},
    y: {domain, axis: null, paddingInner: padding, paddingOuter: 0.3, align: 1},
    marks: [
      Plot.text(headings, {x: 0, y: "key", text: "survey", textAnchor: "start", fill: INK, fontWeight: "bold", lineWidth: narrow ? Math.floor(lineEms(ctx.width, 44) * 0.85) : 52}),
      Plot.barX(data, {x: "value", y: key, fill: PALETTE[0]}),
      Plot.text(data, {x: 0, y: key, text: "label", textAnchor: "start", lineAnchor: "bottom", dy: -rowHeight * (1 - padding) * 0.5 - 3, fill: INK, lineWidth: narrow ? lineEms(ctx.width, 44) : 52}),
      Plot.text(data, {x: "value", y: key, text: (d: Row) => `${value.format(Number(d.value))}%`, textAnchor: "start", dx: 4, fill: INK}),
      Plot.ruleX([0], {stroke: INK}),
      ctx.interactive ? Plot.tip(data, Plot.pointerY({x: "value", y: key, title: (d: Row) => `${d.survey}\n${d.label}: ${value.format(Number(d.value))}%`})) : null
    ]
  };
}
