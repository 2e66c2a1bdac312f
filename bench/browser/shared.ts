// Browser side of bench/browser-data-path.ts: shared by every option's bundle (bundled by esbuild, run in Chromium).
// Each option page ends by calling done(): time since navigation start, and the query result's shape for the check.
import * as duckdb from "@duckdb/duckdb-wasm";

export const DATA = "/data/street-crime-monthly";
export const QUERY = `SELECT month, crime_type, sum("count")::INTEGER AS n FROM t GROUP BY month, crime_type ORDER BY month, crime_type`;

const marks: Record<string, number> = {};
export function mark(name: string): void {
  marks[name] = Math.round(performance.now());
}

/** DuckDB-WASM 1.29.0, eh bundle, from this server only (no extensions: nothing is fetched from elsewhere). */
export async function startDuckDB(): Promise<duckdb.AsyncDuckDBConnection> {
  const worker = new Worker(new URL("/duckdb/duckdb-browser-eh.worker.js", location.href));
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(new URL("/duckdb/duckdb-eh.wasm", location.href).href);
  await db.open({query: {castBigIntToDouble: true}});
  const conn = await db.connect();
  await conn.query("SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;").catch(() => {});
  (globalThis as {__db?: unknown}).__db = db;
  mark("duckdb ready");
  return conn;
}

export async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  mark("data fetched");
  return bytes;
}

export async function queryDuckDB(conn: duckdb.AsyncDuckDBConnection): Promise<void> {
  const result = await conn.query(QUERY);
  const rows = result.toArray().map((r) => r.toJSON() as {month: string; crime_type: string; n: number});
  done(rows);
}

export function done(rows: {month: string; crime_type: string; n: number}[]): void {
  const ms = performance.now();
  const total = rows.reduce((s, r) => s + Number(r.n), 0);
  const first = rows[0];
  (globalThis as {__bench?: unknown}).__bench = {ms, groups: rows.length, total, first: `${first?.month} ${first?.crime_type} ${first?.n}`, marks};
  document.body.append(`first result: ${rows.length} groups, ${total} records, in ${Math.round(ms)} ms`);
}

export function fail(error: unknown): void {
  (globalThis as {__bench?: unknown}).__bench = {error: String((error as Error)?.stack ?? error)};
}
