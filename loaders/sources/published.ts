// Reading the curated table of figures from the force's and Commissioner's published documents
// (data/reference/published-measures.csv) into validated, typed rows. See data/reference/published-measures.md.
import {existsSync, readFileSync, statSync} from "node:fs";
import {basename, join} from "node:path";
import {parse} from "csv-parse/sync";
import {DataError} from "../lib/errors.ts";
import {areaByCode} from "../lib/force.ts";
import {REFERENCE_DIR} from "../lib/paths.ts";

export const PUBLISHED_MEASURES_FILE = join(REFERENCE_DIR, "published-measures.csv");
/** The published documents (as text) that every row quotes from. */
export const DOCUMENTS_DIR = join(REFERENCE_DIR, "documents");

/** The table's columns, in order. */
export const PUBLISHED_HEADER = ["id", "document", "section", "story", "measure", "geography", "area_code", "period", "value",
  "unit", "comparison", "definition", "quote", "open_data_equivalent", "notes"] as const;

/** The stories (and page groups) a figure is curated for. */
export const STORIES = ["roads", "county_lines", "vawg", "victims", "local_area", "confidence", "forces"] as const;
export type Story = (typeof STORIES)[number];

/**
 * What `value` counts. `count_upper_bound` / `count_lower_bound`: the document gives only a bound ("under ten",
 * "13 or fewer", "over 1,821"; `comparison` says which). `recommendation`: 1 = keep as a priority, 0 = consider
 * dropping it. `year`: a calendar year (when something was introduced). `rank`: a place in a ranking of forces
 * (1 = first), written "of N …" in `comparison` (for example "of 8 most similar forces"). `direction`: a comparison
 * stated without a number ("well below the national average"): -1 below, 0 in line, 1 above (`comparison` names what
 * it is set against).
 */
export const UNITS = ["count", "count_upper_bound", "count_lower_bound", "percent", "percentage_points", "per_1000", "hours",
  "year", "recommendation", "rank", "direction"] as const;
export type Unit = (typeof UNITS)[number];

export interface PublishedMeasure {
  /** 1-based line in the CSV where the record starts (the header is line 1). */
  line: number;
  /** stable slug, e.g. "roads-serious-collisions-2023" */
  id: string;
  /** file name under data/reference/documents/ */
  document: string;
  section: string;
  story: Story;
  measure: string;
  /** the geography as the document names it */
  geography: string;
  /** ONS code when the geography is one of the force's areas (data/reference/areas.csv); null for force-wide and others */
  areaCode: string | null;
  /**
   * `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a range `A..B` of those; or `..B` for "the latest before B" (an undated survey
   * wave in a document published at B).
   */
  period: string;
  value: number;
  unit: Unit;
  comparison: string;
  /** what is counted, in plain English */
  definition: string;
  /** verbatim from the document (whitespace, typographic quotes and dashes may differ) */
  quote: string;
  /** how to compute the same thing from open data, or "" when open data does not measure it */
  openDataEquivalent: string;
  /** caveats: different survey, definition change, reconstructed text, document errors */
  notes: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = String.raw`\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?`;
const PERIOD = new RegExp(`^(?:${DATE}|${DATE}\\.\\.${DATE}|\\.\\.${DATE})$`);
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const REQUIRED = ["id", "document", "section", "story", "measure", "geography", "period", "value", "unit", "definition", "quote"] as const;

export interface ReadOptions {
  /** where `document` names are looked up; defaults to data/reference/documents */
  documentsDir?: string;
  /** name used in error messages; defaults to the file's base name */
  label?: string;
}

/** Validated rows of the published-measures table. Throws DataError naming file, line and field on bad input. */
export function readPublishedMeasures(file: string = PUBLISHED_MEASURES_FILE, options: ReadOptions = {}): PublishedMeasure[] {
  const label = options.label ?? basename(file);
  const documentsDir = options.documentsDir ?? DOCUMENTS_DIR;
  let records: {record: string[]; raw: string; info: {lines: number}}[];
  try {
    // With `info` and `raw`, csv-parse returns {record, raw, info} per record (its types describe only plain records).
    records = parse(readFileSync(file), {bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true}) as unknown as typeof records;
  } catch (error) {
    const e = error as {code?: string; lines?: number; message?: string};
    if (e?.code?.startsWith?.("CSV_")) throw new DataError(label, e.lines ?? null, null, "well-formed CSV", e.message);
    throw error;
  }
  if (records.length === 0) throw new DataError(label, 1, null, `a header row (${PUBLISHED_HEADER.join(",")})`, "an empty file");
  checkHeader(label, records[0].record);

  const rows: PublishedMeasure[] = [];
  const firstLine = new Map<string, number>();
  const documentOk = new Map<string, boolean>();
  for (const {record, raw, info} of records.slice(1)) {
    const line = info.lines - (raw.replace(/\r?\n$/, "").match(/\n/g)?.length ?? 0);
    if (record.length !== PUBLISHED_HEADER.length) {
      throw new DataError(label, line, null, `${PUBLISHED_HEADER.length} fields`, `${record.length} fields`);
    }
    const v = Object.fromEntries(PUBLISHED_HEADER.map((c, i) => [c, record[i].trim()])) as Record<(typeof PUBLISHED_HEADER)[number], string>;
    for (const c of REQUIRED) if (v[c] === "") throw new DataError(label, line, c, "a non-empty value", "");

    if (!ID.test(v.id)) throw new DataError(label, line, "id", "a lower-case slug (letters, digits and single hyphens)", v.id);
    const seen = firstLine.get(v.id);
    if (seen !== undefined) throw new DataError(label, line, "id", `an id not already used (it is on line ${seen})`, v.id);
    firstLine.set(v.id, line);

    if (!documentOk.has(v.document)) documentOk.set(v.document, isDocument(documentsDir, v.document));
    if (!documentOk.get(v.document)) throw new DataError(label, line, "document", `the name of a .txt file in ${basename(documentsDir)}/`, v.document);
    if (!(STORIES as readonly string[]).includes(v.story)) throw new DataError(label, line, "story", `one of ${STORIES.join(", ")}`, v.story);
    if (v.area_code !== "" && !areaByCode.has(v.area_code)) {
      throw new DataError(label, line, "area_code", "empty or an ONS code listed in data/reference/areas.csv", v.area_code);
    }
    if (!PERIOD.test(v.period)) throw new DataError(label, line, "period", "YYYY, YYYY-MM, YYYY-MM-DD, a range A..B of those, or ..B", v.period);
    if (!NUMBER.test(v.value)) throw new DataError(label, line, "value", "a plain number (digits, optional minus and decimals; no commas or units)", v.value);
    if (!(UNITS as readonly string[]).includes(v.unit)) throw new DataError(label, line, "unit", `one of ${UNITS.join(", ")}`, v.unit);
    const value = Number(v.value);
    const unit = v.unit as Unit;
    if (unit === "recommendation" && value !== 0 && value !== 1) throw new DataError(label, line, "value", "0 or 1 for a recommendation", v.value);
    if (unit === "rank" && !/^of \d+ /.test(v.comparison)) throw new DataError(label, line, "comparison", `"of N …" for a rank (of how many, and which group)`, v.comparison);
    if ((unit.startsWith("count") || unit === "year" || unit === "rank") && !Number.isInteger(value)) throw new DataError(label, line, "value", `a whole number for unit ${unit}`, v.value);
    if (unit === "direction" && ![-1, 0, 1].includes(value)) throw new DataError(label, line, "value", "-1, 0 or 1 for a direction", v.value);

    rows.push({
      line, id: v.id, document: v.document, section: v.section, story: v.story as Story, measure: v.measure, geography: v.geography,
      areaCode: v.area_code === "" ? null : v.area_code, period: v.period, value, unit, comparison: v.comparison,
      definition: v.definition, quote: v.quote, openDataEquivalent: v.open_data_equivalent, notes: v.notes
    });
  }
  return rows;
}

function checkHeader(label: string, found: string[]): void {
  const names = found.map((s) => s.trim());
  for (const column of PUBLISHED_HEADER) {
    if (!names.includes(column)) throw new DataError(label, 1, column, `a column "${column}" (header: ${PUBLISHED_HEADER.join(",")})`, "no such column");
  }
  for (let i = 0; i < Math.max(names.length, PUBLISHED_HEADER.length); ++i) {
    if (names[i] !== PUBLISHED_HEADER[i]) {
      throw new DataError(label, 1, names[i] ?? PUBLISHED_HEADER[i], `header column ${i + 1} to be ${JSON.stringify(PUBLISHED_HEADER[i] ?? "(none)")}`, names[i] ?? "(missing)");
    }
  }
}

function isDocument(dir: string, name: string): boolean {
  if (!/^[\w.-]+\.txt$/.test(name)) return false;
  const path = join(dir, name);
  return existsSync(path) && statSync(path).isFile();
}

let cached: {rows: PublishedMeasure[]; byId: Map<string, PublishedMeasure>} | undefined;

/** One row of the default table, by id, for pages. Throws DataError when the id is not in the table. */
export function publishedMeasure(id: string): PublishedMeasure {
  const row = findPublishedMeasure(id);
  if (!row) throw new DataError(basename(PUBLISHED_MEASURES_FILE), null, "id", "an id present in the table", id);
  return row;
}

/** The row with this id, or undefined when the table has none (a figure a page shows only if it was published). */
export function findPublishedMeasure(id: string): PublishedMeasure | undefined {
  cached ??= (() => {
    const rows = readPublishedMeasures();
    return {rows, byId: new Map(rows.map((r) => [r.id, r]))};
  })();
  return cached.byId.get(id);
}

/** The text of one of the published documents. */
export function readDocument(name: string, documentsDir: string = DOCUMENTS_DIR): string {
  if (!isDocument(documentsDir, name)) throw new DataError(basename(documentsDir), null, "document", "the name of a .txt file in the documents folder", name);
  return readFileSync(join(documentsDir, name), "utf8");
}

/**
 * Text as compared for quotes: typographic quotes and dashes made plain, runs of whitespace (line breaks from the
 * PDF conversion, table tabs) made one space. Nothing else changes.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** A STATS19 collision filter, as written in `open_data_equivalent` ("STATS19 collisions with a = 1, b in (1, 2)"). */
export type Stats19Filter = {column: string; values: string[]}[];

/**
 * The filter when a row's open-data recipe is a plain filter on the STATS19 collision file (nothing else in it),
 * else null. Lets a page or test compute the open-data figure to set beside the published one.
 */
export function stats19CollisionFilter(recipe: string): Stats19Filter | null {
  const m = /^STATS19 collisions with (.+)$/.exec(recipe.trim());
  if (!m) return null;
  const clauses = m[1].split(/,\s*(?![^()]*\))/);
  const filter: Stats19Filter = [];
  for (const clause of clauses) {
    const eq = /^([a-z_]+) = (-?\d+)$/.exec(clause.trim());
    const within = /^([a-z_]+) in \((-?\d+(?:, -?\d+)*)\)$/.exec(clause.trim());
    if (eq) filter.push({column: eq[1], values: [eq[2]]});
    else if (within) filter.push({column: within[1], values: within[2].split(/,\s*/)});
    else return null;
  }
  return filter;
}

/** A police.uk crime type, as written in `open_data_equivalent` ("police.uk crime_type = Robbery (all robbery: …)"). */
export interface PoliceUkCrimeType {
  crimeType: string;
  /** how the police.uk category differs from the published measure, in words; null when it is the same kind of crime */
  differs: string | null;
}

/** The police.uk crime type a row's open-data recipe names, with how it differs, else null. */
export function policeUkCrimeType(recipe: string): PoliceUkCrimeType | null {
  const m = /^police\.uk crime_type = ([^()]+?)(?: \((.+)\))?$/.exec(recipe.trim());
  return m ? {crimeType: m[1], differs: m[2] ?? null} : null;
}
