// Published local figures (from the force's and partnerships' reports) for one area, and how pages word them.
// The table is data/reference/published-measures.csv, read and validated by loaders/sources/published.ts.
import {DOCUMENTS} from "../sources/documents.ts";
import {readPublishedMeasures, type PublishedMeasure} from "../sources/published.ts";

// How a published figure is worded lives with the documents (any page cites them); area pages import it from here.
export {periodText, quoteText, valueText} from "../sources/documents.ts";

export type {PublishedMeasure};

/** Short titles of the cited documents, by file name. */
export function documentTitles(): Map<string, string> {
  return new Map(DOCUMENTS.map((d) => [d.file, d.shortTitle]));
}

/** Rows for one area (by ONS code), in the table's order. */
export async function publishedMeasuresFor(areaCode: string): Promise<PublishedMeasure[]> {
  return readPublishedMeasures().filter((m) => m.areaCode === areaCode);
}
