// The published documents cited on the site (data/reference/documents/documents.csv) and how a cited figure is worded:
// its citation (document and section), period, value and quote.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {REFERENCE_DIR} from "../lib/paths.ts";
import {ordinal} from "../lib/words.ts";
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

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** "2024-01-23" → "23 January 2024"; "2025-11" → "November 2025"; "2024" → "2024" */
export const dateWords = (d: string): string => {
  const [y, m, day] = d.split("-");
  return m ? `${day ? `${Number(day)} ` : ""}${MONTHS[Number(m) - 1]} ${y}` : y;
};

/** "2024-04..2025-03" → "April 2024 to March 2025"; "2023-01..2023-12" → "January to December 2023"; "..2026-03" → "latest before March 2026" */
export function periodText(period: string): string {
  if (!period) return "";
  if (period.startsWith("..")) return `latest before ${dateWords(period.slice(2))}`;
  const [a, b] = period.split("..");
  if (!b || a === b) return dateWords(a);
  // Two months of the same year name the year once, as the site's other periods do (formatMonthRange).
  const sameYear = /^\d{4}-\d{2}$/.test(a) && /^\d{4}-\d{2}$/.test(b) && a.slice(0, 4) === b.slice(0, 4);
  return `${sameYear ? dateWords(a).replace(/ \d{4}$/, "") : dateWords(a)} to ${dateWords(b)}`;
}

const number = (n: number) => new Intl.NumberFormat("en-GB", {maximumFractionDigits: 2}).format(n).replace(/^-/, "−");

/** The figure in words, by its unit (see loaders/sources/published.ts UNITS). */
export function valueText(m: Pick<PublishedMeasure, "value" | "unit">): string {
  switch (m.unit) {
    case "count": return number(m.value);
    case "count_upper_bound": return `${number(m.value)} or fewer`;
    case "count_lower_bound": return `more than ${number(m.value)}`;
    case "percent": return `${number(m.value)}%`;
    case "percentage_points": return `${number(m.value)} percentage points`;
    case "per_1000": return `${number(m.value)} per 1,000 residents`;
    case "hours": return `${number(m.value)} hours`;
    case "year": return String(m.value);
    case "rank": return ordinal(m.value);
    case "recommendation": return m.value === 1 ? "keep as a priority" : m.value === 0 ? "consider moving away from it" : String(m.value);
    case "direction": return m.value < 0 ? "lower" : m.value > 0 ? "higher" : "about the same";
    default: return number(m.value); // every unit is handled above (UNITS in loaders/sources/published.ts)
  }
}

/** Quotes as published, without the bold markers the text extraction left in. */
export const quoteText = (q: string) => q.replaceAll("**", "").trim();
