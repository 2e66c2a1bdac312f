// SYNTHETIC police.uk street files for the scale run: the real Staffordshire street rows, replicated across
// `forces` × `months` gzip CSV files in police.uk's own format and naming (YYYY-MM-<force>-street.csv.gz).
// Each file takes the next `rowsPerFile` rows of the real rows read as one endless loop, with Month set to the
// file's month and "Reported by"/"Falls within" set to the synthetic force, so months and forces differ.
// Generated once into .cache/bench/synthetic/<scale>/ and reused (a marker file records what is there).
// Generation streams: one file's rows (a few MB) per job in flight, never the whole data set.
import {existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {promisify} from "node:util";
import {gunzipSync, gzip} from "node:zlib";
import {BENCH_CACHE, ensureDir} from "../lib/common.ts";

const gzipAsync = promisify(gzip);

export type Scale = "small" | "full";

export interface SyntheticSpec {
  scale: Scale;
  forces: number;
  months: number;
  rowsPerFile: number;
}

export const SPECS: Record<Scale, SyntheticSpec> = {
  // 43 forces (England and Wales) × 36 months × 11,628 rows = 18,000,144 rows
  full: {scale: "full", forces: 43, months: 36, rowsPerFile: 11_628},
  // 6 forces × 36 months × 9,259 rows = 1,999,944 rows (about one real force-month per file)
  small: {scale: "small", forces: 6, months: 36, rowsPerFile: 9_259}
};

export interface SyntheticSet {
  spec: SyntheticSpec;
  dir: string;
  rows: number;
  bytes: number;
  /** files in month order, each with its month (YYYY-MM) and force slug */
  files: {path: string; month: string; force: string}[];
}

const VERSION = 1;
const HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";
const FIRST_MONTH = {year: 2023, month: 1};

export function monthLabel(i: number): string {
  const m = FIRST_MONTH.month - 1 + i;
  return `${FIRST_MONTH.year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
}

export const forceSlug = (f: number) => `synthetic-force-${String(f + 1).padStart(2, "0")}`;
export const forceName = (f: number) => `Synthetic Force ${String(f + 1).padStart(2, "0")}`;

function list(dir: string, spec: SyntheticSpec): SyntheticSet["files"] {
  const files: SyntheticSet["files"] = [];
  for (let m = 0; m < spec.months; m++) for (let f = 0; f < spec.forces; f++) {
    const month = monthLabel(m), force = forceSlug(f);
    files.push({path: join(dir, `${month}-${force}-street.csv.gz`), month, force});
  }
  return files;
}

/** The real street rows as lines without "Crime ID,Month,Reported by,Falls within," prefix fields split off. */
function realRows(snapshotDir: string): {id: string; rest: string}[] {
  const dir = join(snapshotDir, "police-uk");
  const rows: {id: string; rest: string}[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith("-street.csv.gz")).sort()) {
    const lines = gunzipSync(readFileSync(join(dir, name))).toString("utf8").split(/\r?\n/);
    if (lines[0] !== HEADER) throw new Error(`${name}: unexpected header ${lines[0]}`);
    for (const line of lines.slice(1)) {
      if (!line) continue;
      // Crime ID (hex or empty), Month, Reported by and Falls within never contain commas or quotes.
      let at = -1;
      for (let k = 0; k < 4; k++) at = line.indexOf(",", at + 1);
      const id = line.slice(0, line.indexOf(","));
      rows.push({id, rest: line.slice(at + 1)});
    }
  }
  return rows;
}

export async function ensureSynthetic(scale: Scale, snapshotDir: string, log: (s: string) => void = console.log): Promise<SyntheticSet> {
  const spec = SPECS[scale];
  const dir = join(BENCH_CACHE, "synthetic", scale);
  const marker = join(dir, "complete.json");
  if (existsSync(marker)) {
    const facts = JSON.parse(readFileSync(marker, "utf8"));
    if (facts.version === VERSION && facts.rowsPerFile === spec.rowsPerFile && facts.forces === spec.forces && facts.months === spec.months) {
      return {spec, dir, rows: facts.rows, bytes: facts.bytes, files: list(dir, spec)};
    }
  }
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, {recursive: true, force: true});
  ensureDir(tmp);
  const start = performance.now();
  const source = realRows(snapshotDir);
  const jobs = list(tmp, spec).map((f, k) => ({...f, k}));
  log(`generating SYNTHETIC ${scale} data: ${spec.forces} forces × ${spec.months} months × ${spec.rowsPerFile.toLocaleString("en-GB")} rows from ${source.length.toLocaleString("en-GB")} real rows → ${dir}`);
  let rows = 0, bytes = 0, next = 0, done = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const f = Number(job.force.slice(-2)) - 1;
      const name = forceName(f);
      const parts: string[] = [HEADER];
      let at = (job.k * spec.rowsPerFile) % source.length;
      for (let i = 0; i < spec.rowsPerFile; i++) {
        const r = source[at];
        parts.push(`${r.id},${job.month},${name},${name},${r.rest}`);
        if (++at === source.length) at = 0;
      }
      const gz = await gzipAsync(Buffer.from(parts.join("\n") + "\n"), {level: 6}); // zlib runs on the thread pool
      writeFileSync(job.path, gz);
      rows += spec.rowsPerFile;
      bytes += gz.length;
      if (++done % 200 === 0) log(`  ${done}/${jobs.length} files`);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  const facts = {version: VERSION, ...spec, rows, bytes, files: jobs.length, seconds: (performance.now() - start) / 1000};
  writeFileSync(join(tmp, "complete.json"), JSON.stringify(facts, null, 2));
  rmSync(dir, {recursive: true, force: true});
  renameSync(tmp, dir);
  log(`  done: ${rows.toLocaleString("en-GB")} rows, ${(bytes / 1e6).toFixed(0)} MB gzip in ${facts.seconds.toFixed(1)} s`);
  return {spec, dir, rows, bytes, files: list(dir, spec)};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const {SNAPSHOT_DIR} = await import("../../loaders/lib/paths.ts");
  for (const s of (process.argv.slice(2).length ? process.argv.slice(2) : ["small"]) as Scale[]) await ensureSynthetic(s, SNAPSHOT_DIR);
}
