// Builds every extract from the snapshot as Parquet (zstd) and CSV, deterministically, into a cache
// directory keyed by the snapshot's checksums and the extract code: the first caller builds, later callers reuse.
import {existsSync, mkdirSync, renameSync, rmSync} from "node:fs";
import {join} from "node:path";
import {withDuckDB, lit} from "../lib/duckdb.ts";
import {readManifest, type Manifest} from "../lib/manifest.ts";
import {cacheKey} from "../lib/cache-key.ts";
import {EXTRACT_CACHE_DIR, SNAPSHOT_DIR} from "../lib/paths.ts";
import {EXTRACTS, extractByName} from "./definitions.ts";
import {stageSnapshot} from "./stage.ts";
import {requireCheckedSnapshot} from "../snapshot/gate.ts";

export type Format = "parquet" | "csv";

export interface BuildReport {
  dir: string;
  extracts: {name: string; rows: number | null}[];
}

/** Writes all extracts to `outDir` (created fresh). Extracts whose input is missing are skipped and listed with rows null. */
export async function buildExtracts(outDir: string, options: {manifest?: Manifest; snapshotDir?: string; threads?: number} = {}): Promise<BuildReport> {
  const snapshotDir = options.snapshotDir ?? SNAPSHOT_DIR;
  const manifest = options.manifest ?? readManifest(snapshotDir);
  mkdirSync(outDir, {recursive: true});
  const report: BuildReport = {dir: outDir, extracts: []};
  await withDuckDB(async (db) => {
    await stageSnapshot(db, manifest, snapshotDir);
    for (const extract of EXTRACTS) {
      const sql = await extract.sql(db);
      if (!sql) {
        report.extracts.push({name: extract.name, rows: null});
        continue;
      }
      await db.run(`CREATE OR REPLACE TEMP TABLE x AS ${sql}`);
      const names = (await db.all<{column_name: string}>(`SELECT column_name FROM (DESCRIBE x)`)).map((d) => d.column_name);
      const expected = extract.columns.map((c) => c.name);
      if (names.join() !== expected.join()) throw new Error(`extract ${extract.name}: columns ${names.join()} do not match its definition ${expected.join()}`);
      await db.run(`COPY x TO ${lit(join(outDir, `${extract.name}.parquet`))} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)`);
      await db.run(`COPY x TO ${lit(join(outDir, `${extract.name}.csv`))} (FORMAT csv, HEADER true)`);
      const [{n}] = await db.all<{n: number}>(`SELECT count(*) AS n FROM x`);
      report.extracts.push({name: extract.name, rows: n});
    }
  }, {threads: options.threads ?? 1}); // one thread: identical bytes on every build
  return report;
}

/** Path of a built extract for the current snapshot, building all extracts first if needed. */
export async function extractFile(name: string, format: Format = "parquet"): Promise<string> {
  if (!extractByName.has(name)) throw new Error(`unknown extract ${name}`);
  const dir = await ensureExtracts();
  const file = join(dir, `${name}.${format}`);
  if (!existsSync(file)) throw new Error(`extract ${name} is not available: the snapshot has no input for it`);
  return file;
}

let pending: Promise<string> | undefined;

/**
 * The cache directory for the current snapshot, built once (atomically: a half-built directory is never used).
 * Only a snapshot check-data passes is used, cached or not (loaders/snapshot/gate.ts).
 */
export function ensureExtracts(): Promise<string> {
  return (pending ??= (async () => {
    await requireCheckedSnapshot();
    const dir = join(EXTRACT_CACHE_DIR, cacheKey(["loaders/extracts"]));
    if (existsSync(dir)) return dir;
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, {recursive: true, force: true});
    await buildExtracts(tmp);
    try {
      renameSync(tmp, dir);
    } catch (error) {
      if (!existsSync(dir)) throw error; // another process finished first: use its copy
      rmSync(tmp, {recursive: true, force: true});
    }
    return dir;
  })());
}
