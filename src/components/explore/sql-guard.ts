// The SQL box's first line of defence, before any engine: one SELECT (or WITH … SELECT) statement, nothing that
// writes, changes settings, loads extensions or reads files, with a reason in plain words for anything refused.
// The engine is locked as well (sql-engine.ts: no external access, no extension loading, configuration locked),
// and every statement runs inside `SELECT * FROM (…) LIMIT n`, which cannot hold anything but a query.

export const MAX_SQL_LENGTH = 20_000;

/** Words that only begin statements that are not queries, or clauses of them. */
const NOT_QUERIES = new Set(["insert", "update", "delete", "merge", "upsert", "create", "drop", "alter", "truncate", "copy",
  "export", "import", "attach", "detach", "install", "load", "force", "set", "reset", "pragma", "call", "checkpoint",
  "vacuum", "analyze", "begin", "commit", "rollback", "abort", "start", "transaction", "use", "grant", "revoke",
  "prepare", "execute", "deallocate", "explain", "describe", "show", "summarize", "returning"]);

/** Table functions and functions that read files, web addresses or other databases, or run SQL from a string. */
const OUTSIDE_FUNCTIONS = new Set(["read_csv", "read_csv_auto", "read_parquet", "parquet_scan", "read_json", "read_json_auto",
  "read_json_objects", "read_json_objects_auto", "read_ndjson", "read_ndjson_auto", "read_ndjson_objects", "read_text",
  "read_blob", "glob", "sniff_csv", "parquet_metadata", "parquet_schema", "parquet_file_metadata", "parquet_kv_metadata",
  "parquet_bloom_probe", "iceberg_scan", "iceberg_metadata", "iceberg_snapshots", "delta_scan", "sqlite_scan", "sqlite_attach",
  "postgres_scan", "postgres_attach", "postgres_query", "mysql_scan", "mysql_query", "query", "query_table", "getenv",
  "st_read", "read_xlsx", "load_aws_credentials", "arrow_scan", "arrow_scan_dumb", "pandas_scan", "checkpoint", "force_checkpoint"]);

export type GuardResult = {ok: true; query: string} | {ok: false; reason: string};

interface Token {
  kind: "word" | "string" | "quoted" | "number" | "punct";
  text: string;
  start: number;
  end: number;
}

class Unclosed extends Error {}

function tokenise(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === "-" && sql[i + 1] === "-") { // line comment
      while (i < n && sql[i] !== "\n") i++;
      continue;
    }
    if (c === "/" && sql[i + 1] === "*") { // block comment; nests, as in DuckDB's parser
      let depth = 0;
      do {
        if (sql[i] === "/" && sql[i + 1] === "*") { depth++; i += 2; }
        else if (sql[i] === "*" && sql[i + 1] === "/") { depth--; i += 2; }
        else i++;
      } while (depth > 0 && i < n);
      if (depth > 0) throw new Unclosed("a comment (/* … */) is not closed");
      continue;
    }
    const start = i;
    if (c === "'" || ((c === "e" || c === "E") && sql[i + 1] === "'")) { // string; E'…' strings escape with backslashes
      const escapes = c !== "'";
      i += escapes ? 2 : 1;
      for (;;) {
        if (i >= n) throw new Unclosed("a quoted text (' … ') is not closed");
        if (escapes && sql[i] === "\\") { i += 2; continue; }
        if (sql[i] === "'") {
          if (sql[i + 1] === "'") { i += 2; continue; }
          i++;
          break;
        }
        i++;
      }
      tokens.push({kind: "string", text: sql.slice(start, i), start, end: i});
      continue;
    }
    if (c === '"') { // quoted identifier
      i++;
      for (;;) {
        if (i >= n) throw new Unclosed('a quoted name (" … ") is not closed');
        if (sql[i] === '"') {
          if (sql[i + 1] === '"') { i += 2; continue; }
          i++;
          break;
        }
        i++;
      }
      tokens.push({kind: "quoted", text: sql.slice(start, i), start, end: i});
      continue;
    }
    if (c === "$") { // dollar-quoted string: $tag$ … $tag$
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0];
      if (tag) {
        const close = sql.indexOf(tag, i + tag.length);
        if (close < 0) throw new Unclosed(`a quoted text (${tag} … ${tag}) is not closed`);
        i = close + tag.length;
        tokens.push({kind: "string", text: sql.slice(start, i), start, end: i});
        continue;
      }
    }
    if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      while (i < n && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[i])) i++;
      tokens.push({kind: "word", text: sql.slice(start, i), start, end: i});
      continue;
    }
    if (/[0-9.]/.test(c)) {
      while (i < n && /[0-9.eE_xXa-fA-F]/.test(sql[i])) i++;
      tokens.push({kind: "number", text: sql.slice(start, i), start, end: i});
      continue;
    }
    tokens.push({kind: "punct", text: c, start, end: i + 1});
    i++;
  }
  return tokens;
}

/** Checks a statement and returns the query to run: the statement wrapped so it can only be read, and limited. */
export function guardSql(sql: string, rowLimit: number): GuardResult {
  if (typeof sql !== "string" || !sql.trim()) return {ok: false, reason: "Write a query first: it starts with SELECT."};
  if (sql.length > MAX_SQL_LENGTH) return {ok: false, reason: `The query is longer than ${MAX_SQL_LENGTH.toLocaleString("en-GB")} characters.`};
  if (sql.includes("\u0000")) return {ok: false, reason: "The query contains a null character."};
  let tokens: Token[];
  try {
    tokens = tokenise(sql);
  } catch (error) {
    if (error instanceof Unclosed) return {ok: false, reason: `The query cannot be read: ${error.message}.`};
    throw error;
  }
  // one statement: a semicolon may only end it
  const semis = tokens.filter((t) => t.text === ";");
  if (semis.length > 1 || (semis.length === 1 && tokens.at(-1) !== semis[0])) {
    return {ok: false, reason: "Only one statement can run at a time: remove everything after the first semicolon (;)."};
  }
  const body = semis.length ? tokens.slice(0, -1) : tokens;
  if (!body.length) return {ok: false, reason: "Write a query first: it starts with SELECT."};
  const first = body.find((t) => t.text !== "(");
  const firstWord = first?.kind === "word" ? first.text.toLowerCase() : "";
  if (firstWord !== "select" && firstWord !== "with") {
    return {ok: false, reason: `Only queries can run here: start with SELECT (or WITH … SELECT)${first ? `, not ${first.text.slice(0, 20)}` : ""}. This box cannot change the data or the engine's settings.`};
  }
  let depth = 0;
  for (const [i, t] of body.entries()) {
    if (t.text === "(") depth++;
    if (t.text === ")" && --depth < 0) return {ok: false, reason: "A closing bracket ) has no opening bracket before it."};
    if (t.kind !== "word") continue;
    const word = t.text.toLowerCase();
    if (NOT_QUERIES.has(word)) return {ok: false, reason: `${t.text.toUpperCase()} is not allowed here: only queries that read the tables can run, nothing that changes data, settings or extensions. (To use ${t.text} as a column name, put it in double quotes.)`};
    if (OUTSIDE_FUNCTIONS.has(word) && body[i + 1]?.text === "(") return {ok: false, reason: `${t.text}() is not allowed here: this box reads only its own tables, never files, web addresses or other databases.`};
  }
  if (depth !== 0) return {ok: false, reason: "An opening bracket ( is not closed."};
  const end = semis.length ? semis[0].start : sql.length;
  return {ok: true, query: `SELECT * FROM (\n${sql.slice(0, end)}\n) AS result LIMIT ${rowLimit + 1}`};
}
