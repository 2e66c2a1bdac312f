// One redraw: the result for a state, drawn as a figure at a width and put in the page. The page calls it on every
// change, and bench/explore.ts times exactly this.
import type {Catalogue} from "./catalogue.js";
import {resultCsv} from "./csv.js";
import {resultFigure} from "./figure.js";
import {computeResult, type Extract} from "./model.js";
import type {ExploreState} from "./state.js";

export function drawResult(holder: HTMLElement, extract: Extract, state: ExploreState, catalogue: Catalogue, width: number): HTMLElement {
  const result = computeResult(extract, state, catalogue);
  // a data: address, not a Blob's: registering a Blob is a round trip to the browser process on every change
  const csvHref = `data:text/csv;charset=utf-8,${encodeURIComponent(resultCsv(result, catalogue))}`;
  // a reader who opened the data table keeps it open
  const tableOpen = holder.querySelector<HTMLDetailsElement>("details.chart-table")?.open ?? false;
  const figure = resultFigure(result, catalogue, holder.ownerDocument, {width, csvHref, tableOpen});
  holder.replaceChildren(figure);
  return figure;
}
