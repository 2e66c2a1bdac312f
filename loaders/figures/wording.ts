// How a published figure is worded on a page: its value by unit, its period, its quote as read. Used by /figures,
// the document pages, the area pages' "What local reports say" and the stories' citations.
import type {PublishedMeasure} from "../sources/published.ts";

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
    case "recommendation": return m.value === 1 ? "keep as a priority" : m.value === 0 ? "consider moving away from it" : String(m.value);
    case "direction": return m.value < 0 ? "lower" : m.value > 0 ? "higher" : "about the same";
    default: return number(m.value); // every unit is handled above (UNITS in loaders/sources/published.ts)
  }
}

/** Quotes as published, without the bold markers the text extraction left in. */
export const quoteText = (q: string) => q.replaceAll("**", "").trim();
