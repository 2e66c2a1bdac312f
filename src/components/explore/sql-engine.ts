// DuckDB-WASM for the SQL box: one build (the "eh" build: WebAssembly exceptions, every current browser), started
// only when a reader asks, with progress. Before the first query from the reader, the engine is locked: no
// external access (no files, no web addresses), no extension installing or loading, and the configuration
// locked so no statement can change that; the lock is read back and the engine refuses to serve if it did not
// hold. Queries run one at a time, through sql-guard.ts, with a row limit, a time limit and a cancel that
// ends the engine's worker if the engine does not stop by itself.
import type * as DuckDB from "@duckdb/duckdb-wasm";
import type {Catalogue} from "./catalogue.js";
import {guardSql} from "./sql-guard.js";
import {ROW_LIMIT, TIME_LIMIT_MS} from "./sql-limits.js";

export {ROW_LIMIT, TIME_LIMIT_MS};
/** How long a cancelled query may take to stop before its worker is ended. */
const STOP_GRACE_MS = 1_500;
/** How long the engine's download may go without a byte before the start is given up. */
const STALL_MS = 30_000;

/** Run, in this order, after the data is in and before any statement of the reader's. */
export const LOCK_STATEMENTS = [
  "SET autoinstall_known_extensions = false",
  "SET autoload_known_extensions = false",
  "SET enable_external_access = false",
  "SET lock_configuration = true"
];

export interface Progress {
  phase: "engine" | "data";
  loaded: number;
  total: number;
}

export interface SqlResult {
  columns: string[];
  rows: unknown[][];
  /** more rows than ROW_LIMIT: the rest were not fetched */
  truncated: boolean;
  ms: number;
}

/** A statement the guard refused: the engine never saw it. */
export class SqlRefused extends Error {}
/** A query stopped by the reader (Cancel) or by the time limit. */
export class SqlStopped extends Error {
  constructor(readonly why: "cancel" | "time") {
    super(why === "time" ? `stopped after ${TIME_LIMIT_MS / 1000} seconds` : "stopped");
  }
}

async function fetchBytes(url: string, onProgress: (loaded: number, total: number) => void): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`could not fetch the data (HTTP ${response.status})`);
  const total = Number(response.headers.get("content-length") ?? 0);
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    parts.push(value);
    loaded += value.byteLength;
    onProgress(loaded, Math.max(total, loaded));
  }
  const out = new Uint8Array(loaded);
  let offset = 0;
  for (const p of parts) { out.set(p, offset); offset += p.byteLength; }
  return out;
}

function sqlText(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** Plain values for display and CSV. */
function plain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v instanceof Uint8Array) return `(${v.byteLength} bytes)`;
  if (typeof v === "object") {
    try {
      return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? Number(x) : x));
    } catch {
      return String(v);
    }
  }
  return v;
}

export class SqlEngine {
  private running: {stop(error: SqlStopped): void; settled: Promise<unknown>} | null = null;
  /** settles once the engine is free again after a cancelled query (or its worker has been ended) */
  private previous: Promise<unknown> = Promise.resolve();
  private dead = false;

  private constructor(private readonly db: DuckDB.AsyncDuckDB, private readonly conn: DuckDB.AsyncDuckDBConnection, private readonly worker: Worker) {}

  /** false once the worker has been ended (a query that would not stop, or a crash): start a new engine. */
  get alive(): boolean {
    return !this.dead;
  }

  /** Waits until a cancelled query has stopped (or its worker was ended); true if the engine can still run queries. */
  async idle(): Promise<boolean> {
    await this.previous;
    return !this.dead;
  }

  static async start(options: {dataUrl: string; catalogue: Catalogue; engineBytes: number; onProgress(p: Progress): void}): Promise<SqlEngine> {
    const wasm = import.meta.resolve("npm:@duckdb/duckdb-wasm/dist/duckdb-eh.wasm");
    // DuckDB-WASM's worker never reports a download that fails (its start just waits): ask first, and give up
    // when the download stalls or the worker fails
    const head = await fetch(wasm, {method: "HEAD"}).catch(() => null);
    if (!head?.ok) throw new Error(`the engine's file could not be fetched (${head ? `HTTP ${head.status}` : "no connection"})`);
    const duckdb = await import("npm:@duckdb/duckdb-wasm");
    const worker = new Worker(import.meta.resolve("npm:@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"));
    let stall: ReturnType<typeof setTimeout> | undefined;
    try {
      const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
      let fail!: (error: Error) => void;
      const failed = new Promise<never>((_, reject) => { fail = reject; });
      const watch = () => {
        clearTimeout(stall);
        stall = setTimeout(() => fail(new Error(`the engine stopped loading (nothing arrived for ${STALL_MS / 1000} seconds)`)), STALL_MS);
      };
      worker.addEventListener("error", () => fail(new Error("the engine's worker could not start")));
      watch();
      await Promise.race([failed, db.instantiate(wasm, null, (p) => {
        watch();
        options.onProgress({phase: "engine", loaded: p.bytesLoaded, total: Math.max(options.engineBytes, p.bytesLoaded)});
      })]);
      clearTimeout(stall);
      await db.open({path: ":memory:", query: {castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true},
        filesystem: {allowFullHTTPReads: false, reliableHeadRequests: false}, allowUnsignedExtensions: false});
      const conn = await db.connect();
      const bytes = await fetchBytes(options.dataUrl, (loaded, total) => options.onProgress({phase: "data", loaded, total}));
      await conn.insertArrowFromIPCStream(bytes, {name: "crimes", schema: "main", create: true});
      const populations = Object.entries(options.catalogue.populations);
      const names = new Map(options.catalogue.areas.filter((a) => a.codes.length === 1).map((a) => [a.codes[0], a.label]));
      await conn.query(`CREATE TABLE areas AS SELECT * FROM (VALUES ${populations.map(([code, n]) => `(${sqlText(code)}, ${sqlText(names.get(code) ?? code)}, ${Math.round(n)})`).join(", ")}) AS t(area_code, area_name, population)`);
      for (const statement of LOCK_STATEMENTS) await conn.query(statement);
      const check = (await conn.query("SELECT current_setting('enable_external_access') AS external, current_setting('lock_configuration') AS locked, current_setting('autoload_known_extensions') AS autoload, current_setting('autoinstall_known_extensions') AS autoinstall")).toArray()[0].toJSON();
      if (check.external !== false || check.locked !== true || check.autoload !== false || check.autoinstall !== false) {
        throw new Error(`the engine's settings did not lock (${JSON.stringify(check)})`);
      }
      return new SqlEngine(db, conn, worker);
    } catch (error) {
      clearTimeout(stall);
      worker.terminate();
      throw error;
    }
  }

  /** Runs one statement the guard accepts. Throws SqlRefused, SqlStopped or the engine's error. */
  async run(sql: string): Promise<SqlResult> {
    const guarded = guardSql(sql, ROW_LIMIT);
    if (!guarded.ok) throw new SqlRefused(guarded.reason);
    await this.previous;
    if (this.dead) throw new Error("the engine was stopped: start it again");
    if (this.running) throw new Error("a query is already running");
    const t0 = performance.now();
    let stop!: (error: SqlStopped) => void;
    const stopped = new Promise<never>((_, reject) => { stop = reject; });
    const work = (async () => {
      const reader = await this.conn.send(guarded.query);
      let columns: string[] = [];
      const rows: unknown[][] = [];
      for await (const batch of reader) {
        columns = batch.schema.fields.map((f) => f.name);
        const vectors = columns.map((_, i) => batch.getChildAt(i)!);
        for (let r = 0; r < batch.numRows && rows.length <= ROW_LIMIT; r++) rows.push(vectors.map((v) => plain(v.get(r))));
        if (rows.length > ROW_LIMIT) break;
      }
      return {columns, rows: rows.slice(0, ROW_LIMIT), truncated: rows.length > ROW_LIMIT, ms: performance.now() - t0};
    })();
    const settled = work.catch(() => undefined);
    this.running = {stop, settled};
    const timer = setTimeout(() => this.cancel("time"), TIME_LIMIT_MS);
    try {
      return await Promise.race([work, stopped]);
    } catch (error) {
      // a crashed engine (out of memory, a trap) cannot be trusted with the next query: end it, to be started afresh
      if (/RuntimeError|unreachable|memory access out of bounds|Aborted/i.test(String((error as Error)?.message ?? error))) this.close();
      throw error;
    } finally {
      clearTimeout(timer);
      this.running = null;
    }
  }

  /** Stops the running query; if the engine does not stop within a moment, its worker is ended. */
  cancel(why: "cancel" | "time" = "cancel"): void {
    const running = this.running;
    if (!running) return;
    running.stop(new SqlStopped(why));
    this.conn.cancelSent().catch(() => undefined);
    let grace: ReturnType<typeof setTimeout> | undefined;
    const ended = new Promise((resolve) => { grace = setTimeout(() => resolve(this.close()), STOP_GRACE_MS); });
    this.previous = Promise.race([running.settled, ended]).then(() => clearTimeout(grace));
  }

  close(): void {
    if (this.dead) return;
    this.dead = true;
    this.worker.terminate();
  }
}
