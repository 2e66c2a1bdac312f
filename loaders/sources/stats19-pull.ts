// Pulling DfT STATS19 tables for one police force: each national file (10–100+ MB) is downloaded to disk and
// streamed record by record, keeping collisions with police_force == the force's code and the casualties and
// vehicles of those collisions. Kept records are written byte for byte as published, then validated.
import {createReadStream, rmSync} from "node:fs";
import {join} from "node:path";
import {Readable} from "node:stream";
import {parse} from "csv-parse";
import {DataError} from "../lib/errors.ts";
import {downloadToFile, exists, rebase} from "../lib/http.ts";
import type {NewFile, PullContext, SourceResult} from "../lib/pull-context.ts";
import {readCollisions} from "./stats19-read.ts";
import {indexColumns, readLinkedRows, type LinkedTable} from "./stats19-linked-read.ts";

export const STATS19 = "https://data.dft.gov.uk/road-accidents-safety-data";
export type Stats19Table = "collision" | LinkedTable;
export const STATS19_TABLES: Stats19Table[] = ["collision", "casualty", "vehicle"];
export const stats19Url = (table: Stats19Table, year: number) => `${STATS19}/dft-road-casualty-statistics-${table}-${year}.csv`;

export interface Stats19Options {
  /** years to pull; default: the latest year DfT has published */
  years?: number[];
  /**
   * When the years came from a range of months (--from 2025-01 with police.uk, say), years DfT has not
   * published yet are skipped and counted instead of failing the pull; at least one must exist.
   */
  onlyPublished?: boolean;
  tables?: Stats19Table[];
}

/** The latest year whose collision file exists, looking back from last year (DfT publishes each September). */
export async function latestYear(ctx: PullContext): Promise<number> {
  const thisYear = ctx.now.getUTCFullYear();
  for (let year = thisYear - 1; year >= thisYear - 5; --year) {
    if (await exists(rebase(stats19Url("collision", year), ctx.baseUrl), ctx.http)) return year;
  }
  throw new Error(`no STATS19 collision file found for ${thisYear - 5}…${thisYear - 1} at ${rebase(STATS19, ctx.baseUrl)}`);
}

export async function pullStats19(ctx: PullContext, options: Stats19Options = {}): Promise<SourceResult> {
  let years = options.years ?? [await latestYear(ctx)];
  const tables = options.tables ?? STATS19_TABLES;
  const skipped: string[] = [];
  if (options.years && options.onlyPublished) {
    const published: number[] = [];
    for (const year of years) {
      if (await exists(rebase(stats19Url("collision", year), ctx.baseUrl), ctx.http)) published.push(year);
      else skipped.push(`stats19 ${year}: not published (no ${stats19Url("collision", year)})`);
    }
    if (!published.length) throw new Error(`no STATS19 collision file is published for ${years.join(", ")} at ${rebase(STATS19, ctx.baseUrl)}`);
    years = published;
  }
  if (!tables.includes("collision")) throw new Error("STATS19: casualty and vehicle rows are chosen by their collisions, so the collision table must be pulled too");
  const files: NewFile[] = [];
  for (const year of years) {
    const indexes = new Set<string>();
    for (const table of ["collision", ...tables.filter((t) => t !== "collision")] as Stats19Table[]) {
      const liveUrl = stats19Url(table, year);
      const url = rebase(liveUrl, ctx.baseUrl);
      const name = `dft-road-casualty-statistics-${table}-${year}-${ctx.forceId}.csv`;
      const download = join(ctx.workDir, `stats19-${table}-${year}.csv`);
      ctx.log(`stats19: downloading ${url}`);
      try {
        await downloadToFile(url, download, "csv", ctx.http);
        const kept = await filterRecords(download, `dft-road-casualty-statistics-${table}-${year}.csv`, table, year, ctx.stats19PoliceForce, indexes);
        const national = `dft-road-casualty-statistics-${table}-${year}.csv`;
        let rows = 0;
        try {
          if (table === "collision") {
            for await (const r of readCollisions(Readable.from([kept.content]), {policeForce: ctx.stats19PoliceForce, label: national})) {
              if (r.year !== year) throw new DataError(national, r.line, "accident_year", `${year}`, String(r.year));
              indexes.add(r.accidentIndex);
              ++rows;
            }
            if (!rows) throw new DataError(national, null, "police_force", `at least one collision with police_force ${ctx.stats19PoliceForce}`, "none");
          } else {
            for await (const _ of readLinkedRows(kept.content, table, {label: national, year})) ++rows;
            if (kept.byPrefixOnly) skipped.push(`${table} ${year}: ${kept.byPrefixOnly} rows kept by index prefix whose collision is not in the collision file`);
          }
        } catch (error) {
          // Name the line of the national file, not of the filtered copy.
          if (error instanceof DataError && error.line !== null) throw new DataError(error.file, kept.sourceLines[error.line - 1] ?? error.line, error.field, error.expected, error.found);
          throw error;
        }
        files.push({path: `stats19/${name}.gz`, source: "stats19", kind: table, url: liveUrl, content: kept.content, rows, period: String(year)});
        ctx.log(`stats19: ${name}: ${rows.toLocaleString("en-GB")} of ${kept.seen.toLocaleString("en-GB")} rows kept`);
      } finally {
        rmSync(download, {force: true});
      }
    }
  }
  return {files, skipped};
}

interface Kept {
  content: Buffer;
  /** line in the national file of each kept line (header first) */
  sourceLines: number[];
  seen: number;
  byPrefixOnly: number;
}

/**
 * Streams a national file and keeps the force's records verbatim (csv-parse's raw text of each record).
 * Collisions: police_force == code. Casualties/vehicles: index in the kept collisions, or (should DfT ever
 * publish one without the other) an index with the year + two-digit force code prefix, which is counted.
 */
async function filterRecords(file: string, label: string, table: Stats19Table, year: number, policeForce: number, indexes: Set<string>): Promise<Kept> {
  const parser = parse({bom: true, raw: true, relax_column_count: true, skip_empty_lines: true, info: true});
  const input = createReadStream(file);
  input.on("error", (e) => parser.destroy(e));
  input.pipe(parser);
  const out: string[] = [];
  const sourceLines: number[] = [];
  let header: string[] | null = null;
  let test: (record: string[]) => boolean = () => false;
  let seen = 0, byPrefixOnly = 0;
  let eol = "\n";
  // csv-parse's raw text sometimes carries the line ending (all or part of it): keep records bare, rejoin with the file's own.
  const bare = (raw: string) => raw.replace(/\r?\n?$/, "").replace(/\r$/, "");
  const prefix = `${year}${String(policeForce).padStart(2, "0")}`;
  try {
    for await (const {record, raw, info} of parser as AsyncIterable<{record: string[]; raw: string; info: {lines: number}}>) {
      if (!header) {
        header = record.map((s) => s.trim());
        eol = /\r\n?$/.test(raw) ? "\r\n" : "\n";
        out.push(bare(raw));
        sourceLines.push(1);
        if (table === "collision") {
          const col = header.indexOf("police_force");
          if (col < 0) throw new DataError(label, 1, "police_force", "a column police_force", header.join(","));
          test = (r) => Number(r[col]) === policeForce;
        } else {
          const cols = indexColumns(header);
          if (!cols) throw new DataError(label, 1, "accident_index", "a column accident_index (or collision_index)", header.join(","));
          const col = header.indexOf(cols.index);
          test = (r) => {
            if (indexes.has(r[col])) return true;
            if (r[col]?.startsWith(prefix)) return ++byPrefixOnly > 0;
            return false;
          };
        }
        continue;
      }
      ++seen;
      if (record.length !== header.length) throw new DataError(label, info.lines, null, `${header.length} fields`, `${record.length} fields`);
      if (test(record)) {
        out.push(bare(raw));
        sourceLines.push(info.lines);
      }
    }
  } catch (error) {
    if (error instanceof DataError) throw error;
    const e = error as Error & {code?: string; lines?: number};
    throw new DataError(label, e.lines ?? null, null, "well-formed CSV", e.message);
  }
  if (!header) throw new DataError(label, 1, null, "a header row", "an empty file");
  return {content: Buffer.from(out.join(eol) + eol, "utf8"), sourceLines, seen, byPrefixOnly};
}
