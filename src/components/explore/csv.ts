// The CSV of what the explorer shows: one row per line and month held, with the area, the type, the measure
// and the source on every row, so a downloaded file still says what it is.
import {csvFormat} from "d3-dsv";
import type {Catalogue} from "./catalogue.js";
import type {Result} from "./model.js";

export const CSV_COLUMNS = ["area", "type", "month", "measure", "value", "source"] as const;

export function measureWords(measure: "count" | "rate"): string {
  return measure === "rate" ? "records per 1,000 residents" : "records";
}

/** The source line for a result: the data's, plus the population's when rates are shown. */
export function sourceLine(result: Result, catalogue: Catalogue): string {
  return result.state.measure === "rate" ? `${catalogue.source}; residents: ${catalogue.populationSource}` : catalogue.source;
}

export function resultCsv(result: Result, catalogue: Catalogue): string {
  const {view, measure} = result.state;
  const source = sourceLine(result, catalogue);
  const rows = result.series.flatMap((s) => result.months.map((month, i) => {
    const value = s.values[i];
    return {
      area: view === "areas" ? s.label : result.areasLabel,
      type: view === "types" ? s.label : result.typesLabel,
      month,
      measure: measureWords(measure),
      value: value === null ? "" : measure === "rate" ? value.toFixed(3) : String(value),
      source
    };
  }));
  return csvFormat(rows, [...CSV_COLUMNS]) + "\n";
}

/** A short file name for a result's CSV. */
export function csvFileName(result: Result): string {
  return `explore-${result.state.measure}-${result.state.from}-to-${result.state.to}.csv`;
}
