// Contender: the real pipeline, snapshot → every extract (Parquet + CSV) with buildExtracts, in its own process
// so its peak memory can be measured. Usage: node --import tsx bench/pipeline/run_extracts.ts OUT_DIR [THREADS]
// Prints one JSON line: seconds, extracts, rows, bytes written, maxrss_bytes.
import {readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {buildExtracts} from "../../loaders/extracts/build.ts";

const [outDir, threads] = process.argv.slice(2);
if (!outDir) throw new Error("usage: run_extracts.ts OUT_DIR [THREADS]");
const start = performance.now();
const report = await buildExtracts(outDir, threads ? {threads: Number(threads)} : {});
const seconds = (performance.now() - start) / 1000;
const bytes = readdirSync(outDir).reduce((s, f) => s + statSync(join(outDir, f)).size, 0);
console.log(JSON.stringify({seconds, extracts: report.extracts.filter((e) => e.rows !== null).length,
  rows: report.extracts.reduce((s, e) => s + (e.rows ?? 0), 0), bytes, maxrss_bytes: process.resourceUsage().maxRSS * 1024}));
