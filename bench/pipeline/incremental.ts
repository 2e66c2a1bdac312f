// The cost of adding one new month, on the SYNTHETIC files, two designs side by side:
//  - full rebuild (what buildExtracts does today): aggregate every month's CSV files again, N and N+1 months;
//  - incremental: keep one aggregated Parquet partition per month; a new month aggregates only its own files,
//    then the published extract is re-merged from the N+1 small partitions (read_parquet + ORDER BY + COPY).
// Runs in its own process: node --import tsx bench/pipeline/incremental.ts --scale small|full --held 11,23,35
// Prints one JSON line per N held.
import {existsSync, mkdirSync, renameSync, rmSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {lit, litList} from "../../loaders/lib/duckdb.ts";
import {SNAPSHOT_DIR} from "../../loaders/lib/paths.ts";
import {STREET_HEADER} from "../../loaders/sources/police-uk-schema.ts";
import {argValue, BENCH_CACHE, median} from "../lib/common.ts";
import {ensureSynthetic, monthLabel, type Scale} from "./synthetic.ts";

const argv = process.argv.slice(2);
const scale = (argValue(argv, "scale") ?? "small") as Scale;
const held = (argValue(argv, "held") ?? "11,23,35").split(",").map(Number);
const threads = argValue(argv, "threads") ?? "2";
const set = await ensureSynthetic(scale, SNAPSHOT_DIR, () => {});
const filesOf = (month: string) => set.files.filter((f) => f.month === month).map((f) => f.path);
const filesUpTo = (n: number) => set.files.filter((f) => f.month <= monthLabel(n - 1)).map((f) => f.path);

const columns = `{${STREET_HEADER.map((c) => `${lit(c)}: 'VARCHAR'`).join(", ")}}`;
const readCsv = (paths: string[]) => `read_csv(${litList(paths)}, header = true, auto_detect = false, columns = ${columns}, quote = '"', escape = '"', strict_mode = true, null_padding = false)`;
// Month first, so per-month partitions concatenated in month order are already in the extract's sort order.
const aggregate = (paths: string[]) => `SELECT "Month" AS month, "Falls within" AS force, "LSOA code" AS lsoa_code, "Crime type" AS crime_type, count(*) AS n
  FROM ${readCsv(paths)} GROUP BY ALL`;

const runs = Number(argValue(argv, "runs") ?? 3);

interface Timing {wall: number; cpu: number}

/** Median of `runs` timings (wall and process CPU time, ms), each in a fresh DuckDB instance. */
async function timed(sql: string): Promise<Timing> {
  const all: Timing[] = [];
  for (let i = 0; i < runs; i++) all.push(await timedOnce(sql));
  return {wall: median(all.map((t) => t.wall)), cpu: median(all.map((t) => t.cpu))};
}

async function timedOnce(sql: string): Promise<Timing> {
  const instance = await DuckDBInstance.create(":memory:", {threads});
  const db = await instance.connect();
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await db.run(sql);
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  db.closeSync();
  instance.closeSync();
  return {wall, cpu: (cpu.user + cpu.system) / 1000};
}

const work = join(BENCH_CACHE, "incremental", scale);
const parts = join(work, "parts");
mkdirSync(parts, {recursive: true});
const part = (m: number) => join(parts, `${monthLabel(m)}.v2.parquet`);
const partSql = (m: number, to: string) => `COPY (${aggregate(filesOf(monthLabel(m)))} ORDER BY ALL) TO ${lit(to)} (FORMAT parquet, COMPRESSION zstd)`;
// Partitions for the months already held (not timed; built once and reused).
for (let m = 0; m < Math.max(...held); m++) {
  if (existsSync(part(m))) continue;
  await timedOnce(partSql(m, `${part(m)}.tmp`));
  renameSync(`${part(m)}.tmp`, part(m));
}

const out = join(work, "out");
mkdirSync(out, {recursive: true});
for (const n of held) {
  const fullN = await timed(`COPY (${aggregate(filesUpTo(n))} ORDER BY ALL) TO ${lit(join(out, "full-n.parquet"))} (FORMAT parquet, COMPRESSION zstd)`);
  const fullN1 = await timed(`COPY (${aggregate(filesUpTo(n + 1))} ORDER BY ALL) TO ${lit(join(out, "full-n1.parquet"))} (FORMAT parquet, COMPRESSION zstd)`);
  const newPart = join(out, `new-${monthLabel(n)}.parquet`);
  const newMonth = await timed(partSql(n, newPart));
  const partitions = [...Array.from({length: n}, (_, m) => part(m)), newPart];
  const merged = join(out, "merged.parquet");
  // Partitions are sorted and in month order: concatenating them (insertion order kept) gives the sorted extract, no re-sort.
  const merge = await timed(`COPY (SELECT * FROM read_parquet(${litList(partitions)})) TO ${lit(merged)} (FORMAT parquet, COMPRESSION zstd)`);
  // Check: the incremental result equals the full rebuild.
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  // Same rows in the same order as the full rebuild (row numbers included in the comparison).
  const numbered = (f: string) => `(SELECT row_number() OVER () AS i, * FROM read_parquet(${lit(f)}))`;
  const diff = (await db.runAndReadAll(`SELECT (SELECT count(*) FROM (FROM ${numbered(merged)} EXCEPT ALL FROM ${numbered(join(out, "full-n1.parquet"))})) AS ordered, (SELECT count(*) FROM (FROM read_parquet(${lit(merged)}) EXCEPT ALL FROM read_parquet(${lit(join(out, "full-n1.parquet"))})))
    + (SELECT count(*) FROM (FROM read_parquet(${lit(join(out, "full-n1.parquet"))}) EXCEPT ALL FROM read_parquet(${lit(merged)}))) AS d,
    (SELECT count(*) FROM read_parquet(${lit(merged)})) AS groups`)).getRowObjectsJS()[0];
  db.closeSync();
  instance.closeSync();
  rmSync(newPart);
  console.log(JSON.stringify({held: n, rowsN: (n * set.rows) / set.spec.months, fullN, fullN1, newMonth, merge,
    groups: Number(diff.groups), identical: Number(diff.d) === 0, sameOrder: Number(diff.ordered) === 0}));
}
