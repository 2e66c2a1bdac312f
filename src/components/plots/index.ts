// Plot figures, as plain functions of (data, context): the same call renders the static SVG at build
// time (with a jsdom document) and the interactive chart in the browser. Chart specs name them here.
import {monthlyLines} from "./lines.js";

export const PLOTS = {monthlyLines} as const;
export type PlotName = keyof typeof PLOTS;
export type {PlotContext, Row} from "./context.js";
