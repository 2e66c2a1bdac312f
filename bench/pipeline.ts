// Pipeline benchmark: DuckDB (Node) against a straightforward pandas baseline, on the real snapshot and on
// SYNTHETIC data at national scale, plus the cost of adding one month. Prints figures and ratios; asserts nothing.
//   npx tsx bench/pipeline.ts [--scale small|full] [--skip real,synthetic,variants,incremental] [--runs N]
// Every contender runs as its own process under /usr/bin/time -v (peak RSS = "Maximum resident set size").
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {lit, withDuckDB} from "../loaders/lib/duckdb.ts";
import {SNAPSHOT_DIR} from "../loaders/lib/paths.ts";
import {readManifest} from "../loaders/lib/manifest.ts";
import {argValue, BENCH_CACHE, ensureDir, fmt, heading, lastJson, machine, measureProcess, median, NODE_TS, PYTHON, ROOT, table, waitForQuiet} from "./lib/common.ts";
import {ensureSynthetic, type Scale} from "./pipeline/synthetic.ts";

interface AggResult {rows: number; groups: number; seconds: number; agg_seconds?: number | null; read_s?: number; agg_s?: number; maxrss_bytes: number}
/** wallMs: whole process; innerMs: read + aggregate + write the result; aggMs: read + aggregate only (where separable). */
interface Measured {label: string; wallMs: number; cpuMs: number; innerMs: number; aggMs: number; peakRss: number; rows: number; groups: number}

const PANDAS_MEMORY_CEILING = 16e9;
const TARGET = {seconds: 60, peakRss: 1e9, speedup: 1.5, leaner: 10};

const DUCKDB_SCRIPT = join(ROOT, "bench", "pipeline", "aggregate_duckdb.ts");
const PANDAS_SCRIPT = join(ROOT, "bench", "pipeline", "aggregate_pandas.py");

function listFile(dir: string, name: string, files: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, files.join("\n") + "\n");
  return path;
}

async function runDuckdb(label: string, list: string, out: string, options: string[] = []): Promise<Measured> {
  const p = await measureProcess([...NODE_TS, DUCKDB_SCRIPT, "--files-from", list, "--out", out, ...options]);
  const r = lastJson<AggResult>(p.stdout);
  return {label, wallMs: p.wallMs, cpuMs: p.cpuMs, innerMs: r.seconds * 1000, aggMs: r.agg_seconds == null ? NaN : r.agg_seconds * 1000, peakRss: p.peakRss, rows: r.rows, groups: r.groups};
}

async function runPandas(label: string, list: string, out: string | undefined): Promise<Measured> {
  const p = await measureProcess([PYTHON, PANDAS_SCRIPT, "--files-from", list, ...(out ? ["--out", out] : [])]);
  const r = lastJson<AggResult>(p.stdout);
  return {label, wallMs: p.wallMs, cpuMs: p.cpuMs, innerMs: r.seconds * 1000, aggMs: ((r.read_s ?? NaN) + (r.agg_s ?? NaN)) * 1000, peakRss: p.peakRss, rows: r.rows, groups: r.groups};
}

/** Median over runs of each figure (runs are separate processes). */
async function repeat(runs: number, fn: () => Promise<Measured>): Promise<Measured> {
  const all: Measured[] = [];
  for (let i = 0; i < runs; i++) all.push(await fn());
  return {...all[0], wallMs: median(all.map((m) => m.wallMs)), cpuMs: median(all.map((m) => m.cpuMs)), innerMs: median(all.map((m) => m.innerMs)), aggMs: median(all.map((m) => m.aggMs)), peakRss: median(all.map((m) => m.peakRss))};
}

/** The two result CSVs hold the same (force, month, LSOA, crime type, count) rows: EXCEPT ALL both ways is empty. */
async function sameCounts(a: string, b: string): Promise<{identical: boolean; groupsA: number; groupsB: number; rowsA: number; rowsB: number; differing: number}> {
  return withDuckDB(async (db) => {
    const read = (f: string) => `read_csv(${lit(f)}, header = true, auto_detect = false, columns = {'month': 'VARCHAR', 'force': 'VARCHAR', 'lsoa_code': 'VARCHAR', 'crime_type': 'VARCHAR', 'n': 'BIGINT'})`;
    const [r] = await db.all<{d: number; ga: number; gb: number; ra: number; rb: number}>(`SELECT
      (SELECT count(*) FROM (FROM ${read(a)} EXCEPT ALL FROM ${read(b)})) + (SELECT count(*) FROM (FROM ${read(b)} EXCEPT ALL FROM ${read(a)})) AS d,
      (SELECT count(*) FROM ${read(a)}) AS ga, (SELECT count(*) FROM ${read(b)}) AS gb,
      (SELECT sum(n) FROM ${read(a)}) AS ra, (SELECT sum(n) FROM ${read(b)}) AS rb`);
    return {identical: r.d === 0 && r.ra === r.rb, groupsA: r.ga, groupsB: r.gb, rowsA: r.ra, rowsB: r.rb, differing: r.d};
  });
}

function sideBySide(baseline: Measured, ...contenders: Measured[]): string {
  const tput = (m: Measured) => m.rows / (m.innerMs / 1000);
  const measures: [string, (m: Measured) => string, ((m: Measured) => number) | null][] = [
    ["rows read", (m) => fmt.int(m.rows), null],
    ["groups out", (m) => fmt.int(m.groups), null],
    ["wall time, whole process", (m) => fmt.ms(m.wallMs), (m) => m.wallMs],
    ["CPU time (user + sys), whole process", (m) => fmt.ms(m.cpuMs), (m) => m.cpuMs],
    ["read + aggregate + write result", (m) => fmt.ms(m.innerMs), (m) => m.innerMs],
    ["  of which read + aggregate", (m) => fmt.ms(m.aggMs), (m) => m.aggMs],
    ["throughput (rows/s, read to result)", (m) => fmt.rate(tput(m)), (m) => tput(m)],
    ["peak RSS", (m) => fmt.bytes(m.peakRss), (m) => m.peakRss]
  ];
  return table(["measure", `${baseline.label} (baseline)`, ...contenders.flatMap((c) => [c.label, "ratio"])],
    measures.map(([name, show, value]) => [name, show(baseline), ...contenders.flatMap((c) => [show(c), value ? fmt.ratio(value(c), value(baseline)) : ""])]));
}

/** "4.4× less memory" or "1.34× more memory" (peak RSS, contender against baseline). */
function memoryWords(baseline: number, contender: number): string {
  return contender <= baseline ? `${(baseline / contender).toFixed(1)}× less memory` : `${(contender / baseline).toFixed(2)}× more memory`;
}

function checkLine(c: Awaited<ReturnType<typeof sameCounts>>, a: string, b: string): string {
  return c.identical
    ? `CHECK OK: ${a} and ${b} give identical counts (${fmt.int(c.groupsA)} groups, ${fmt.int(c.rowsA)} rows)`
    : `CHECK FAILED: ${a} ${fmt.int(c.groupsA)} groups / ${fmt.int(c.rowsA)} rows vs ${b} ${fmt.int(c.groupsB)} groups / ${fmt.int(c.rowsB)} rows; ${fmt.int(c.differing)} rows differ`;
}

export async function runPipelineBench(argv: string[]): Promise<void> {
  const scale = (argValue(argv, "scale") ?? "full") as Scale;
  if (scale !== "small" && scale !== "full") throw new Error(`--scale must be small or full, not ${scale}`);
  const skip = new Set((argValue(argv, "skip") ?? "").split(",").filter(Boolean));
  const runs = Number(argValue(argv, "runs") ?? 3);
  const work = ensureDir(join(BENCH_CACHE, "pipeline"));
  console.log(`pipeline bench, scale ${scale}; ${machine()}`);

  // 1. Real snapshot.
  if (!skip.has("real")) {
    heading(`REAL: snapshot → all extracts (buildExtracts), own process; ${await waitForQuiet()}`);
    const rows: string[][] = [];
    for (const threads of [1, 2]) {
      const all = [];
      for (let i = 0; i < runs; i++) {
        const out = mkdtempSync(join(tmpdir(), "bench-extracts-"));
        try {
          const p = await measureProcess([...NODE_TS, join(ROOT, "bench", "pipeline", "run_extracts.ts"), out, String(threads)]);
          all.push({p, r: lastJson<{seconds: number; extracts: number; rows: number; bytes: number}>(p.stdout)});
        } finally {
          rmSync(out, {recursive: true, force: true});
        }
      }
      const r = all[0].r;
      rows.push([`buildExtracts, threads ${threads}${threads === 1 ? " (as the build runs it)" : ""}`, fmt.ms(median(all.map((a) => a.p.wallMs))),
        fmt.ms(median(all.map((a) => a.r.seconds * 1000))), fmt.bytes(median(all.map((a) => a.p.peakRss))), `${r.extracts} extracts, ${fmt.int(r.rows)} rows, ${fmt.bytes(r.bytes)}`]);
    }
    console.log(table(["run (median of " + runs + ")", "wall time, process", "buildExtracts time", "peak RSS", "output"], rows));

    const street = readManifest().files.filter((f) => f.source === "police-uk" && f.kind === "street").map((f) => join(SNAPSHOT_DIR, f.path)).sort();
    const list = listFile(work, "real.list", street);
    heading(`REAL: street aggregation (force × month × LSOA × crime type counts) over ${street.length} street files, median of ${runs} processes; ${await waitForQuiet()}`);
    const pandas = await repeat(runs, () => runPandas("pandas", list, join(work, "real-pandas.csv")));
    const duck = await repeat(runs, () => runDuckdb("DuckDB", list, join(work, "real-duckdb.csv")));
    console.log(sideBySide(pandas, duck));
    console.log(`DuckDB vs pandas: ${(pandas.wallMs / duck.wallMs).toFixed(2)}× faster (process), ${(pandas.innerMs / duck.innerMs).toFixed(2)}× faster (read to result), ${memoryWords(pandas.peakRss, duck.peakRss)}`);
    console.log(checkLine(await sameCounts(join(work, "real-duckdb.csv"), join(work, "real-pandas.csv")), "DuckDB", "pandas"));
  }

  // 2. SYNTHETIC scale run.
  if (!skip.has("synthetic") || !skip.has("variants") || !skip.has("incremental")) {
    const set = await ensureSynthetic(scale, SNAPSHOT_DIR);
    const list = listFile(work, `synthetic-${scale}.list`, set.files.map((f) => f.path));
    const label = `SYNTHETIC (${scale}): ${fmt.int(set.rows)} rows = real rows replicated over ${set.spec.forces} forces × ${set.spec.months} months, ${set.files.length} gzip files, ${fmt.bytes(set.bytes)}`;
    if (!skip.has("synthetic")) {
      heading(`${label}; one process each; ${await waitForQuiet()}`);
      const duck = await runDuckdb("DuckDB, one GROUP BY", list, join(work, `synthetic-${scale}-duckdb.csv`));
      const perMonth = await runDuckdb("DuckDB, month by month", list, join(work, `synthetic-${scale}-duckdb-per-month.csv`), ["--mode", "per-month"]);
      // pandas at this scale: estimate its peak from a 1/12 sample first; above the ceiling, run it on fewer files.
      let pandasFiles = set.files.map((f) => f.path);
      let pandasNote = "the same files";
      const sample = pandasFiles.filter((_, i) => i % 12 === 0);
      const probe = await runPandas("pandas (sample)", listFile(work, "pandas-probe.list", sample), undefined);
      const perRow = (probe.peakRss - 80e6) / probe.rows;
      const estimate = 80e6 + perRow * set.rows;
      console.log(`pandas peak estimate for ${fmt.int(set.rows)} rows, from a ${fmt.int(probe.rows)}-row sample (${fmt.bytes(probe.peakRss)}): ${fmt.bytes(estimate)}`);
      if (estimate > PANDAS_MEMORY_CEILING) {
        const keep = Math.max(1, Math.floor(set.files.length * (PANDAS_MEMORY_CEILING * 0.8 - 80e6) / (perRow * set.rows)));
        pandasFiles = pandasFiles.slice(0, keep);
        pandasNote = `REDUCED SCALE: pandas would need about ${fmt.bytes(estimate)}; it ran on the first ${keep} of ${set.files.length} files`;
      }
      const pandas = await runPandas("pandas", listFile(work, `synthetic-${scale}-pandas.list`, pandasFiles), join(work, `synthetic-${scale}-pandas.csv`));
      console.log(`pandas input: ${pandasNote}`);
      console.log(sideBySide(pandas, duck, perMonth));
      console.log("one GROUP BY: one read_csv over every file into one hash aggregate; month by month: each month's files aggregated and written in turn (month is a key, so the result is the same).");
      const target = (ok: boolean) => ok ? "MET" : "MISSED";
      const rows: string[][] = [];
      for (const [d, file] of [[duck, "duckdb"], [perMonth, "duckdb-per-month"]] as const) {
        const speedup = pandas.wallMs / pandas.rows / (d.wallMs / d.rows);
        const leaner = pandas.peakRss / d.peakRss;
        console.log(`${d.label} vs pandas: ${speedup.toFixed(2)}× faster (process wall, per row), ${(pandas.innerMs / pandas.rows / (d.innerMs / d.rows)).toFixed(2)}× faster (read to result), ${memoryWords(pandas.peakRss, d.peakRss)}`);
        if (pandasFiles.length === set.files.length) console.log(checkLine(await sameCounts(join(work, `synthetic-${scale}-${file}.csv`), join(work, `synthetic-${scale}-pandas.csv`)), d.label, "pandas"));
        else console.log("CHECK skipped: pandas ran on fewer files");
        rows.push([`${d.label}: wall time`, `< ${TARGET.seconds} s`, fmt.ms(d.wallMs), target(d.wallMs < TARGET.seconds * 1000)],
          [`${d.label}: CPU time (user + sys)`, "(context)", fmt.ms(d.cpuMs), `${Math.round((100 * d.cpuMs) / d.wallMs)}% CPU; 2 idle cores: ≥ ${fmt.ms(d.cpuMs / 2)} wall`],
          [`${d.label}: peak RSS`, `< ${fmt.bytes(TARGET.peakRss)}`, fmt.bytes(d.peakRss), target(d.peakRss < TARGET.peakRss)],
          [`${d.label}: faster than pandas`, `≥ ${TARGET.speedup}×`, `${speedup.toFixed(2)}×`, target(speedup >= TARGET.speedup)],
          [`${d.label}: leaner than pandas`, `≥ ${TARGET.leaner}×`, `${leaner.toFixed(1)}×`, target(leaner >= TARGET.leaner)]);
      }
      console.log(table(["target (18M rows, 2 cores)", "target", "measured", "result"], rows));
      if (scale !== "full") console.log("(targets are stated for the full scale; this was the small scale)");
    }

    if (!skip.has("variants")) {
      heading(`${label}: DuckDB settings, one process each, sorted result written as CSV (baseline: defaults = 2 threads, one read_csv, insertion order kept); ${await waitForQuiet()}`);
      const variants: [string, string[]][] = [
        ["defaults (2 threads)", []],
        ["threads = 1", ["--threads", "1"]],
        ["preserve_insertion_order = false", ["--preserve-order", "false"]],
        ["crime type as ENUM", ["--keys", "enum"]],
        ["memory_limit = 1GB", ["--memory-limit", "1GB"]],
        ["stage a table first (as buildExtracts)", ["--mode", "stage"]],
        ["month by month", ["--mode", "per-month"]],
        ["month by month, threads = 1", ["--mode", "per-month", "--threads", "1"]],
        ["month by month, memory_limit = 500MB", ["--mode", "per-month", "--memory-limit", "500MB"]]
      ];
      const results: Measured[] = [];
      for (const [name, options] of variants) {
        try {
          results.push(await runDuckdb(name, list, join(work, "variant-out.csv"), options));
        } catch (error) {
          console.log(`${name}: failed: ${String(error).split("\n").slice(0, 3).join(" ")}`);
          results.push({label: `${name} (FAILED)`, wallMs: NaN, cpuMs: NaN, innerMs: NaN, aggMs: NaN, peakRss: NaN, rows: NaN, groups: NaN});
        }
      }
      const base = results[0];
      console.log(table(["DuckDB setting", "wall time, process", "ratio", "CPU time", "ratio", "rows/s (read to result)", "peak RSS", "ratio"], results.map((r) => [
        r.label, fmt.ms(r.wallMs), fmt.ratio(r.wallMs, base.wallMs), fmt.ms(r.cpuMs), fmt.ratio(r.cpuMs, base.cpuMs), fmt.rate(r.rows / (r.innerMs / 1000)), fmt.bytes(r.peakRss), fmt.ratio(r.peakRss, base.peakRss)])));
    }

    if (!skip.has("incremental")) {
      heading(`${label}: cost of adding one month (DuckDB, 2 threads, median of 3, fresh DuckDB instance each); ${await waitForQuiet()}`);
      const p = await measureProcess([...NODE_TS, join(ROOT, "bench", "pipeline", "incremental.ts"), "--scale", scale, "--held", "11,23,35", "--runs", "3"]);
      type T = {wall: number; cpu: number};
      const lines = p.stdout.trim().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as
        {held: number; rowsN: number; fullN: T; fullN1: T; newMonth: T; merge: T; groups: number; identical: boolean; sameOrder: boolean});
      const both = (t: T) => `${fmt.ms(t.wall)} (${fmt.ms(t.cpu)})`;
      console.log("wall time (CPU time, user + sys: less affected by other load on the machine)");
      console.log(table(["months held N → N+1", "rows (N)", "full rebuild N", "full rebuild N+1 (baseline)", "marginal (N+1 − N)", "full N+1 per month held", "incremental: new month", "+ merge N+1 partitions", "incremental total", "ratio incr ÷ full", "check"],
        lines.map((l) => [`${l.held} → ${l.held + 1}`, fmt.int(l.rowsN), both(l.fullN), both(l.fullN1),
          `${fmt.ms(l.fullN1.wall - l.fullN.wall)} (${fmt.ms(l.fullN1.cpu - l.fullN.cpu)})`, `${fmt.ms(l.fullN1.wall / (l.held + 1))} (${fmt.ms(l.fullN1.cpu / (l.held + 1))})`,
          both(l.newMonth), both(l.merge), `${fmt.ms(l.newMonth.wall + l.merge.wall)} (${fmt.ms(l.newMonth.cpu + l.merge.cpu)})`,
          fmt.ratio(l.newMonth.wall + l.merge.wall, l.fullN1.wall),
          l.identical && l.sameOrder ? `identical, same order (${fmt.int(l.groups)} groups)` : l.identical ? "same rows, DIFFERENT ORDER" : "DIFFERENT"])));
      console.log("full rebuild: aggregate all N+1 months of CSV again (today's design); incremental: aggregate only the new month's files into a per-month Parquet partition (sorted), then concatenate the partitions in month order into one extract (already sorted: month is the first sort key).");
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runPipelineBench(process.argv.slice(2));
}
