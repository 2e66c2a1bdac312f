// Checks of the snapshot kinds that have their own reader modules (the national police.uk counts, the IMD table,
// every district's population), and the notes check-data prints after its per-kind report. check.ts asks here
// before its own list, so a new kind is added here and in its reader, not in check.ts.
import {join} from "node:path";
import {readLsoaLookup} from "../sources/ons-read.ts";
import {readImd} from "../sources/imd-read.ts";
import {formatLsoaMapping, mapLsoaRows, type LsoaRow} from "../sources/lsoa-districts.ts";
import {checkCountsAgainstInputs, readNationalInputs, type NationalKind} from "../sources/police-uk-national-read.ts";
import {plainDistrictName, readDistricts} from "../sources/ons-districts-read.ts";
import {STREET_HEADER} from "../sources/police-uk-schema.ts";
import {lit, litList, withDuckDB} from "../lib/duckdb.ts";
import {DataError} from "../lib/errors.ts";
import type {ManifestEntry} from "../lib/manifest.ts";

/** Sources beyond check.ts's own (police-uk, stats19, ons). */
export const MORE_SOURCES = ["police-uk-national", "mhclg"] as const;

export interface KindContext {
  dir: string;
  entry: ManifestEntry;
  /** every readable entry of the manifest, for checks that tie one file to another */
  entries: ManifestEntry[];
}

export type KindCheck = (file: string, label: string, ctx: KindContext) => Promise<{rows: number | null}>;

/** The national count tables are checked against the list of files they were counted from (same period). */
const nationalTable = (kind: NationalKind): KindCheck => async (file, label, {dir, entry, entries}) => {
  const inputs = entries.find((e) => e.source === entry.source && e.kind === "inputs" && e.period === entry.period);
  if (!inputs) throw new DataError(label, null, null, `an inputs file of period ${entry.period} in the manifest, to check the counts against`, "none");
  const list = await readNationalInputs(join(dir, inputs.path), {label: inputs.path, year: inputs.period});
  return {rows: await checkCountsAgainstInputs(file, kind, list, {label, inputsLabel: inputs.path, year: entry.period})};
};

export const KIND_CHECKS: Record<string, KindCheck> = {
  "police-uk-national/inputs": async (file, label, {entry}) => ({rows: (await readNationalInputs(file, {label, year: entry.period})).length}),
  "police-uk-national/force-lad-month-type": nationalTable("force-lad-month-type"),
  "police-uk-national/force-month-type-outcome": nationalTable("force-month-type-outcome"),
  "mhclg/imd-lsoa": async (file, label) => {
    const {rows, welsh} = readImd(file, label);
    return {rows: rows.length + welsh.length};
  },
  "ons/population-ew": async (file, label) => ({rows: (await readDistricts(file, label)).length})
};

const pathsOf = (dir: string, entries: ManifestEntry[], source: string, kind: string) =>
  entries.filter((e) => e.source === source && e.kind === kind).sort((a, b) => a.path.localeCompare(b.path)).map((e) => join(dir, e.path));

/**
 * Report lines about the snapshot as a whole: how the street files' LSOA codes, of both vintages, map to districts
 * (through the lookup, else by the district their name gives), and any code that maps nowhere.
 */
export async function snapshotNotes(dir: string, entries: ManifestEntry[]): Promise<string[]> {
  const street = pathsOf(dir, entries, "police-uk", "street");
  if (!street.length) return [];
  const lookup = new Map<string, string>();
  for (const file of pathsOf(dir, entries, "ons", "lsoa-lookup")) for await (const r of readLsoaLookup(file)) lookup.set(r.lsoaCode, r.ladCode);
  const districts = new Map<string, string>();
  for (const file of pathsOf(dir, entries, "ons", "population-ew")) for (const d of await readDistricts(file)) districts.set(plainDistrictName(d.name), d.code);
  const imd = pathsOf(dir, entries, "mhclg", "imd-lsoa");
  // Every 2011 LSOA code of England and Wales (the IMD table lists both), to check the 2011-vintage files.
  const codes2011 = imd.length ? new Set(imd.flatMap((file) => {
    const t = readImd(file);
    return [...t.rows.map((r) => r.lsoaCode), ...t.welsh];
  })) : null;
  // The street files were read row by row (and validated) above; here they are only counted, by DuckDB.
  const rows = await withDuckDB((db) => db.all<LsoaRow>(`SELECT "Month" AS month, "LSOA code" AS "lsoaCode", "LSOA name" AS "lsoaName", count(*)::INTEGER AS records
    FROM read_csv(${litList(street)}, header = true, auto_detect = false, columns = {${STREET_HEADER.map((c) => `${lit(c)}: 'VARCHAR'`).join(", ")}},
      quote = '"', escape = '"', strict_mode = true, null_padding = false)
    WHERE "LSOA code" IS NOT NULL GROUP BY ALL ORDER BY ALL`));
  return formatLsoaMapping(mapLsoaRows(rows, lookup, districts.size ? districts : null, codes2011));
}
