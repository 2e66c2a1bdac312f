// The SQL box's guard: the corpus of statements that must be refused before any engine sees them, and the
// wrapping that lets through only one read-only query with a row limit. (The engine's own lock is checked in
// Chromium by tests/e2e/explore.test.ts with the same corpus.)
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {guardSql, MAX_SQL_LENGTH} from "../../src/components/explore/sql-guard.ts";
import {plainError} from "../../src/components/explore/sql-words.ts";

interface Statement {
  sql: string;
  expect: "refused" | "error" | "done" | "timeout" | "cancelled";
  why: string;
}
const corpus: Statement[] = JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/explore/sql-statements.json"), "utf8")).statements;

describe("the SQL guard", () => {
  test("the corpus has at least 40 statements to refuse or contain", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(corpus.filter((s) => s.expect !== "done").length).toBeGreaterThanOrEqual(40);
  });

  test.each(corpus.filter((s) => s.expect === "refused").map((s) => [s.why, s.sql]))("refuses %s: %s", (_why, sql) => {
    const r = guardSql(sql.replaceAll("CANARY", "http://127.0.0.1:9"), 100);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(10);
  });

  test.each(corpus.filter((s) => s.expect !== "refused").map((s) => [s.why, s.sql]))("lets the engine see %s: %s", (_why, sql) => {
    expect(guardSql(sql.replaceAll("CANARY", "http://127.0.0.1:9"), 100).ok).toBe(true);
  });

  test("wraps an accepted statement so that only a query fits, with the row limit", () => {
    expect(guardSql("select 1 -- a trailing comment\n;  -- and another", 5)).toEqual({ok: true, query: "SELECT * FROM (\nselect 1 -- a trailing comment\n\n) AS result LIMIT 6"});
    expect(guardSql("WITH t AS (SELECT ';' AS s) SELECT * FROM t", 10)).toEqual({ok: true, query: "SELECT * FROM (\nWITH t AS (SELECT ';' AS s) SELECT * FROM t\n) AS result LIMIT 11"});
  });

  test("reads strings, quoted names, comments and dollar quotes as the engine does", () => {
    expect(guardSql(`SELECT 'it''s; DROP' AS "a ""b""; c", $x$ ; DELETE $x$ AS d /* ; drop /* nested */ ; */`, 1).ok).toBe(true);
    expect(guardSql(`SELECT E'\\'; DROP TABLE crimes; --'`, 1).ok).toBe(true);
    expect(guardSql(`SELECT "update" FROM crimes`, 1).ok).toBe(true);
    expect(guardSql(`SELECT update FROM crimes`, 1).ok).toBe(false);
    expect(guardSql(`SELECT 1 /* a /* nested */ comment not closed`, 1).ok).toBe(false);
    expect(guardSql("x".repeat(MAX_SQL_LENGTH + 1), 1).ok).toBe(false);
  });

  test("engine errors come back in plain words", () => {
    expect(plainError("Permission Error: Scanning read_csv_auto files is disabled through configuration")).toMatch(/cannot read files, web addresses/);
    expect(plainError("Catalog Error: Table with name nope does not exist!")).toBe("There is no table called nope here. The tables are crimes and areas.");
    expect(plainError('Binder Error: Referenced column "nope" not found in FROM clause!')).toMatch(/no column called nope/);
    expect(plainError("RuntimeError: memory access out of bounds")).toMatch(/more memory than the browser allows/);
    expect(plainError("something new")).toBe("The engine could not run the query.");
  });
});
