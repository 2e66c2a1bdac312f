// The bad-input corpus (tests/fixtures/bad): each input gets a clear error naming file, line and field where
// those apply (or a documented, counted skip), and none changes the snapshot (hashed before and after).
// File-level inputs are checked in a snapshot with check-data; network-level ones go through `runPull` against
// a real HTTP server on 127.0.0.1.
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {checkSnapshot} from "../../loaders/snapshot/check.ts";
import {DataError, FetchError} from "../../loaders/lib/errors.ts";
import {readManifest} from "../../loaders/lib/manifest.ts";
import {ROOT} from "../../loaders/lib/paths.ts";
import {runPull, type PullOptions} from "../../loaders/snapshot/pull.ts";
import {ONS_SERVICES} from "../../loaders/sources/ons-pull.ts";
import {at, failFirst, onsLayers, startFixtureServer, type FixtureServer, type Handler} from "./lib/http-fixture-server.ts";
import {hashDir, putFile, readManifestAt, smallSnapshot, writeManifestAt, type TempSnapshot} from "./lib/temp-snapshot.ts";

const FIXTURES = join(ROOT, "tests", "fixtures");
const LIVE = join(FIXTURES, "live");
const bad = (name: string) => readFileSync(join(FIXTURES, "bad", name));
const FAST_HTTP = {timeoutMs: 2_000, retries: 2, backoffMs: 5, maxBackoffMs: 50, progress: null};
const SHORT_TIMEOUT = {...FAST_HTTP, timeoutMs: 300};
const STREET = "police-uk/2025-06-staffordshire-street.csv.gz";
const COLLISION = "stats19/dft-road-casualty-statistics-collision-2023-staffordshire.csv.gz";

let cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});
function snapshot(): TempSnapshot {
  const s = smallSnapshot();
  cleanups.push(s.cleanup);
  return s;
}
async function server(...handlers: Handler[]): Promise<FixtureServer> {
  const s = await startFixtureServer(LIVE, [...onsLayers(LIVE, {lookup: ONS_SERVICES.lookup.service, boundaries: ONS_SERVICES.boundaries.service}), ...handlers]);
  cleanups.push(() => s.close());
  return s;
}

/** Runs check-data on a snapshot holding `content` at `path` (with correct checksums); returns its errors. */
async function checkWith(path: string, content: Buffer, meta: {source: "police-uk" | "stats19" | "ons"; kind: string; rows: number | null; period: string | null}, options: {raw?: boolean} = {}) {
  const snap = snapshot();
  putFile(snap.dir, path, content, meta, options);
  const before = hashDir(snap.dir);
  const result = await checkSnapshot(snap.dir);
  expect(hashDir(snap.dir)).toBe(before);
  return result;
}

/** Runs a pull that must fail; returns the error after proving the snapshot is byte-identical. */
async function failingPull(srv: FixtureServer, options: Partial<PullOptions>): Promise<Error> {
  const snap = snapshot();
  const before = hashDir(snap.dir);
  const error = await runPull({sources: ["police-uk"], from: "2025-06", to: "2025-06", baseUrl: srv.baseUrl, snapshotDir: snap.dir, http: FAST_HTTP, log: () => {}, ...options}).then(
    () => null, (e: Error) => e);
  expect(error, "the pull should have failed").toBeInstanceOf(Error);
  expect(hashDir(snap.dir)).toBe(before);
  expect(readdirSync(dirname(snap.dir)), "no draft left beside the snapshot").toEqual(["snapshot"]);
  return error!;
}

const streetMeta = {source: "police-uk" as const, kind: "street", rows: 11, period: "2025-06"};

describe("bad files in the snapshot: check-data names the file, line and field", () => {
  const cases: [string, string, string][] = [
    ["wrong header", "street-wrong-header.csv", `${STREET}, line 1, field "Crime type": expected header column 10 to be "Crime type", found "Crime category"`],
    ["wrong field count", "street-wrong-field-count.csv", `${STREET}, line 5: expected 12 fields, found "11 fields"`],
    ["invalid UTF-8 bytes", "street-invalid-utf8.csv", `${STREET}, line 4, field "Location": expected UTF-8 text, found "On or near \uFFFD\uFFFDGay Close"`],
    ["non-numeric coordinates", "street-non-numeric-coordinates.csv", `${STREET}, line 3, field "Longitude": expected a longitude between -9 and 3 (or both coordinates empty), found "-1.79582x"`],
    ["unknown crime type", "street-unknown-crime-type.csv", `${STREET}, line 6, field "Crime type": expected one of the 14 police.uk categories`],
    ["a row of another month", "street-month-mismatch.csv", `${STREET}, line 4, field "Month": expected the file's month 2025-06, found "2025-05"`],
    ["malformed LSOA code", "street-bad-lsoa.csv", `${STREET}, line 2, field "LSOA code": expected an ONS LSOA code like E01029557 (or empty), found "E0100942"`]
  ];
  it.each(cases)("%s (%s)", async (_name, fixture, message) => {
    const result = await checkWith(STREET, bad(fixture), streetMeta);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(message);
  });

  it("empty file", async () => {
    const result = await checkWith(STREET, bad("empty.csv"), streetMeta);
    expect(result.errors).toEqual([`${STREET}, line 1: expected a header row (Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context), found "an empty file"`]);
  });

  it("truncated gzip", async () => {
    const result = await checkWith(STREET, bad("street-truncated.csv.gz"), {...streetMeta, rows: 399}, {raw: true});
    expect(result.errors).toEqual([`${STREET}: expected a complete gzip stream, found "a truncated file"`]);
  });

  it("a .gz file that is not gzip", async () => {
    const result = await checkWith(STREET, bad("not-gzip.csv.gz"), streetMeta, {raw: true});
    expect(result.errors).toEqual([`${STREET}: expected gzip data, found "bytes that are not gzip"`]);
  });

  it("a UTF-8 byte-order mark is accepted and stripped (not an error)", async () => {
    const result = await checkWith(STREET, bad("street-bom.csv"), streetMeta);
    expect(result.errors).toEqual([]);
    const may = readManifest().files.find((f) => f.path === "police-uk/2025-05-staffordshire-street.csv.gz")!;
    expect(result.kinds.find((k) => k.kind === "street")).toMatchObject({rows: 11 + may.rows!});
  });

  it("outcomes row with no outcome", async () => {
    const result = await checkWith("police-uk/2025-06-staffordshire-outcomes.csv.gz", bad("outcomes-missing-outcome.csv"), {source: "police-uk", kind: "outcomes", rows: 6, period: "2025-06"});
    expect(result.errors).toEqual([`police-uk/2025-06-staffordshire-outcomes.csv.gz, line 3, field "Outcome type": expected an outcome, found ""`]);
  });

  it("stop and search with an impossible date", async () => {
    const result = await checkWith("police-uk/2025-06-staffordshire-stop-and-search.csv.gz", bad("stop-and-search-bad-date.csv"), {source: "police-uk", kind: "stop-and-search", rows: 8, period: "2025-06"});
    expect(result.errors).toEqual([`police-uk/2025-06-staffordshire-stop-and-search.csv.gz, line 4, field "Date": expected an ISO 8601 date-time, found "2025-06-31T25:00:00+00:00"`]);
  });

  it("STATS19 collision of another police force", async () => {
    const result = await checkWith(COLLISION, bad("stats19-wrong-police-force.csv"), {source: "stats19", kind: "collision", rows: 8, period: "2023"});
    expect(result.errors).toEqual([`${COLLISION}, line 4, field "police_force": expected 21, found "20"`]);
  });

  it("STATS19 collision with an impossible date", async () => {
    const result = await checkWith(COLLISION, bad("stats19-bad-date.csv"), {source: "stats19", kind: "collision", rows: 8, period: "2023"});
    expect(result.errors).toEqual([`${COLLISION}, line 6, field "date": expected a real calendar date, found "30/02/2023"`]);
  });

  it("STATS19 collision file with DfT's renamed (2024) header", async () => {
    const result = await checkWith(COLLISION, bad("stats19-renamed-header.csv"), {source: "stats19", kind: "collision", rows: 8, period: "2023"});
    expect(result.errors).toEqual([`${COLLISION}, line 1, field "accident_index": expected header column 1 to be "accident_index", found "collision_index"`]);
  });

  it("STATS19 casualty with a severity outside 1–3", async () => {
    const path = "stats19/dft-road-casualty-statistics-casualty-2023-staffordshire.csv.gz";
    const result = await checkWith(path, bad("casualty-bad-severity.csv"), {source: "stats19", kind: "casualty", rows: 7, period: "2023"});
    expect(result.errors).toEqual([`${path}, line 6, field "casualty_severity": expected 1 (fatal), 2 (serious) or 3 (slight), found "4"`]);
  });

  it("duplicate month: two files for the same force, kind and month", async () => {
    const result = await checkWith("police-uk/2025-06-staffordshire-street.csv", bad("street-duplicate-month.csv"), streetMeta);
    expect(result.errors).toEqual([`police-uk/2025-06-staffordshire-street.csv.gz, field "period": expected no other street file for 2025-06, but police-uk/2025-06-staffordshire-street.csv holds the same force, kind and period (duplicate month), found "a second file"`]);
  });

  it("manifest checksum mismatch", async () => {
    const snap = snapshot();
    const manifest = readManifestAt(snap.dir);
    const entry = manifest.files.find((f) => f.path === STREET)!;
    const real = entry.sha256;
    entry.sha256 = "0".repeat(64);
    writeManifestAt(snap.dir, manifest);
    const before = hashDir(snap.dir);
    const result = await checkSnapshot(snap.dir);
    expect(result.errors).toEqual([`${STREET}, field "sha256": expected sha256 ${"0".repeat(64)}, as manifest.json says, found "${real.slice(0, 57)}..."`]);
    expect(hashDir(snap.dir)).toBe(before);
  });

  it("a data file missing from the manifest", async () => {
    const snap = snapshot();
    writeFileSync(join(snap.dir, "police-uk", "2025-07-staffordshire-street.csv.gz"), readFileSync(join(snap.dir, STREET)));
    const result = await checkSnapshot(snap.dir);
    expect(result.errors).toEqual([`police-uk/2025-07-staffordshire-street.csv.gz: expected an entry in manifest.json for every data file, found "a file the manifest does not list"`]);
  });
});

describe("bad archives and responses: the pull fails with a clear message and the snapshot is unchanged", () => {
  const archive = (body: Buffer): Handler => at("/data/archive/2025-06.zip", {headers: {"content-type": "application/zip"}, body});
  const MEMBER = "2025-06.zip:2025-06/2025-06-staffordshire-street.csv";

  const inArchive: [string, string, string][] = [
    ["wrong header", "street-wrong-header.zip", `${MEMBER}, line 1, field "Crime type": expected header column 10 to be "Crime type", found "Crime category"`],
    ["wrong field count", "street-wrong-field-count.zip", `${MEMBER}, line 5: expected 12 fields, found "11 fields"`],
    ["invalid UTF-8", "street-invalid-utf8.zip", `${MEMBER}, line 4, field "Location": expected UTF-8 text`],
    ["non-numeric coordinates", "street-non-numeric-coordinates.zip", `${MEMBER}, line 3, field "Longitude"`],
    ["unknown crime type", "street-unknown-crime-type.zip", `${MEMBER}, line 6, field "Crime type"`],
    ["month mismatch", "street-month-mismatch.zip", `${MEMBER}, line 4, field "Month": expected the file's month 2025-06, found "2025-05"`],
    ["bad LSOA", "street-bad-lsoa.zip", `${MEMBER}, line 2, field "LSOA code"`]
  ];
  it.each(inArchive)("member with %s (%s)", async (_name, fixture, message) => {
    const srv = await server(archive(bad(join("archives", fixture))));
    const error = await failingPull(srv, {});
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toContain(message);
  });

  it("a member with a byte-order mark is accepted", async () => {
    const srv = await server(archive(bad(join("archives", "street-bom.zip"))));
    const snap = snapshot();
    const summary = await runPull({sources: ["police-uk"], from: "2025-06", to: "2025-06", baseUrl: srv.baseUrl, snapshotDir: snap.dir, http: FAST_HTTP, log: () => {}});
    expect(summary.changes).toEqual([{path: STREET, change: "replaced", rows: 11, period: "2025-06"}]);
    // Outcomes and stop-and-search are not in this archive: counted as skips, not errors.
    expect(summary.skipped).toEqual(["2025-06 outcomes: not in 2025-06.zip", "2025-06 stop-and-search: not in 2025-06.zip"]);
  });

  it("truncated zip", async () => {
    const srv = await server(archive(bad("archive-truncated.zip")));
    const error = await failingPull(srv, {});
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toMatch(/^2025-06\.zip: expected a complete zip archive, found "End of central directory record signature not found/);
  });

  it("zip with a damaged member", async () => {
    const srv = await server(archive(bad("archive-corrupt-member.zip")));
    const error = await failingPull(srv, {from: "2025-05"});
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toMatch(/^2025-06\.zip:2025-05\/2025-05-staffordshire-street\.csv: expected an intact zip member, found /);
  });

  it("zip missing the force's member for the month", async () => {
    const srv = await server(archive(bad("archive-missing-member.zip")));
    const error = await failingPull(srv, {});
    expect(error.message).toBe(`2025-06.zip: expected a member 2025-06/2025-06-staffordshire-street.csv, found "no such member in the archive"`);
  });

  it("zip without the requested month at all", async () => {
    const srv = await server();
    const error = await failingPull(srv, {from: "2025-06", to: "2025-07"});
    expect(error).toBeInstanceOf(FetchError);
    expect(error.message).toBe(`${srv.baseUrl}/data/archive/2025-07.zip: HTTP 404 Not Found`);
  });

  it("garbage body: an HTML page instead of the zip", async () => {
    const srv = await server(at("/data/archive/2025-06.zip", {headers: {"content-type": "text/html"}, body: bad("archive-garbage.html")}));
    const error = await failingPull(srv, {});
    expect(error).toBeInstanceOf(FetchError);
    expect(error.message).toBe(`${srv.baseUrl}/data/archive/2025-06.zip: garbage body: expected a zip archive, found an HTML/XML page ("<!DOCTYPE html>\\n<html><head><title>Servi"…)`);
    expect(srv.requests.filter((r) => r.includes("2025-06.zip"))).toHaveLength(1); // not retried
  });

  it("garbage body: months list of the wrong shape", async () => {
    const srv = await server(at("/api/crimes-street-dates", {body: bad("crimes-street-dates-wrong-shape.json")}));
    const error = await failingPull(srv, {from: undefined, to: undefined});
    expect(error.message).toBe(`${srv.baseUrl}/api/crimes-street-dates: garbage body: expected a JSON list of {"date": "YYYY-MM"}, found "[{\\"month\\":\\"2025-06\\"},{\\"month\\":\\"2025-05\\"}…"`);
  });

  it("HTTP 404 is not retried", async () => {
    const srv = await server(at("/data/archive/2025-06.zip", {status: 404, body: "<html>Not Found</html>"}));
    const error = await failingPull(srv, {});
    expect(error).toMatchObject({name: "FetchError", status: 404, message: `${srv.baseUrl}/data/archive/2025-06.zip: HTTP 404 Not Found`});
    expect(srv.requests).toEqual(["GET /data/archive/2025-06.zip"]);
  });

  it("HTTP 429 is retried, then the pull succeeds", async () => {
    const srv = await server(failFirst("/data/archive/2025-06.zip", 2, {status: 429, headers: {"retry-after": "0"}}));
    const snap = snapshot();
    const summary = await runPull({sources: ["police-uk"], from: "2025-06", to: "2025-06", baseUrl: srv.baseUrl, snapshotDir: snap.dir, http: FAST_HTTP, log: () => {}});
    expect(summary.committed).toBe(true);
    expect(srv.requests).toEqual(Array(3).fill("GET /data/archive/2025-06.zip"));
  });

  it("HTTP 429 retried until the retries are exhausted", async () => {
    const srv = await server(at("/data/archive/2025-06.zip", {status: 429, headers: {"retry-after": "0"}}));
    const error = await failingPull(srv, {});
    expect(error).toMatchObject({name: "FetchError", status: 429, message: `${srv.baseUrl}/data/archive/2025-06.zip: HTTP 429 Too Many Requests (gave up after 3 attempts)`});
    expect(srv.requests).toHaveLength(3);
  });

  it("Retry-After is honoured", async () => {
    const srv = await server(failFirst("/data/archive/2025-06.zip", 1, {status: 503, headers: {"retry-after": "1"}}));
    const snap = snapshot();
    const start = Date.now();
    await runPull({sources: ["police-uk"], from: "2025-06", to: "2025-06", baseUrl: srv.baseUrl, snapshotDir: snap.dir, http: {...FAST_HTTP, maxBackoffMs: 5_000}, log: () => {}});
    expect(Date.now() - start).toBeGreaterThanOrEqual(950);
  });

  it("HTTP 500 retried with backoff, then reported", async () => {
    const srv = await server(at("/road-accidents-safety-data/dft-road-casualty-statistics-collision-2023.csv", {status: 500, body: "Internal Server Error"}));
    const error = await failingPull(srv, {sources: ["stats19"], from: "2023", to: "2023"});
    expect(error).toMatchObject({name: "FetchError", status: 500});
    expect(error.message).toBe(`${srv.baseUrl}/road-accidents-safety-data/dft-road-casualty-statistics-collision-2023.csv: HTTP 500 Internal Server Error (gave up after 3 attempts)`);
  });

  it("a server that never answers times out", async () => {
    const srv = await server(at("/data/archive/2025-06.zip", {hang: true}));
    const error = await failingPull(srv, {http: SHORT_TIMEOUT});
    expect(error.message).toBe(`${srv.baseUrl}/data/archive/2025-06.zip: timed out (nothing received for 300 ms) (gave up after 3 attempts)`);
  });

  it("a download that stalls half way times out", async () => {
    const body = readFileSync(join(LIVE, "data", "archive", "2025-06.zip"));
    const srv = await server(at("/data/archive/2025-06.zip", {headers: {"content-type": "application/zip"}, body, stallAfter: 1000}));
    const error = await failingPull(srv, {http: {...SHORT_TIMEOUT, retries: 0}});
    expect(error.message).toBe(`${srv.baseUrl}/data/archive/2025-06.zip: timed out (nothing received for 300 ms) (gave up after 1 attempt)`);
  });

  it("ArcGIS error response (HTTP 200 with an error object)", async () => {
    const srv = await server(at(`/ESMARspQHYMw9BZ9/arcgis/rest/services/${ONS_SERVICES.lookup.service}/FeatureServer/0/query`, {body: bad("arcgis-error.json")}));
    const error = await failingPull(srv, {sources: ["ons"]});
    expect(error).toBeInstanceOf(FetchError);
    expect(error.message).toMatch(new RegExp(`^${srv.baseUrl.replace(/\./g, "\\.")}/ESMARspQHYMw9BZ9/arcgis/rest/services/LSOA21_WD25_LAD25_EW_LU_v2/FeatureServer/0/query\\?where=.*: ArcGIS error 400: Cannot perform query. Invalid query parameters.$`));
  });

  it("population missing one of the force's local authorities", async () => {
    const srv = await server(at("/api/v01/dataset/NM_2002_1.data.csv", {body: bad("nomis-missing-lad.csv")}));
    const error = await failingPull(srv, {sources: ["ons"]});
    expect(error.message).toBe(`ons/population_mye_lad_staffordshire.csv.gz, field "GEOGRAPHY_CODE": expected a row for every local authority of the force, found "none for E07000199"`);
  });

  it("STATS19 collision with a bad date: the error names the national file's line", async () => {
    const national = readFileSync(join(LIVE, "road-accidents-safety-data", "dft-road-casualty-statistics-collision-2023.csv"), "utf8").split("\n");
    const line = national.findIndex((l) => l.split(",")[7] === "21") + 3; // the third force-21 row
    const broken = national.map((l, i) => (i === line - 1 ? l.replace(/,\d\d\/\d\d\/2023,/, ",30/02/2023,") : l)).join("\n");
    const srv = await server(at("/road-accidents-safety-data/dft-road-casualty-statistics-collision-2023.csv", {body: broken}));
    const error = await failingPull(srv, {sources: ["stats19"], from: "2023", to: "2023"});
    expect(error.message).toBe(`dft-road-casualty-statistics-collision-2023.csv, line ${line}, field "date": expected a real calendar date, found "30/02/2023"`);
  });

  it("STATS19 rows of other police forces are filtered out, not errors (counted in the log)", async () => {
    const srv = await server(at("/road-accidents-safety-data/dft-road-casualty-statistics-collision-2023.csv", {body: bad("stats19-wrong-police-force.csv")}));
    const snap = snapshot();
    const log: string[] = [];
    const summary = await runPull({sources: ["stats19"], from: "2023", to: "2023", stats19Tables: ["collision"], baseUrl: srv.baseUrl, snapshotDir: snap.dir, http: FAST_HTTP, log: (l) => log.push(l)});
    expect(summary.changes).toEqual([{path: COLLISION, change: "replaced", rows: 7, period: "2023"}]);
    expect(log).toContain("stats19: dft-road-casualty-statistics-collision-2023-staffordshire.csv: 7 of 8 rows kept");
  });

  it("a national STATS19 file with no rows for the force is an error", async () => {
    const national = readFileSync(join(LIVE, "road-accidents-safety-data", "dft-road-casualty-statistics-collision-2023.csv"), "utf8").split("\n");
    const srv = await server(at("/road-accidents-safety-data/dft-road-casualty-statistics-collision-2023.csv", {body: national.filter((l) => l.split(",")[7] !== "21").join("\n")}));
    const error = await failingPull(srv, {sources: ["stats19"], from: "2023", to: "2023"});
    expect(error.message).toBe(`dft-road-casualty-statistics-collision-2023.csv, field "police_force": expected at least one collision with police_force 21, found "none"`);
  });

  it("a new snapshot that fails check-data as a whole is not swapped in", async () => {
    const srv = await server();
    const snap = snapshot();
    writeFileSync(join(snap.dir, "police-uk", "2025-07-staffordshire-street.csv.gz"), readFileSync(join(snap.dir, STREET)));
    const before = hashDir(snap.dir);
    const error = await runPull({sources: ["police-uk"], from: "2025-06", to: "2025-06", baseUrl: srv.baseUrl, snapshotDir: snap.dir, http: FAST_HTTP, log: () => {}}).then(() => null, (e: Error) => e);
    expect(error?.message).toBe(`the new snapshot failed validation, nothing was replaced:\n  police-uk/2025-07-staffordshire-street.csv.gz: expected an entry in manifest.json for every data file, found "a file the manifest does not list"`);
    expect(hashDir(snap.dir)).toBe(before);
    expect(readdirSync(dirname(snap.dir))).toEqual(["snapshot"]);
  });

  it("a failure in one source of several replaces nothing", async () => {
    const srv = await server(at("/api/v01/dataset/NM_2002_1.data.csv", {status: 404}));
    const error = await failingPull(srv, {sources: ["police-uk", "ons"], from: "2025-06", to: "2025-06"});
    expect(error.message).toContain("NM_2002_1.data.csv?geography=E06000021");
  });
});
