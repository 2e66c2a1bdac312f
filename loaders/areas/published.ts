// Published local figures (from the force's and partnerships' reports) for one area, when the curated table
// data/reference/published-measures.csv exists. Read through loaders/sources/published.ts when that reader exists,
// else straight from the CSV; with neither, an area simply has none (pages show nothing, and nothing fails).
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {csvParse} from "d3-dsv";
import {REFERENCE_DIR, ROOT} from "../lib/paths.ts";

export interface PublishedMeasure {
  id: string;
  document: string;
  section: string;
  story: string;
  measure: string;
  geography: string;
  areaCode: string;
  period: string;
  value: string;
  unit: string;
  comparison: string;
  definition: string;
  quote: string;
  notes: string;
}

const CSV = join(REFERENCE_DIR, "published-measures.csv");
const READER = join(ROOT, "loaders", "sources", "published.ts");

/** Accepts rows keyed as in the CSV (area_code) or in camelCase (areaCode). */
function normalise(row: Record<string, unknown>): PublishedMeasure {
  const get = (snake: string) => {
    const camel = snake.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    const v = row[snake] ?? row[camel];
    return v === null || v === undefined ? "" : String(v);
  };
  return {
    id: get("id"), document: get("document"), section: get("section"), story: get("story"), measure: get("measure"), geography: get("geography"),
    areaCode: get("area_code"), period: get("period"), value: get("value"), unit: get("unit"), comparison: get("comparison"),
    definition: get("definition"), quote: get("quote"), notes: get("notes")
  };
}

let cache: Promise<PublishedMeasure[]> | undefined;

export function allPublishedMeasures(): Promise<PublishedMeasure[]> {
  return (cache ??= (async () => {
    if (existsSync(READER)) {
      // The reader validates the table; if it throws, the build should fail and say why.
      const mod = (await import(pathToFileURL(READER).href)) as {readPublishedMeasures?: () => unknown};
      if (typeof mod.readPublishedMeasures === "function") {
        const rows = await mod.readPublishedMeasures();
        if (Array.isArray(rows)) return rows.map((r) => normalise(r as Record<string, unknown>));
      }
    }
    if (!existsSync(CSV)) return [];
    return csvParse(readFileSync(CSV, "utf8")).map((r) => normalise(r as Record<string, unknown>));
  })());
}

/** Short titles of the cited documents (data/reference/documents/documents.csv), by file name; empty when absent. */
export function documentTitles(): Map<string, string> {
  const file = join(REFERENCE_DIR, "documents", "documents.csv");
  if (!existsSync(file)) return new Map();
  return new Map(csvParse(readFileSync(file, "utf8")).map((d) => [d.file!, d.short_title || d.title || d.file!]));
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

const number = (v: string) => {
  const n = Number(v);
  return Number.isFinite(n) && v.trim() !== "" ? new Intl.NumberFormat("en-GB", {maximumFractionDigits: 2}).format(n).replace(/^-/, "−") : v;
};

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
    case "year": return m.value;
    case "recommendation": return m.value === "1" ? "keep as a priority" : m.value === "0" ? "consider moving away from it" : m.value;
    default: return m.unit ? `${number(m.value)} ${m.unit.replaceAll("_", " ")}` : number(m.value);
  }
}

/** Quotes as published, without the bold markers the text extraction left in. */
export const quoteText = (q: string) => q.replaceAll("**", "").trim();

/** Rows for one area (by ONS code), in the table's order. */
export async function publishedMeasuresFor(areaCode: string): Promise<PublishedMeasure[]> {
  return (await allPublishedMeasures()).filter((m) => m.areaCode === areaCode);
}
