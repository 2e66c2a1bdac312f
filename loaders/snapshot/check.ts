// Validates a whole snapshot directory: the manifest (well formed, paths inside the snapshot) against the disk
// (presence, regular files, size, sha256), every file parsed by its kind's reader, duplicates within a source,
// row counts against the manifest and against neighbouring periods, one file per force/kind/period; and reports
// what it holds. Used by `npm run check-data`, by the build and extracts (loaders/snapshot/gate.ts) and by the
// pull before it swaps a new snapshot in.
import {readFileSync} from "node:fs";
import {basename, join} from "node:path";
import {nextMonth} from "../../src/components/months.ts";
import {readCsv} from "../lib/csv.ts";
import {readHeader} from "../lib/csv-header.ts";
import {DataError} from "../lib/errors.ts";
import {force as configuredForce} from "../lib/force.ts";
import type {Manifest, ManifestEntry} from "../lib/manifest.ts";
import {MANIFEST_FILE, SNAPSHOT_DIR} from "../lib/paths.ts";
import {readOutcomes, readStopSearch, readStreetCrime} from "../sources/police-uk-read.ts";
import {parsePoliceUkFileName} from "../sources/police-uk-schema.ts";
import {readCollisions} from "../sources/stats19-read.ts";
import {readLinkedRows, type LinkedTable} from "../sources/stats19-linked-read.ts";
import {checkBoundaries, readJson, readLsoaLookup, readPopulation} from "../sources/ons-read.ts";
import {dataFiles, entryErrors, manifestLines, storedFileError} from "./manifest-check.ts";
import {rowCountProblems, type Counted} from "./row-counts.ts";
import {KIND_CHECKS, MORE_SOURCES, snapshotNotes} from "./kinds.ts";

export interface KindReport {
  source: string;
  kind: string;
  files: number;
  /** data rows (features for boundaries); null when no file of the kind has rows */
  rows: number | null;
  /** months (police.uk) or years (STATS19, ONS) held, sorted */
  periods: string[];
  /** months or years missing between the first and last held (police.uk and STATS19 only) */
  gaps: string[];
  /** rows with no coordinates, where the kind has coordinates */
  noLocation: number | null;
  /** rows whose LSOA code is not in any lsoa-lookup file, where the kind has LSOA codes */
  lsoaNotInLookup: number | null;
  /** casualty/vehicle rows whose collision is not in the snapshot */
  unlinked: number | null;
}

export interface CheckResult {
  dir: string;
  files: number;
  errors: string[];
  kinds: KindReport[];
  /** report lines about the snapshot as a whole (see kinds.ts), then row counts accepted as they are */
  notes: string[];
}

export interface CheckOptions {
  /** snapshot paths whose implausible row counts are accepted for this run only */
  acceptRows?: string[];
}

/** Sources check-data knows; a manifest entry of any other source is an error. */
export const SOURCES = ["police-uk", "stats19", "ons", ...MORE_SOURCES] as const;

/** `dft-road-casualty-statistics-collision-2023-staffordshire.csv.gz` → {table, year, force}. */
export function parseStats19FileName(name: string): {table: string; year: string; force: string} | null {
  const m = /^dft-road-casualty-statistics-(collision|casualty|vehicle)-(\d{4})-([a-z0-9-]+)\.csv(\.gz)?$/.exec(name);
  return m ? {table: m[1], year: m[2], force: m[3]} : null;
}

/** What reading one file found. */
export interface Facts {
  rows: number | null;
  noLocation?: number;
  lsoaNotInLookup?: number;
  unlinked?: number;
}

/** What readers share while a snapshot is checked: the LSOA lookup, collision indexes, and keys seen once. */
export class CheckContext {
  readonly lookup = new Set<string>();
  /** year → collision indexes, for linking casualties and vehicles */
  readonly collisionIndexes = new Map<string, Set<string>>();
  private readonly seen = new Map<string, Map<string, string>>();
  /** `dir`: the snapshot; `entries`: every readable entry, for checks that tie one file to another (kinds.ts) */
  constructor(readonly forceId: string, readonly dir: string, readonly entries: ManifestEntry[]) {}

  /** Throws when `key` has already been seen in the key space `space` (a duplicate crime, collision, LSOA…). */
  once(space: string, key: string, file: string, line: number, field: string, what: string, detail = ""): void {
    let keys = this.seen.get(space);
    if (!keys) this.seen.set(space, (keys = new Map()));
    const first = keys.get(key);
    if (first !== undefined) throw new DataError(file, line, field, `each ${what} once, but ${first} has it too${detail}`, key);
    keys.set(key, `line ${line} of ${file}`);
  }

  /** true when the code is not empty and a lookup is loaded that lacks it */
  outsideLookup(code: string): boolean {
    return code !== "" && this.lookup.size > 0 && !this.lookup.has(code);
  }
}

/** How one kind of file is read. Lower phases are read first (lookups before the files checked against them). */
export interface KindReader {
  phase: number;
  read(file: string, entry: ManifestEntry, ctx: CheckContext): Promise<Facts>;
}

/**
 * The reader of each source/kind. A new kind of file gets a reader module (loaders/sources/<source>-read.ts) and one
 * line here or in kinds.ts (KIND_CHECKS, asked first). ONS kinds not listed are checked by format (readOtherOns).
 */
export const READERS: Record<string, KindReader> = {
  "ons/lsoa-lookup": {phase: 0, read: lookupFacts},
  "stats19/collision": {phase: 1, read: collisionFacts},
  "stats19/casualty": {phase: 2, read: linkedFacts},
  "stats19/vehicle": {phase: 2, read: linkedFacts},
  "police-uk/street": {phase: 2, read: streetFacts},
  "police-uk/outcomes": {phase: 2, read: outcomeFacts},
  "police-uk/stop-and-search": {phase: 2, read: stopSearchFacts},
  "ons/population": {phase: 2, read: populationFacts},
  "ons/population-mye": {phase: 2, read: populationFacts},
  "ons/lsoa11-boundaries": {phase: 2, read: async (file, e) => ({rows: checkBoundaries(readJson(file, e.path), e.path).length})},
  "ons/lsoa21-boundaries": {phase: 2, read: async (file, e) => ({rows: checkBoundaries(readJson(file, e.path), e.path).length})},
  "ons/census-place": {phase: 2, read: async (file, e) => (readJson(file, e.path), {rows: null})}
};

function readerFor(entry: ManifestEntry): KindReader | null {
  const more = KIND_CHECKS[`${entry.source}/${entry.kind}`];
  if (more) return {phase: 2, read: (file, e, ctx) => more(file, e.path, {dir: ctx.dir, entry: e, entries: ctx.entries})};
  return READERS[`${entry.source}/${entry.kind}`] ?? (entry.source === "ons" ? {phase: 2, read: readOtherOns} : null);
}

export async function checkSnapshot(dir = SNAPSHOT_DIR, options: CheckOptions = {}): Promise<CheckResult> {
  const errors: string[] = [];
  const fail = (e: unknown) => errors.push(e instanceof Error ? e.message : String(e));
  let manifest: Manifest;
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST_FILE), "utf8");
    manifest = JSON.parse(text) as Manifest;
    if (!Array.isArray(manifest?.files)) throw new DataError(MANIFEST_FILE, null, "files", "a list of files", typeof manifest?.files);
  } catch (error) {
    fail(error instanceof DataError ? error : new DataError(MANIFEST_FILE, null, null, "a readable JSON manifest", (error as Error).message));
    return {dir, files: 0, errors, notes: [], kinds: []};
  }
  const forceId = typeof manifest.force === "string" ? manifest.force : configuredForce.id;
  const lines = manifestLines(text);

  // Each entry well formed, listed once; the manifest and the disk must agree exactly.
  const wellFormed: ManifestEntry[] = [];
  const listed = new Set<string>();
  manifest.files.forEach((entry, i) => {
    const problems = entryErrors(entry, i, SOURCES, lines);
    for (const p of problems) fail(p);
    if (problems.length) return;
    if (listed.has(entry.path)) fail(new DataError(MANIFEST_FILE, lines.field(i, "path"), `files[${i}].path`, "each file listed once", entry.path));
    else wellFormed.push(entry);
    listed.add(entry.path);
  });
  for (const path of dataFiles(dir)) {
    if (!listed.has(path)) fail(new DataError(path, null, null, "an entry in manifest.json for every data file", "a file the manifest does not list"));
  }
  const readable: ManifestEntry[] = [];
  for (const entry of wellFormed) {
    const error = storedFileError(dir, entry);
    if (error) fail(error);
    else readable.push(entry);
  }
  for (const error of duplicatePeriods(readable, forceId)) fail(error);

  // Parse every file by its kind's reader.
  const ctx = new CheckContext(forceId, dir, readable);
  const reports = new Map<string, KindReport>();
  const reportFor = (e: ManifestEntry) => {
    const key = `${e.source}/${e.kind}`;
    if (!reports.has(key)) reports.set(key, {source: e.source, kind: e.kind, files: 0, rows: null, periods: [], gaps: [], noLocation: null, lsoaNotInLookup: null, unlinked: null});
    return reports.get(key)!;
  };
  const counted: Counted[] = [];
  const jobs = readable.map((entry) => ({entry, reader: readerFor(entry)}));
  for (const {entry, reader} of jobs.sort((a, b) => (a.reader?.phase ?? 9) - (b.reader?.phase ?? 9) || a.entry.path.localeCompare(b.entry.path))) {
    const report = reportFor(entry);
    try {
      if (!reader) throw new DataError(entry.path, null, "kind", `a ${entry.source} kind check-data can read`, entry.kind);
      const facts = await reader.read(join(dir, entry.path), entry, ctx);
      if (entry.rows !== null && facts.rows !== null && facts.rows !== entry.rows) {
        throw new DataError(entry.path, null, "rows", `${entry.rows} rows, as manifest.json says`, `${facts.rows} rows`);
      }
      if (facts.rows !== null) counted.push({entry, rows: facts.rows});
      report.files += 1;
      if (facts.rows !== null) report.rows = (report.rows ?? 0) + facts.rows;
      if (entry.period && !report.periods.includes(entry.period)) report.periods.push(entry.period);
      for (const key of ["noLocation", "lsoaNotInLookup", "unlinked"] as const) {
        if (facts[key] !== undefined) report[key] = (report[key] ?? 0) + facts[key]!;
      }
    } catch (error) {
      fail(error);
    }
  }
  const rowCounts = rowCountProblems(counted, new Set(options.acceptRows ?? []));
  for (const e of rowCounts.errors) fail(e);

  const kinds = [...reports.values()].sort((a, b) => a.source.localeCompare(b.source) || a.kind.localeCompare(b.kind));
  for (const r of kinds) {
    r.periods.sort();
    if (r.source === "police-uk") r.gaps = missingBetween(r.periods, nextMonth);
    if (r.source === "stats19") r.gaps = missingBetween(r.periods, (y) => String(Number(y) + 1));
  }
  // Report lines about the snapshot as a whole (kinds.ts), then any row counts accepted as they are.
  const notes = errors.length ? [] : await snapshotNotes(dir, readable).catch((error) => (fail(error), []));
  return {dir, files: manifest.files.length, errors, notes: [...notes, ...rowCounts.notes], kinds};
}

/** No two files may hold the same force, kind and month (police.uk) or year (STATS19). */
function duplicatePeriods(entries: ManifestEntry[], forceId: string): DataError[] {
  const errors: DataError[] = [];
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const name = basename(entry.path);
    let key: string | null = null;
    if (entry.source === "police-uk") {
      const p = parsePoliceUkFileName(name);
      if (!p) errors.push(new DataError(entry.path, null, null, "a police.uk file name like 2025-06-<force>-street.csv.gz", name));
      else if (p.force !== forceId) errors.push(new DataError(entry.path, null, null, `a file of force ${forceId}`, p.force));
      else if (p.kind !== entry.kind || p.month !== entry.period) errors.push(new DataError(entry.path, null, "period", `kind ${p.kind} and period ${p.month}, as the file name says`, `${entry.kind} ${entry.period}`));
      else key = `police-uk/${p.force}/${p.kind}/${p.month}`;
    } else if (entry.source === "stats19") {
      const p = parseStats19FileName(name);
      if (!p) errors.push(new DataError(entry.path, null, null, "a STATS19 file name like dft-road-casualty-statistics-collision-2023-<force>.csv.gz", name));
      else if (p.force !== forceId) errors.push(new DataError(entry.path, null, null, `a file of force ${forceId}`, p.force));
      else if (p.table !== entry.kind || p.year !== entry.period) errors.push(new DataError(entry.path, null, "period", `kind ${p.table} and period ${p.year}, as the file name says`, `${entry.kind} ${entry.period}`));
      else key = `stats19/${p.force}/${p.table}/${p.year}`;
    }
    if (!key) continue;
    const other = seen.get(key);
    if (other) errors.push(new DataError(entry.path, null, "period", `no other ${entry.kind} file for ${entry.period}, but ${other} holds the same force, kind and period (duplicate month)`, "a second file"));
    else seen.set(key, entry.path);
  }
  return errors;
}

// Readers of each kind (see READERS). Duplicates are defined per source: a street crime by its Crime ID within its
// month's file (ASB records have none), a collision by its index, a casualty by index, vehicle and casualty reference, a vehicle by
// index and vehicle reference, an LSOA in the lookup by its code.

async function streetFacts(file: string, entry: ManifestEntry, ctx: CheckContext): Promise<Facts> {
  let rows = 0, noLocation = 0, lsoaNotInLookup = 0;
  for await (const r of readStreetCrime(file, entry.path)) {
    ++rows;
    // Once a month: police.uk republishes some crimes in a later month (74 IDs in two months of this snapshot).
    if (r.crimeId !== "") ctx.once(`${entry.path} Crime ID`, r.crimeId, entry.path, r.line, "Crime ID", "crime");
    if (r.longitude === null) ++noLocation;
    if (ctx.outsideLookup(r.lsoaCode)) ++lsoaNotInLookup;
  }
  return {rows, noLocation, lsoaNotInLookup};
}

async function outcomeFacts(file: string, entry: ManifestEntry, ctx: CheckContext): Promise<Facts> {
  let rows = 0, noLocation = 0, lsoaNotInLookup = 0;
  for await (const r of readOutcomes(file, entry.path)) {
    ++rows;
    if (r.lsoaCode === "") ++noLocation;
    if (ctx.outsideLookup(r.lsoaCode)) ++lsoaNotInLookup;
  }
  return {rows, noLocation, lsoaNotInLookup};
}

async function stopSearchFacts(file: string, entry: ManifestEntry): Promise<Facts> {
  let rows = 0, noLocation = 0;
  for await (const r of readStopSearch(file, entry.path)) {
    ++rows;
    if (r.longitude === null) ++noLocation;
  }
  return {rows, noLocation};
}

async function collisionFacts(file: string, entry: ManifestEntry, ctx: CheckContext): Promise<Facts> {
  const period = entry.period ?? "";
  const indexes = ctx.collisionIndexes.get(period) ?? new Set<string>();
  ctx.collisionIndexes.set(period, indexes);
  let rows = 0, noLocation = 0, lsoaNotInLookup = 0;
  for await (const r of readCollisions(file, {policeForce: configuredForce.stats19PoliceForce, label: entry.path})) {
    ++rows;
    if (String(r.year) !== entry.period) throw new DataError(entry.path, r.line, "accident_year", `the file's year ${entry.period}`, String(r.year));
    ctx.once("stats19/collision", r.accidentIndex, entry.path, r.line, "accident_index", "collision");
    indexes.add(r.accidentIndex);
    if (r.longitude === null) ++noLocation;
    if (!["-1", "NULL"].includes(r.lsoaCode) && ctx.outsideLookup(r.lsoaCode)) ++lsoaNotInLookup;
  }
  return {rows, noLocation, lsoaNotInLookup};
}

async function linkedFacts(file: string, entry: ManifestEntry, ctx: CheckContext): Promise<Facts> {
  const table = entry.kind as LinkedTable;
  const indexes = ctx.collisionIndexes.get(entry.period ?? "");
  let rows = 0, unlinked = 0;
  for await (const r of readLinkedRows(file, table, {label: entry.path, year: Number(entry.period)})) {
    ++rows;
    const key = table === "casualty" ? `${r.index} vehicle ${r.vehicleReference} casualty ${r.values.casualty_reference}` : `${r.index} vehicle ${r.vehicleReference}`;
    ctx.once(`stats19/${table}`, key, entry.path, r.line, table === "casualty" ? "casualty_reference" : "vehicle_reference", table);
    if (indexes && !indexes.has(r.index)) ++unlinked;
  }
  return {rows, unlinked};
}

async function lookupFacts(file: string, entry: ManifestEntry, ctx: CheckContext): Promise<Facts> {
  let rows = 0;
  const districts = new Map<string, string>();
  for await (const r of readLsoaLookup(file, entry.path)) {
    ++rows;
    const other = districts.get(r.lsoaCode);
    ctx.once(`${entry.path} lsoa_code`, r.lsoaCode, entry.path, r.line, "lsoa_code", "LSOA", other && other !== r.ladCode ? ` (mapped to ${other} there, to ${r.ladCode} here)` : "");
    districts.set(r.lsoaCode, r.ladCode);
    ctx.lookup.add(r.lsoaCode);
  }
  return {rows};
}

async function populationFacts(file: string, entry: ManifestEntry): Promise<Facts> {
  let rows = 0;
  for await (const _ of readPopulation(file, entry.path)) ++rows;
  return {rows};
}

/** Other ONS geography files (LAD or ward TopoJSON, …): checked by format, so new kinds need no code here. */
async function readOtherOns(file: string, entry: ManifestEntry): Promise<Facts> {
  const label = entry.path;
  const name = file.replace(/\.gz$/, "");
  if (name.endsWith(".csv")) {
    const header = await readHeader(file, label);
    let rows = 0;
    for await (const _ of readCsv(file, {header, label})) ++rows;
    return {rows};
  }
  if (!/\.(geo|topo)?jsonl?$/.test(name)) throw new DataError(label, null, null, "a .csv, .json, .geojson or .topo.json file", basename(name));
  const data = readJson(file, label) as {type?: string};
  if (data?.type === "FeatureCollection") return {rows: checkBoundaries(data, label).length};
  if (data?.type === "Topology") {
    const objects = Object.values((data as {objects?: Record<string, {geometries?: unknown[]}>}).objects ?? {});
    if (!objects.length) throw new DataError(label, null, "objects", "a TopoJSON Topology with at least one object", "none");
    return {rows: objects.reduce((s, o) => s + (o.geometries?.length ?? 1), 0)};
  }
  return {rows: null};
}

/** Months (or years) between the first and last of `held` that are not held. */
function missingBetween(held: string[], next: (p: string) => string): string[] {
  if (held.length < 2) return [];
  const have = new Set(held);
  const out: string[] = [];
  for (let p = held[0]; p < held[held.length - 1]; p = next(p)) if (!have.has(p)) out.push(p);
  return out;
}

/** Consecutive runs, e.g. 2024-05…2024-12. */
function runs(periods: string[], next: (p: string) => string): string {
  const parts: string[] = [];
  for (let i = 0; i < periods.length; ) {
    let j = i;
    while (j + 1 < periods.length && periods[j + 1] === next(periods[j])) ++j;
    parts.push(i === j ? periods[i] : `${periods[i]}…${periods[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}

const n = (x: number) => x.toLocaleString("en-GB");

export function formatCheckReport(result: CheckResult): string {
  const lines = [`Snapshot ${result.dir}: ${result.files} files in manifest.json`];
  let source = "";
  for (const r of result.kinds) {
    if (r.source !== source) lines.push((source = r.source));
    const step = /^\d{4}-\d{2}$/.test(r.periods[0] ?? "") ? nextMonth : (p: string) => String(Number(p) + 1);
    const facts = [`${r.files} file${r.files === 1 ? "" : "s"}`, r.rows === null ? "rows n/a" : `${n(r.rows)} rows`];
    if (r.periods.length) facts.push(`${/^\d{4}-\d{2}$/.test(r.periods[0]) ? "months" : "periods"} ${runs(r.periods, step)}`);
    if (r.gaps.length) facts.push(`gaps ${runs(r.gaps, step)} (${r.gaps.length})`);
    if (r.noLocation !== null) facts.push(`${n(r.noLocation)} with no location`);
    if (r.lsoaNotInLookup !== null) facts.push(`${n(r.lsoaNotInLookup)} with an LSOA not in the lookup`);
    if (r.unlinked !== null) facts.push(`${n(r.unlinked)} not linked to a collision in the snapshot`);
    lines.push(`  ${r.kind}: ${facts.join("; ")}`);
  }
  for (const note of result.notes) lines.push(note);
  lines.push(result.errors.length ? `${result.errors.length} error${result.errors.length === 1 ? "" : "s"}:` : "OK: no errors");
  for (const e of result.errors) lines.push(`  ${e}`);
  return lines.join("\n");
}
