// Hour of day × day of week: a grid of counts, with the number written in the busiest cells (so the
// reading does not rest on colour alone) and the full grid in the chart's table.
import * as Plot from "@observablehq/plot";
import {formatCount} from "../format.js";
import {INK} from "../palette.js";
import {base, type PlotContext, type Row} from "./context.js";

const HOURS = (h: number) => (h === 0 ? "0:00" : `${h}:00`);

/** The options a chart spec gives hourDayHeatmap. */
export interface HourDayHeatmapOptions {
  days: string[];
  valueLabel: string;
  labelAbove?: number;
}

/** Rows: {hour 0–23, day, collisions}; `days` gives the row order. */
export function hourDayHeatmap(data: Row[], ctx: PlotContext & HourDayHeatmapOptions): Plot.PlotOptions {
  const narrow = ctx.width < 480;
  const max = Math.max(...data.map((d) => Number(d.collisions)));
  const threshold = ctx.labelAbove ?? Math.ceil(max * 0.6);
  return {
    ...base(ctx, narrow ? 300 : 290),
    marginLeft: narrow ? 40 : 84,
    marginBottom: 36,
    padding: 0.06,
    x: {type: "band", domain: Array.from({length: 24}, (_, h) => h), label: "Hour of the day", labelAnchor: "left", labelArrow: "none",
      tickFormat: (h: number) => (h % (narrow ? 6 : 3) === 0 ? HOURS(h) : "")},
    y: {domain: ctx.days, label: null, tickFormat: (d: string) => (narrow ? d.slice(0, 3) : d)},
    // Quantized (not continuous): a continuous legend needs a canvas, which the build-time renderer lacks.
    color: {type: "quantize", n: 5, scheme: "blues", domain: [0, max], legend: true, label: ctx.valueLabel},
    marks: [
      Plot.cell(data, {x: "hour", y: "day", fill: "collisions", inset: 0.5}),
      narrow ? null : Plot.text(data.filter((d) => Number(d.collisions) >= threshold), {x: "hour", y: "day", text: (d: Row) => formatCount(Number(d.collisions)), fill: "white", fontWeight: "bold"}),
      ctx.interactive ? Plot.tip(data, Plot.pointer({x: "hour", y: "day", title: (d: Row) => `${d.day} ${HOURS(Number(d.hour))}–${HOURS((Number(d.hour) + 1) % 24)}\n${formatCount(Number(d.collisions))} ${ctx.valueLabel.toLowerCase()}`})) : null,
      Plot.frame({stroke: INK, strokeOpacity: 0.2})
    ]
  };
}
