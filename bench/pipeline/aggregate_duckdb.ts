// Contender: the street aggregation in DuckDB (Node, @duckdb/node-api), read_csv over the gzip files with
// explicit VARCHAR columns as loaders/extracts/stage.ts does, GROUP BY month, force, LSOA code, crime type, and
// the result written sorted by those keys (CSV, or Parquet when --out ends in .parquet).
// Run as its own process so its peak memory can be measured:
//   node --import tsx bench/pipeline/aggregate_duckdb.ts --files-from LIST --out result.csv
//     [--threads N] [--memory-limit 1GB] [--preserve-order true|false] [--keys enum] [--mode stream|stage|per-file|per-month]
// mode stream (default): one read_csv over all files feeding one GROUP BY, then the sorted result is written;
// mode stage: CREATE TABLE street AS read_csv(...) first, then GROUP BY (the way buildExtracts stages the snapshot);
// mode per-file: one read_csv per file, UNION ALL'd into one GROUP BY;
// mode per-month: month is a group key and every police.uk file holds one month, so each month's files are
//   aggregated on their own and written in month order: the same rows, but only one month's groups in memory.
// --keys enum: "Crime type" read as an ENUM of the 14 police.uk categories.
// Prints one JSON line: rows, groups, agg_seconds (read + aggregate; null for per-month), seconds (read + aggregate +
// write), maxrss_bytes.
import {appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {basename} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {CRIME_TYPES, STREET_HEADER} from "../../loaders/sources/police-uk-schema.ts";
import {lit, litList} from "../../loaders/lib/duckdb.ts";
import {argValue} from "../lib/common.ts";

const argv = process.argv.slice(2);
const listFile = argValue(argv, "files-from");
const out = argValue(argv, "out");
if (!listFile || !out) throw new Error("--files-from LIST and --out FILE are required");
const files = readFileSync(listFile, "utf8").split("\n").map((s) => s.trim()).filter(Boolean);
const threads = argValue(argv, "threads");
const memoryLimit = argValue(argv, "memory-limit");
const preserveOrder = argValue(argv, "preserve-order");
const mode = argValue(argv, "mode") ?? "stream";
const enumKeys = argValue(argv, "keys") === "enum";
const parquet = out.endsWith(".parquet");

const columns = `{${STREET_HEADER.map((c) => `${lit(c)}: ${enumKeys && c === "Crime type" ? "'crime_type'" : "'VARCHAR'"}`).join(", ")}}`;
const readCsv = (paths: string[]) =>
  `read_csv(${litList(paths)}, header = true, auto_detect = false, columns = ${columns}, quote = '"', escape = '"', strict_mode = true, null_padding = false)`;
const groupBy = (from: string) => `SELECT "Month" AS month, "Falls within" AS force, "LSOA code" AS lsoa_code, "Crime type" AS crime_type, count(*) AS n
  FROM ${from} GROUP BY ALL`;
const ORDER = "ORDER BY month, force, lsoa_code, crime_type";
const format = (header: boolean) => parquet ? "(FORMAT parquet, COMPRESSION zstd)" : `(FORMAT csv, HEADER ${header})`;

const instance = await DuckDBInstance.create(":memory:", {
  ...(threads ? {threads} : {}),
  ...(memoryLimit ? {memory_limit: memoryLimit} : {}),
  ...(preserveOrder ? {preserve_insertion_order: preserveOrder} : {})
});
const db = await instance.connect();
const one = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS()[0];
if (enumKeys) await db.run(`CREATE TYPE crime_type AS ENUM (${CRIME_TYPES.map(lit).join(", ")})`);

const start = performance.now();
let aggSeconds: number | null = null, rows = 0, groups = 0;
if (mode === "per-month") {
  const months = new Map<string, string[]>();
  for (const f of files) {
    const m = /^(\d{4}-\d{2})-/.exec(basename(f))?.[1];
    if (!m) throw new Error(`${f}: no month in the file name`);
    months.set(m, [...(months.get(m) ?? []), f]);
  }
  const parts = `${out}.parts`;
  rmSync(parts, {recursive: true, force: true});
  mkdirSync(parts, {recursive: true});
  const partFiles: string[] = [];
  for (const [month, monthFiles] of [...months].sort(([a], [b]) => a.localeCompare(b))) {
    await db.run(`CREATE OR REPLACE TEMP TABLE m AS ${groupBy(readCsv(monthFiles))}`);
    const part = `${parts}/${month}.${parquet ? "parquet" : "csv"}`;
    await db.run(`COPY (SELECT * FROM m ${ORDER}) TO ${lit(part)} ${format(false)}`);
    const f = await one(`SELECT sum(n)::BIGINT AS rows, count(*)::BIGINT AS groups FROM m`);
    rows += Number(f.rows);
    groups += Number(f.groups);
    partFiles.push(part);
  }
  await db.run("DROP TABLE m");
  if (parquet) {
    await db.run(`COPY (SELECT * FROM read_parquet(${litList(partFiles)})) TO ${lit(out)} ${format(true)}`); // keeps file order
  } else {
    writeFileSync(out, "month,force,lsoa_code,crime_type,n\n");
    for (const p of partFiles) appendFileSync(out, readFileSync(p));
  }
  rmSync(parts, {recursive: true, force: true});
} else {
  if (mode === "stage") {
    await db.run(`CREATE TABLE street AS SELECT * FROM ${readCsv(files)}`);
    await db.run(`CREATE TABLE agg AS ${groupBy("street")}`);
    await db.run("DROP TABLE street");
  } else if (mode === "per-file") {
    await db.run(`CREATE TABLE agg AS ${groupBy(`(${files.map((f) => `SELECT * FROM ${readCsv([f])}`).join(" UNION ALL ")})`)}`);
  } else {
    await db.run(`CREATE TABLE agg AS ${groupBy(readCsv(files))}`);
  }
  aggSeconds = (performance.now() - start) / 1000;
  await db.run(`COPY (SELECT * FROM agg ${ORDER}) TO ${lit(out)} ${format(true)}`);
  const f = await one(`SELECT sum(n)::BIGINT AS rows, count(*)::BIGINT AS groups FROM agg`);
  rows = Number(f.rows);
  groups = Number(f.groups);
}
const seconds = (performance.now() - start) / 1000;
const settings = await one(`SELECT current_setting('threads') AS threads, current_setting('memory_limit') AS memory_limit,
  current_setting('preserve_insertion_order') AS preserve_insertion_order, version() AS version`);
db.closeSync();
instance.closeSync();
console.log(JSON.stringify({rows, groups, agg_seconds: aggSeconds, seconds, mode, ...Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)])),
  maxrss_bytes: process.resourceUsage().maxRSS * 1024}));
