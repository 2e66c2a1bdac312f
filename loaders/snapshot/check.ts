// Validates a whole snapshot directory: manifest against disk (presence, size, sha256), every file parsed by
// its reader, row counts against the manifest, one file per force/kind/period; and reports what it holds.
// Used by `npm run check-data` and by the pull before it swaps a new snapshot in.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {basename, join, relative, sep} from "node:path";
import {gunzipSync} from "node:zlib";
import {nextMonth} from "../../src/components/months.ts";
import {readCsv} from "../lib/csv.ts";
import {readHeader} from "../lib/csv-header.ts";
import {DataError} from "../lib/errors.ts";
import {force as configuredForce} from "../lib/force.ts";
import {sha256, type Manifest, type ManifestEntry} from "../lib/manifest.ts";
import {MANIFEST_FILE, SNAPSHOT_DIR} from "../lib/paths.ts";
import {readOutcomes, readStopSearch, readStreetCrime} from "../sources/police-uk-read.ts";
import {parsePoliceUkFileName} from "../sources/police-uk-schema.ts";
import {readCollisions} from "../sources/stats19-read.ts";
import {readLinkedRows, type LinkedTable} from "../sources/stats19-linked-read.ts";
import {checkBoundaries, readJson, readLsoaLookup, readPopulation} from "../sources/ons-read.ts";
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
  /** report lines about the snapshot as a whole (see kinds.ts) */
  notes: string[];
}

/** Sources check-data knows; a manifest entry of any other source is an error. */
export const SOURCES = ["police-uk", "stats19", "ons", ...MORE_SOURCES] as const;

/** `dft-road-casualty-statistics-collision-2023-staffordshire.csv.gz` → {table, year, force}. */
export function parseStats19FileName(name: string): {table: string; year: string; force: string} | null {
  const m = /^dft-road-casualty-statistics-(collision|casualty|vehicle)-(\d{4})-([a-z0-9-]+)\.csv(\.gz)?$/.exec(name);
  return m ? {table: m[1], year: m[2], force: m[3]} : null;
}

/** Every data file under the snapshot (documentation .md files and the manifest itself are not data). */
function dataFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, {withFileTypes: true})) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name !== MANIFEST_FILE && !e.name.endsWith(".md")) out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

export async function checkSnapshot(dir = SNAPSHOT_DIR): Promise<CheckResult> {
  const errors: string[] = [];
  const fail = (e: unknown) => errors.push(e instanceof Error ? e.message : String(e));
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8")) as Manifest;
    if (!Array.isArray(manifest?.files)) throw new DataError(MANIFEST_FILE, null, "files", "a list of files", typeof manifest?.files);
  } catch (error) {
    fail(error instanceof DataError ? error : new DataError(MANIFEST_FILE, null, null, "a readable JSON manifest", (error as Error).message));
    return {dir, files: 0, errors, kinds: [], notes: []};
  }
  const forceId = manifest.force ?? configuredForce.id;

  // The manifest and the disk must agree exactly.
  const listed = new Set<string>();
  for (const entry of manifest.files) {
    if (listed.has(entry.path)) fail(new DataError(MANIFEST_FILE, null, "path", "each file listed once", entry.path));
    listed.add(entry.path);
  }
  for (const path of dataFiles(dir)) {
    if (!listed.has(path)) fail(new DataError(path, null, null, "an entry in manifest.json for every data file", "a file the manifest does not list"));
  }
  const readable: ManifestEntry[] = [];
  for (const entry of manifest.files) {
    const error = checkStoredFile(dir, entry);
    if (error) fail(error);
    else readable.push(entry);
  }
  for (const error of duplicatePeriods(readable, forceId)) fail(error);

  // Parse: lookups first, so other files' LSOA codes can be checked against them.
  const lookup = new Set<string>();
  const reports = new Map<string, KindReport>();
  const reportFor = (e: ManifestEntry) => {
    const key = `${e.source}/${e.kind}`;
    if (!reports.has(key)) reports.set(key, {source: e.source, kind: e.kind, files: 0, rows: null, periods: [], gaps: [], noLocation: null, lsoaNotInLookup: null, unlinked: null});
    return reports.get(key)!;
  };
  const collisionIndexes = new Map<string, Set<string>>(); // year → indexes, for linking casualties and vehicles
  const order = (e: ManifestEntry) => (e.kind === "lsoa-lookup" ? 0 : e.kind === "collision" ? 1 : 2);
  for (const entry of [...readable].sort((a, b) => order(a) - order(b) || a.path.localeCompare(b.path))) {
    const report = reportFor(entry);
    try {
      const more = KIND_CHECKS[`${entry.source}/${entry.kind}`];
      const facts: Facts = more ? await more(join(dir, entry.path), entry.path, {dir, entry, entries: readable}) : await readEntry(dir, entry, lookup, collisionIndexes);
      if (entry.rows !== null && facts.rows !== null && facts.rows !== entry.rows) {
        throw new DataError(entry.path, null, "rows", `${entry.rows} rows, as manifest.json says`, `${facts.rows} rows`);
      }
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
  const kinds = [...reports.values()].sort((a, b) => a.source.localeCompare(b.source) || a.kind.localeCompare(b.kind));
  for (const r of kinds) {
    r.periods.sort();
    if (r.source === "police-uk") r.gaps = missingBetween(r.periods, nextMonth);
    if (r.source === "stats19") r.gaps = missingBetween(r.periods, (y) => String(Number(y) + 1));
  }
  const notes = errors.length ? [] : await snapshotNotes(dir, readable).catch((error) => (fail(error), []));
  return {dir, files: manifest.files.length, errors, kinds, notes};
}

function checkStoredFile(dir: string, entry: ManifestEntry): DataError | null {
  if (!(SOURCES as readonly string[]).includes(entry.source)) return new DataError(entry.path, null, "source", `one of ${SOURCES.join(", ")}`, entry.source);
  const file = join(dir, entry.path);
  if (!existsSync(file)) return new DataError(entry.path, null, null, "the file manifest.json lists", "no such file");
  const bytes = readFileSync(file);
  if (bytes.length !== entry.bytes) return new DataError(entry.path, null, "bytes", `${entry.bytes} bytes, as manifest.json says`, `${bytes.length} bytes`);
  const actual = sha256(bytes);
  if (actual !== entry.sha256) return new DataError(entry.path, null, "sha256", `sha256 ${entry.sha256}, as manifest.json says`, actual);
  if (entry.path.endsWith(".gz")) {
    let content: Buffer;
    try {
      content = gunzipSync(bytes);
    } catch {
      return null; // the reader reports a bad gzip stream with its own message
    }
    if (sha256(content) !== entry.contentSha256) return new DataError(entry.path, null, "contentSha256", `content sha256 ${entry.contentSha256}, as manifest.json says`, sha256(content));
  }
  return null;
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

interface Facts {
  rows: number | null;
  noLocation?: number;
  lsoaNotInLookup?: number;
  unlinked?: number;
}

async function readEntry(dir: string, entry: ManifestEntry, lookup: Set<string>, collisionIndexes: Map<string, Set<string>>): Promise<Facts> {
  const file = join(dir, entry.path);
  const label = entry.path;
  const outside = (code: string) => code !== "" && lookup.size > 0 && !lookup.has(code);
  let rows = 0, noLocation = 0, notInLookup = 0;
  switch (`${entry.source}/${entry.kind}`) {
    case "police-uk/street":
      for await (const r of readStreetCrime(file, label)) {
        ++rows;
        if (r.longitude === null) ++noLocation;
        if (outside(r.lsoaCode)) ++notInLookup;
      }
      return {rows, noLocation, lsoaNotInLookup: notInLookup};
    case "police-uk/outcomes":
      for await (const r of readOutcomes(file, label)) {
        ++rows;
        if (r.lsoaCode === "") ++noLocation;
        if (outside(r.lsoaCode)) ++notInLookup;
      }
      return {rows, noLocation, lsoaNotInLookup: notInLookup};
    case "police-uk/stop-and-search":
      for await (const r of readStopSearch(file, label)) {
        ++rows;
        if (r.longitude === null) ++noLocation;
      }
      return {rows, noLocation};
    case "stats19/collision": {
      const indexes = collisionIndexes.get(entry.period ?? "") ?? new Set<string>();
      collisionIndexes.set(entry.period ?? "", indexes);
      for await (const r of readCollisions(file, {policeForce: configuredForce.stats19PoliceForce, label})) {
        ++rows;
        if (String(r.year) !== entry.period) throw new DataError(label, r.line, "accident_year", `the file's year ${entry.period}`, String(r.year));
        indexes.add(r.accidentIndex);
        if (r.longitude === null) ++noLocation;
        if (!["-1", "NULL"].includes(r.lsoaCode) && outside(r.lsoaCode)) ++notInLookup;
      }
      return {rows, noLocation, lsoaNotInLookup: notInLookup};
    }
    case "stats19/casualty":
    case "stats19/vehicle": {
      const indexes = collisionIndexes.get(entry.period ?? "");
      let unlinked = 0;
      for await (const r of readLinkedRows(file, entry.kind as LinkedTable, {label, year: Number(entry.period)})) {
        ++rows;
        if (indexes && !indexes.has(r.index)) ++unlinked;
      }
      return {rows, unlinked};
    }
    case "ons/lsoa-lookup":
      for await (const r of readLsoaLookup(file, label)) {
        ++rows;
        lookup.add(r.lsoaCode);
      }
      return {rows};
    case "ons/population":
    case "ons/population-mye":
      for await (const _ of readPopulation(file, label)) ++rows;
      return {rows};
    case "ons/lsoa11-boundaries":
    case "ons/lsoa21-boundaries":
      return {rows: checkBoundaries(readJson(file, label), label).length};
    case "ons/census-place":
      readJson(file, label);
      return {rows: null};
  }
  if (entry.source === "ons") return readOtherOns(file, label);
  throw new DataError(label, null, "kind", `a ${entry.source} kind check-data can read`, entry.kind);
}

/** Other ONS geography files (LAD or ward TopoJSON, …): checked by format, so new kinds need no code here. */
async function readOtherOns(file: string, label: string): Promise<Facts> {
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
