// Published local figures (from the force's and partnerships' reports) for one area, and how pages word them.
// The table is data/reference/published-measures.csv, read and validated by loaders/sources/published.ts.
import {DOCUMENTS} from "../sources/documents.ts";
import {readPublishedMeasures, type PublishedMeasure} from "../sources/published.ts";

export type {PublishedMeasure};

/** Short titles of the cited documents, by file name. */
export function documentTitles(): Map<string, string> {
  return new Map(DOCUMENTS.map((d) => [d.file, d.shortTitle]));
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const dateWords = (d: string) => {
  const [y, m, day] = d.split("-");
  return m ? `${day ? `${Number(day)} ` : ""}${MONTHS[Number(m) - 1]} ${y}` : y;
};

/** "2024-04..2025-03" → "April 2024 to March 2025"; "..2026-03" → "latest before March 2026" */
export function periodText(period: string): string {
  if (!period) return "";
  if (period.startsWith("..")) return `latest before ${dateWords(period.slice(2))}`;
  const [a, b] = period.split("..");
  return b ? `${dateWords(a)} to ${dateWords(b)}` : dateWords(a);
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
    case "recommendation": return m.value === 1 ? "keep as a priority" : m.value === 0 ? "consider moving away from it" : String(m.value);
    default: return number(m.value); // every unit is handled above (UNITS in loaders/sources/published.ts)
  }
}

/** Quotes as published, without the bold markers the text extraction left in. */
export const quoteText = (q: string) => q.replaceAll("**", "").trim();

/** Rows for one area (by ONS code), in the table's order. */
export async function publishedMeasuresFor(areaCode: string): Promise<PublishedMeasure[]> {
  return readPublishedMeasures().filter((m) => m.areaCode === areaCode);
}
