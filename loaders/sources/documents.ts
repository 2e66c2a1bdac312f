// The published documents cited on the site (data/reference/documents/documents.csv) and citation wording.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {REFERENCE_DIR} from "../lib/paths.ts";
import type {PublishedMeasure} from "./published.ts";

export interface PublishedDocument {
  file: string;
  title: string;
  shortTitle: string;
  publisher: string;
  date: string;
  /** the publisher's web address, as the documents print it; "" where none is known */
  publisherAddress: string;
}

export const DOCUMENTS: PublishedDocument[] = csvParse(readFileSync(join(REFERENCE_DIR, "documents", "documents.csv"), "utf8")).map((d) => ({
  file: d.file!, title: d.title!, shortTitle: d.short_title!, publisher: d.publisher!, date: d.date!, publisherAddress: d.publisher_address ?? ""
}));

const byFile = new Map(DOCUMENTS.map((d) => [d.file, d]));

export function documentOf(file: string): PublishedDocument {
  const doc = byFile.get(file);
  if (!doc) throw new Error(`${file} is not listed in data/reference/documents/documents.csv`);
  return doc;
}

/** "Force performance report (January 2024), section 3.5 Road Safety: Enforcement" */
export function citation(measure: Pick<PublishedMeasure, "document" | "section">): string {
  const section = measure.section.replace(/^(\d+(?:\.\d+)*)\s+/, "section $1, ");
  return `${documentOf(measure.document).shortTitle}, ${/^section /.test(section) ? section : `“${section}”`}`;
}
