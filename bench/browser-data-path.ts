// How a Parquet extract reaches DuckDB-WASM in the browser when the parquet extension is off limits (DuckDB-WASM
// would download it from extensions.duckdb.org). A standalone bench site under .cache/bench/browser/site, served
// gzip from 127.0.0.1, one page per option; every option runs the same GROUP BY month, crime_type on the real
// street-crime-monthly extract. Each run is a fresh browser context (cold HTTP cache).
//   npx tsx bench/browser-data-path.ts [--runs 5]
import {copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import type {ServerResponse} from "node:http";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {gzipSync} from "node:zlib";
import {build} from "esbuild";
import {DataType, Dictionary, Int32, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray, type Vector} from "apache-arrow";
import type {Browser} from "playwright-core";
import {extractFile} from "../loaders/extracts/build.ts";
import {serveDist} from "../scripts/static-server.ts";
import {launchChromium} from "./lib/browser.ts";
import {argValue, BENCH_CACHE, fmt, heading, machine, median, ROOT, table, waitForQuiet} from "./lib/common.ts";

const require = createRequire(import.meta.url);
const SITE = join(BENCH_CACHE, "browser", "site");

interface Option {id: string; label: string; entry: string; data: "arrow" | "parquet"}
const OPTIONS: Option[] = [
  {id: "arrow-ipc", label: "(a) Arrow IPC (built in Node) → insertArrowFromIPCStream", entry: "arrow-ipc.ts", data: "arrow"},
  {id: "arrow-ipc-dict", label: "(a′) Arrow IPC, dictionary strings → insertArrowFromIPCStream", entry: "arrow-ipc-dict.ts", data: "arrow"},
  {id: "hyparquet-duckdb", label: "(b) hyparquet → Arrow table → insertArrowTable", entry: "hyparquet-duckdb.ts", data: "parquet"},
  {id: "hyparquet-json", label: "(b′) hyparquet → JSON → insertJSONFromPath", entry: "hyparquet-json.ts", data: "parquet"},
  {id: "parquet-wasm", label: "(c) parquet-wasm → Arrow IPC → insertArrowFromIPCStream", entry: "parquet-wasm.ts", data: "parquet"},
  {id: "hyparquet-js", label: "(d) hyparquet → plain JS GROUP BY (no DuckDB)", entry: "hyparquet-js.ts", data: "parquet"}
];

/** Writes file and, when gzip saves anything, file.gz next to it (what scripts/static-server.ts serves to a client accepting gzip). */
function put(path: string, bytes: Buffer | Uint8Array): void {
  mkdirSync(dirname(path), {recursive: true});
  writeFileSync(path, bytes);
  const gz = gzipSync(bytes, {level: 9});
  if (gz.length < bytes.length * 0.95) writeFileSync(`${path}.gz`, gz);
  else rmSync(`${path}.gz`, {force: true});
}

async function parquetToArrowIpc(parquet: Uint8Array): Promise<Uint8Array> {
  const pw = await import("parquet-wasm/node");
  return pw.readParquet(parquet).intoIPCStream();
}

/** The same table with every string column dictionary-encoded (apache-arrow in Node). */
function dictionaryEncode(ipc: Uint8Array): Uint8Array {
  const t = tableFromIPC(ipc);
  const columns: Record<string, Vector> = {};
  for (const f of t.schema.fields) {
    const v = t.getChild(f.name)!;
    columns[f.name] = DataType.isUtf8(f.type) ? vectorFromArray([...v] as (string | null)[], new Dictionary(new Utf8(), new Int32())) : v;
  }
  return tableToIPC(new Table(columns), "stream");
}

export async function buildBenchSite(): Promise<{parquet: number; arrow: number; dict: number}> {
  rmSync(SITE, {recursive: true, force: true});
  mkdirSync(SITE, {recursive: true});
  const parquet = readFileSync(await extractFile("street-crime-monthly", "parquet"));
  const arrow = await parquetToArrowIpc(parquet);
  put(join(SITE, "data", "street-crime-monthly.parquet"), parquet);
  put(join(SITE, "data", "street-crime-monthly.arrow"), arrow);
  const dict = dictionaryEncode(arrow);
  put(join(SITE, "data", "street-crime-monthly.dict.arrow"), dict);
  const duckdbDist = dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
  for (const f of ["duckdb-eh.wasm", "duckdb-browser-eh.worker.js"]) put(join(SITE, "duckdb", f), readFileSync(join(duckdbDist, f)));
  put(join(SITE, "parquet-wasm", "parquet_wasm_bg.wasm"), readFileSync(require.resolve("parquet-wasm/esm/parquet_wasm_bg.wasm")));
  const arrow17 = join(duckdbDist, "..", "node_modules", "apache-arrow");
  for (const o of OPTIONS) {
    const result = await build({
      entryPoints: [join(ROOT, "bench", "browser", o.entry)], bundle: true, format: "esm", platform: "browser", target: "es2022",
      minify: true, write: false, logLevel: "error",
      // One apache-arrow: the copy DuckDB-WASM bundles (its insertArrowTable serialises with it).
      alias: {"apache-arrow": arrow17}
    });
    put(join(SITE, `${o.id}.js`), Buffer.from(result.outputFiles[0].contents));
    put(join(SITE, `${o.id}.html`), Buffer.from(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${o.id}</title>
<link rel="icon" href="data:,"><script type="module" src="/${o.id}.js"></script></head><body><p>${o.label}</p></body></html>\n`));
  }
  put(join(SITE, "index.html"), Buffer.from(`<!doctype html><title>browser data path bench</title>${OPTIONS.map((o) => `<a href="/${o.id}.html">${o.id}</a>`).join(" ")}\n`));
  return {parquet: parquet.length, arrow: arrow.length, dict: dict.length};
}

interface Served {path: string; raw: number; sent: number}
interface Run {ms: number; groups: number; total: number; first: string; marks: Record<string, number>; served: Served[]; outside: string[]}

async function runOnce(browser: Browser, url: string, option: Option, log: Served[]): Promise<Run> {
  const context = await browser.newContext();
  const outside: string[] = [];
  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith("data:") || u.startsWith("blob:") || new URL(u).hostname === "127.0.0.1") return route.continue();
    outside.push(u);
    return route.abort();
  });
  context.on("requestfailed", (r) => { if (!r.url().startsWith("http://127.0.0.1")) outside.push(r.url()); });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  log.length = 0;
  await page.goto(`${url}/${option.id}.html`);
  const handle = await page.waitForFunction(() => (globalThis as {__bench?: unknown}).__bench, null, {timeout: 120_000});
  const r = await handle.jsonValue() as Run & {error?: string};
  await context.close();
  if (r.error) throw new Error(`${option.id}: ${r.error}`);
  if (errors.length) throw new Error(`${option.id}: ${errors.join("; ")}`);
  return {...r, served: [...log], outside};
}

export async function runBrowserDataPathBench(argv: string[]): Promise<void> {
  const runs = Number(argValue(argv, "runs") ?? 5);
  console.log(`browser data-path bench; ${machine()}`);
  const sizes = await buildBenchSite();
  const server = await serveDist({dir: SITE});
  // Count the body bytes the server actually sends (gzip where the .gz exists and the browser accepts it).
  const log: Served[] = [];
  server.server.prependListener("request", (req, res: ServerResponse) => {
    let sent = 0;
    const write = res.write.bind(res), end = res.end.bind(res);
    const count = (chunk: unknown) => { if (chunk && typeof chunk !== "function") sent += Buffer.byteLength(chunk as Buffer); };
    res.write = ((chunk: unknown, ...rest: unknown[]) => { count(chunk); return (write as (...a: unknown[]) => boolean)(chunk, ...rest); }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => { count(chunk); return (end as (...a: unknown[]) => ServerResponse)(chunk, ...rest); }) as typeof res.end;
    res.on("finish", () => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      let raw = 0;
      try { raw = statSync(join(SITE, path)).size; } catch { /* 404 */ }
      log.push({path, raw, sent});
    });
  });
  const quiet = await waitForQuiet();
  const browser = await launchChromium();
  const results = new Map<string, Run[]>(OPTIONS.map((o) => [o.id, []]));
  try {
    for (const o of OPTIONS) await runOnce(browser, server.url, o, log); // warm-up (OS file cache, V8 code cache off: fresh contexts)
    for (let i = 0; i < runs; i++) for (const o of OPTIONS) results.get(o.id)!.push(await runOnce(browser, server.url, o, log));
  } finally {
    await browser.close();
    await server.close();
  }

  heading(`street-crime-monthly: Parquet (zstd) ${fmt.bytes(sizes.parquet)}, Arrow IPC ${fmt.bytes(sizes.arrow)} (gzip ${fmt.bytes(gzipSync(readFileSync(join(SITE, "data", "street-crime-monthly.arrow")), {level: 9}).length)}), dictionary Arrow IPC ${fmt.bytes(sizes.dict)} (gzip ${fmt.bytes(gzipSync(readFileSync(join(SITE, "data", "street-crime-monthly.dict.arrow")), {level: 9}).length)}); query: GROUP BY month, crime_type; median of ${runs} fresh contexts; ${quiet}`);
  const rows = OPTIONS.map((o) => {
    const rs = results.get(o.id)!;
    const served = rs[0].served;
    const kind = (re: RegExp, key: "raw" | "sent") => served.filter((s) => re.test(s.path)).reduce((sum, s) => sum + s[key], 0);
    return {o, ms: median(rs.map((r) => r.ms)), min: Math.min(...rs.map((r) => r.ms)), max: Math.max(...rs.map((r) => r.ms)),
      sent: median(rs.map((r) => r.served.reduce((s, x) => s + x.sent, 0))), raw: median(rs.map((r) => r.served.reduce((s, x) => s + x.raw, 0))),
      codeRaw: kind(/\.(js|wasm)$/, "raw"), codeSent: kind(/\.(js|wasm)$/, "sent"), wasmRaw: kind(/\.wasm$/, "raw"), dataSent: kind(/^\/data\//, "sent"),
      requests: served.length, outside: rs.flatMap((r) => r.outside), check: `${rs[0].groups} groups, ${rs[0].total} records`};
  });
  const fastest = rows.reduce((a, b) => (b.ms < a.ms ? b : a));
  const fastestDuck = rows.filter((r) => r.o.id !== "hyparquet-js").reduce((a, b) => (b.ms < a.ms ? b : a));
  console.log(table(["option", "first result (median)", "min–max", "ratio to fastest", "ratio to fastest DuckDB path", "bytes sent (gzip)", "bytes raw", "JS+wasm raw", "JS+wasm sent", "of which wasm raw", "data sent", "requests"],
    rows.map((r) => [r.o.label, fmt.ms(r.ms), `${fmt.ms(r.min)}–${fmt.ms(r.max)}`, fmt.ratio(r.ms, fastest.ms), fmt.ratio(r.ms, fastestDuck.ms),
      fmt.bytes(r.sent), fmt.bytes(r.raw), fmt.bytes(r.codeRaw), fmt.bytes(r.codeSent), fmt.bytes(r.wasmRaw), fmt.bytes(r.dataSent), String(r.requests)])));
  console.log("\nwhere the time goes: medians over runs, ms since navigation start; 'after DuckDB ready' = insert + query (+ any decoding still running), the part that depends on the data path");
  const med = (o: Option, f: (r: Run) => number | undefined) => median(results.get(o.id)!.map((r) => f(r) ?? NaN));
  const insert = (r: Run) => r.marks["inserted"] === undefined ? undefined
    : r.marks["inserted"] - Math.max(r.marks["duckdb ready"], r.marks["decoded"] ?? 0, r.marks["data fetched"]);
  console.log(table(["option", "data fetched", "decoded", "DuckDB ready", "after DuckDB ready", "insert", "query", "first result"], OPTIONS.map((o) => [o.id,
    fmt.ms(med(o, (r) => r.marks["data fetched"])), fmt.ms(med(o, (r) => r.marks["decoded"])), fmt.ms(med(o, (r) => r.marks["duckdb ready"])),
    fmt.ms(med(o, (r) => r.marks["duckdb ready"] === undefined ? undefined : r.ms - r.marks["duckdb ready"])),
    fmt.ms(med(o, insert)), fmt.ms(med(o, (r) => r.marks["inserted"] === undefined ? undefined : r.ms - r.marks["inserted"])), fmt.ms(med(o, (r) => r.ms))])));
  const checks = new Set(rows.map((r) => r.check));
  console.log(checks.size === 1 ? `CHECK OK: every option gives the same result (${rows[0].check})` : `CHECK FAILED: ${rows.map((r) => `${r.o.id}: ${r.check}`).join("; ")}`);
  const outside = rows.flatMap((r) => r.outside);
  console.log(outside.length ? `OUTSIDE REQUESTS (blocked): ${[...new Set(outside)].join(", ")}` : "no request left 127.0.0.1");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runBrowserDataPathBench(process.argv.slice(2));
}
