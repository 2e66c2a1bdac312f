// Plot figures, as plain functions of (data, context): the same call renders the static SVG at build
// time (with a jsdom document) and the interactive chart in the browser. Chart specs name them here.
import {monthlyLines} from "./lines.js";
import {hourDayHeatmap} from "./heatmap.js";
import {pointsMap} from "./points.js";
import {pairedBars} from "./paired.js";
import {rankedBars, shareBars} from "./bars.js";
import {beforeAfter} from "./changes.js";
import {choropleth} from "./maps.js";
import {gappedMonthlyLines} from "./trend.js";
import {exploreLines} from "../explore/lines.js";

export const PLOTS = {monthlyLines, hourDayHeatmap, pointsMap, pairedBars, rankedBars, shareBars, beforeAfter, choropleth, gappedMonthlyLines, exploreLines} as const;
export type PlotName = keyof typeof PLOTS;
export type {PlotContext, Row} from "./context.js";
