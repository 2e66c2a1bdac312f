// A small wrapper over @duckdb/node-api: one in-memory database per job, plain JS rows out.
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";

export interface Db {
  run(sql: string): Promise<void>;
  all<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  connection: DuckDBConnection;
}

export async function withDuckDB<T>(fn: (db: Db) => Promise<T>, options: {threads?: number; memoryLimit?: string} = {}): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:", {
    ...(options.threads ? {threads: String(options.threads)} : {}),
    ...(options.memoryLimit ? {memory_limit: options.memoryLimit} : {})
  });
  const connection = await instance.connect();
  const db: Db = {
    connection,
    async run(sql) {
      await connection.run(sql);
    },
    async all<R>(sql: string) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map(toPlain) as R[];
    }
  };
  try {
    return await fn(db);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** BIGINT comes back as bigint; pages and JSON want numbers (all our counts are far below 2^53). */
function toPlain(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === "bigint" ? Number(v) : v;
  return out;
}

/** SQL string literal. */
export function lit(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** SQL list of string literals, e.g. for read_csv([...]). */
export function litList(values: string[]): string {
  return `[${values.map(lit).join(", ")}]`;
}

/** SQL list of string literals for IN, e.g. month IN ('2025-01', '2025-02'). */
export function sqlList(values: string[]): string {
  return `(${values.map(lit).join(", ")})`;
}

export type ColumnType = "VARCHAR" | "INTEGER" | "DOUBLE" | "BOOLEAN";

/** Creates a table and fills it with rows computed in TypeScript (through DuckDB's appender, in the given order). */
export async function createTableFrom(db: Db, name: string, columns: [string, ColumnType][], rows: Iterable<(string | number | boolean | null)[]>): Promise<void> {
  await db.run(`CREATE TABLE ${name} (${columns.map(([c, t]) => `${c} ${t}`).join(", ")})`);
  const appender = await db.connection.createAppender(name);
  for (const row of rows) {
    row.forEach((v, i) => {
      if (v === null) appender.appendNull();
      else if (columns[i][1] === "VARCHAR") appender.appendVarchar(String(v));
      else if (columns[i][1] === "INTEGER") appender.appendInteger(v as number);
      else if (columns[i][1] === "DOUBLE") appender.appendDouble(v as number);
      else appender.appendBoolean(v as boolean);
    });
    appender.endRow();
  }
  appender.closeSync();
}
