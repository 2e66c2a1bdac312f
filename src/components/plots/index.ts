// Plot figures, as plain functions of (data, context): the same call renders the static SVG at build
// time (with a jsdom document) and the interactive chart in the browser. Chart specs name them here, and each
// spec's options are type-checked against the named function's own options (PlotOptionsByName).
import type * as Plot from "@observablehq/plot";
import {monthlyLines} from "./lines.js";
import {hourDayHeatmap} from "./heatmap.js";
import {pointsMap} from "./points.js";
import {pairedBars} from "./paired.js";
import {rankedBars, shareBars} from "./bars.js";
import {beforeAfter} from "./changes.js";
import {choropleth} from "./maps.js";
import {gappedMonthlyLines} from "./trend.js";
import {ageLines} from "./ages.js";
import {forceStrips} from "./strips.js";
import {surveyBars} from "./surveys.js";
import type {PlotContext, Row} from "./context.js";

const PLOTS = {monthlyLines, hourDayHeatmap, pointsMap, pairedBars, rankedBars, shareBars, beforeAfter, choropleth, gappedMonthlyLines, ageLines, forceStrips, surveyBars} as const;
export type PlotName = keyof typeof PLOTS;

/** Each plot's own options, by name: what a chart spec carries beside its data (width and document come later). */
export type PlotOptionsByName = {[K in PlotName]: Omit<Parameters<(typeof PLOTS)[K]>[1], keyof PlotContext>};

/** The plot functions, typed so that a spec's plot name selects its options' type. */
export const PLOT_FUNCTIONS: {[K in PlotName]: (data: Row[], ctx: PlotContext & PlotOptionsByName[K]) => Plot.PlotOptions} = PLOTS;
export type {PlotContext, Row} from "./context.js";
