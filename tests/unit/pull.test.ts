// Successful pulls from a local HTTP server holding real-format fixtures (tests/fixtures/live), into temporary
// copies of the snapshot: the right files, manifest entries and rows; check-data passes; a repeat changes nothing.
import {execFile} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {promisify} from "node:util";
import {gunzipSync} from "node:zlib";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {checkSnapshot} from "../../loaders/snapshot/check.ts";
import {DEFAULT_HTTP, downloadToFile, rebase, TokenBucket} from "../../loaders/lib/http.ts";
import {readManifest, sha256, type ManifestEntry} from "../../loaders/lib/manifest.ts";
import {ROOT} from "../../loaders/lib/paths.ts";
import {runPull, type PullOptions} from "../../loaders/snapshot/pull.ts";
import {ONS_SERVICES} from "../../loaders/sources/ons-pull.ts";
import {at, onsLayers, startFixtureServer, type FixtureServer} from "./lib/http-fixture-server.ts";
import {hashDir, readManifestAt, smallSnapshot, tempSnapshot} from "./lib/temp-snapshot.ts";

const FIXTURES = join(ROOT, "tests", "fixtures");
const LIVE = join(FIXTURES, "live");
const MEMBERS = join(FIXTURES, "police-uk-members");
export const FAST_HTTP = {timeoutMs: 2_000, retries: 2, backoffMs: 5, maxBackoffMs: 50, progress: null};
const NOW = new Date("2026-11-21T12:00:00Z");

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer(LIVE, onsLayers(LIVE, {lookup: ONS_SERVICES.lookup.service, boundaries: ONS_SERVICES.boundaries.service}));
});
afterAll(() => server.close());

/** The fixtures hold a handful of rows per file where the real snapshot holds thousands: their counts are accepted (the
 * row-count check itself is tested in bad-inputs.test.ts). */
export const FIXTURE_PERIODS = ["2025-05", "2025-06", "2023"];
const pull = (dir: string, options: Partial<PullOptions>) =>
  runPull({sources: [], baseUrl: server.baseUrl, snapshotDir: dir, http: FAST_HTTP, now: NOW, log: () => {}, acceptRows: FIXTURE_PERIODS, ...options});
const entry = (dir: string, path: string) => readManifestAt(dir).files.find((f) => f.path === path);
const stored = (dir: string, path: string) => readFileSync(join(dir, path));

function expectEntryMatchesFile(dir: string, e: ManifestEntry | undefined, content: Buffer): void {
  expect(e).toBeDefined();
  const bytes = stored(dir, e!.path);
  expect(e!.sha256).toBe(sha256(bytes));
  expect(e!.bytes).toBe(bytes.length);
  expect(gunzipSync(bytes).equals(content)).toBe(true);
  expect(e!.contentSha256).toBe(sha256(content));
}

describe("police-uk pull", () => {
  it("extracts the force's street, outcomes and stop-and-search files for two months from the archive", async () => {
    const snap = tempSnapshot();
    try {
      // The fixture archive's months hold 11 street rows where the real ones hold thousands: accepted as they are.
      const summary = await pull(snap.dir, {sources: ["police-uk"], from: "2025-05", to: "2025-06"});
      expect(summary.committed).toBe(true);
      expect(entry(snap.dir, "police-uk/2025-06-staffordshire-street.csv.gz")?.acceptedRows).toBe(11);
      const held = new Set(readManifest().files.map((f) => f.path));
      const pulled = ["2025-05", "2025-06"].flatMap((m) => ["street", "outcomes", "stop-and-search"].map((k) => `police-uk/${m}-staffordshire-${k}.csv.gz`));
      expect(summary.changes.map((c) => `${c.change} ${c.path}`).sort()).toEqual(pulled.map((p) => `${held.has(p) ? "replaced" : "added"} ${p}`).sort());
      expect(held.has("police-uk/2025-06-staffordshire-street.csv.gz")).toBe(true); // at least one real replacement
      const expectedRows: Record<string, number> = {"street": 11, "outcomes": 6, "stop-and-search": 8};
      for (const month of ["2025-05", "2025-06"]) {
        for (const kind of ["street", "outcomes", "stop-and-search"]) {
          const member = `${month}/${month}-staffordshire-${kind}.csv`;
          const e = entry(snap.dir, `police-uk/${month}-staffordshire-${kind}.csv.gz`);
          expectEntryMatchesFile(snap.dir, e, readFileSync(join(MEMBERS, member)));
          expect(e).toMatchObject({source: "police-uk", kind, period: month, rows: expectedRows[kind], member, url: "https://data.police.uk/data/archive/2025-06.zip", retrieved: "2026-11-21"});
          expect(e!.copiedFrom).toBeUndefined();
        }
      }
      // Another force's member in the same archive stays out.
      expect(readManifestAt(snap.dir).files.some((f) => f.path.includes("west-midlands"))).toBe(false);
      expect(readManifestAt(snap.dir).generated).toBe("2026-11-21");
      // The commit validated the whole new snapshot with check-data.
      expect(summary.check?.errors).toEqual([]);
      expect(summary.check?.kinds.find((k) => k.kind === "outcomes")).toMatchObject({files: 2, rows: 12, periods: ["2025-05", "2025-06"]});
      expect(summary.check?.kinds.find((k) => k.kind === "street")?.periods).toContain("2024-01");

      // The same pull again, a day later: nothing to replace, not even the retrieval date.
      const before = hashDir(snap.dir);
      const again = await pull(snap.dir, {sources: ["police-uk"], from: "2025-05", to: "2025-06", acceptRows: ["2025-05", "2025-06"], now: new Date("2026-11-22T08:00:00Z")});
      expect(again.committed).toBe(false);
      expect(again.changes.every((c) => c.change === "unchanged")).toBe(true);
      expect(hashDir(snap.dir)).toBe(before);
    } finally {
      snap.cleanup();
    }
  });

  it("asks data.police.uk for the latest month when --to is not given", async () => {
    const snap = smallSnapshot();
    try {
      const seen = server.requests.length;
      const summary = await pull(snap.dir, {sources: ["police-uk"]});
      expect(server.requests.slice(seen)).toEqual(["GET /api/crimes-street-dates", "GET /data/archive/2025-06.zip"]);
      expect(summary.changes.map((c) => c.period)).toEqual(["2025-06", "2025-06", "2025-06"]);
      expect((await checkSnapshot(snap.dir)).errors).toEqual([]);
    } finally {
      snap.cleanup();
    }
  });
});

describe("stats19 pull", () => {
  const collisionCsv = readFileSync(join(LIVE, "road-accidents-safety-data", "dft-road-casualty-statistics-collision-2023.csv"), "utf8").split("\n");
  const own = collisionCsv.filter((l, i) => i === 0 || l.split(",")[7] === "21");

  it("keeps police_force 21 collisions verbatim, and their casualties and vehicles", async () => {
    const snap = smallSnapshot();
    try {
      const summary = await pull(snap.dir, {sources: ["stats19"], from: "2023", to: "2023"});
      expect(summary.committed).toBe(true);
      expect(summary.skipped).toEqual([]);
      expect(own.length).toBe(9); // header + 8 rows; the fixture also has 5 rows of forces 20 and 22
      const collision = entry(snap.dir, "stats19/dft-road-casualty-statistics-collision-2023-staffordshire.csv.gz");
      expectEntryMatchesFile(snap.dir, collision, Buffer.from(own.join("\n") + "\n"));
      expect(collision).toMatchObject({kind: "collision", rows: 8, period: "2023", url: "https://data.dft.gov.uk/road-accidents-safety-data/dft-road-casualty-statistics-collision-2023.csv"});
      expect(summary.changes.find((c) => c.path.includes("collision"))?.change).toBe("replaced");

      const ownIndexes = new Set(own.slice(1).map((l) => l.split(",")[0]));
      for (const [table, rows] of [["casualty", 10], ["vehicle", own.slice(1).reduce((s, l) => s + Number(l.split(",")[9]), 0)]] as const) {
        const e = entry(snap.dir, `stats19/dft-road-casualty-statistics-${table}-2023-staffordshire.csv.gz`);
        expect(e).toMatchObject({kind: table, rows, period: "2023", url: `https://data.dft.gov.uk/road-accidents-safety-data/dft-road-casualty-statistics-${table}-2023.csv`});
        const lines = gunzipSync(stored(snap.dir, e!.path)).toString("utf8").trim().split("\n");
        expect(lines.length - 1).toBe(rows);
        expect(lines.slice(1).every((l) => ownIndexes.has(l.split(",")[0]))).toBe(true);
      }
      const check = await checkSnapshot(snap.dir);
      expect(check.errors).toEqual([]);
      expect(check.kinds.find((k) => k.kind === "casualty")).toMatchObject({rows: 10, unlinked: 0});

      const before = hashDir(snap.dir);
      expect((await pull(snap.dir, {sources: ["stats19"], from: "2023", to: "2023"})).committed).toBe(false);
      expect(hashDir(snap.dir)).toBe(before);
    } finally {
      snap.cleanup();
    }
  });

  it("finds the latest published year by asking for each year's file, newest first", async () => {
    const snap = smallSnapshot();
    try {
      const seen = server.requests.length;
      const summary = await pull(snap.dir, {sources: ["stats19"], stats19Tables: ["collision"]});
      expect(server.requests.slice(seen)).toEqual([
        "HEAD /road-accidents-safety-data/dft-road-casualty-statistics-collision-2025.csv",
        "HEAD /road-accidents-safety-data/dft-road-casualty-statistics-collision-2024.csv",
        "HEAD /road-accidents-safety-data/dft-road-casualty-statistics-collision-2023.csv",
        "GET /road-accidents-safety-data/dft-road-casualty-statistics-collision-2023.csv"
      ]);
      expect(summary.changes).toEqual([{path: "stats19/dft-road-casualty-statistics-collision-2023-staffordshire.csv.gz", change: "replaced", rows: 8, period: "2023"}]);
    } finally {
      snap.cleanup();
    }
  });

  it("given months (as with --source all), pulls the published years and counts the others as skipped", async () => {
    const snap = smallSnapshot();
    try {
      const summary = await pull(snap.dir, {sources: ["stats19"], from: "2023-06", to: "2025-06", stats19Tables: ["collision"]});
      expect(summary.changes.map((c) => c.path)).toEqual(["stats19/dft-road-casualty-statistics-collision-2023-staffordshire.csv.gz"]);
      expect(summary.skipped).toEqual([
        "stats19 2024: not published (no https://data.dft.gov.uk/road-accidents-safety-data/dft-road-casualty-statistics-collision-2024.csv)",
        "stats19 2025: not published (no https://data.dft.gov.uk/road-accidents-safety-data/dft-road-casualty-statistics-collision-2025.csv)"
      ]);
    } finally {
      snap.cleanup();
    }
  });
});

describe("ons pull", () => {
  it("pages through the ArcGIS lookup and boundaries and reads Nomis population", async () => {
    const snap = smallSnapshot();
    try {
      const seen = server.requests.length;
      const summary = await pull(snap.dir, {sources: ["ons"], ons: {pageSize: 5, codesPerQuery: 12}});
      const requests = server.requests.slice(seen);
      const lookupPages = requests.filter((r) => r.includes(ONS_SERVICES.lookup.service));
      expect(lookupPages.length).toBe(6); // 28 LSOAs, 5 a page
      expect(lookupPages.map((r) => new URL(r.split(" ")[1], "http://x").searchParams.get("resultOffset"))).toEqual(["0", "5", "10", "15", "20", "25"]);
      expect(requests.filter((r) => r.includes(ONS_SERVICES.boundaries.service)).length).toBe(3 + 3 + 1); // 12+12+4 codes, 5 a page
      expect(summary.changes.map((c) => `${c.change} ${c.path} ${c.rows} ${c.period}`)).toEqual([
        "added ons/lsoa21_to_lad_staffordshire.csv.gz 28 2025", "added ons/lsoa21_boundaries_staffordshire.geojsonl.gz 28 2021", "added ons/population_mye_lad_staffordshire.csv.gz 9 2021"
      ]);
      const lookup = gunzipSync(stored(snap.dir, "ons/lsoa21_to_lad_staffordshire.csv.gz")).toString("utf8").split("\n");
      expect(lookup[0]).toBe("lsoa_code,lsoa_name,lad_code,lad_name");
      expect(lookup).toContain("E01034047,Stafford 010F,E07000197,Stafford");
      const features = gunzipSync(stored(snap.dir, "ons/lsoa21_boundaries_staffordshire.geojsonl.gz")).toString("utf8").trim().split("\n").map((l) => JSON.parse(l));
      expect(features.map((f) => f.properties.LSOA21CD)).toEqual(lookup.slice(1).filter(Boolean).map((l) => l.split(",")[0]));
      const population = entry(snap.dir, "ons/population_mye_lad_staffordshire.csv.gz");
      expectEntryMatchesFile(snap.dir, population, readFileSync(join(LIVE, "api", "v01", "dataset", "NM_2002_1.data.csv")));
      expect(population!.url).toBe("https://www.nomisweb.co.uk/api/v01/dataset/NM_2002_1.data.csv?geography=E06000021,E07000192,E07000193,E07000194,E07000195,E07000196,E07000197,E07000198,E07000199&date=latest&gender=0&c_age=200&measures=20100");
      expect(entry(snap.dir, "ons/lsoa21_to_lad_staffordshire.csv.gz")!.url).toMatch(/^https:\/\/services1\.arcgis\.com\/ESMARspQHYMw9BZ9\/arcgis\/rest\/services\/LSOA21_WD25_LAD25_EW_LU_v2\/FeatureServer\/0\/query\?where=LAD25CD/);
      expect((await checkSnapshot(snap.dir)).errors).toEqual([]);

      const before = hashDir(snap.dir);
      expect((await pull(snap.dir, {sources: ["ons"], ons: {pageSize: 7, codesPerQuery: 100}})).committed).toBe(false);
      expect(hashDir(snap.dir)).toBe(before);
    } finally {
      snap.cleanup();
    }
  });
});

describe("pull plumbing", () => {
  it("--base-url replaces scheme and host only", () => {
    expect(rebase("https://data.police.uk/data/archive/2025-06.zip", "http://127.0.0.1:9000")).toBe("http://127.0.0.1:9000/data/archive/2025-06.zip");
    expect(rebase("https://www.nomisweb.co.uk/api/v01/x.csv?geography=E1&date=latest", "http://mirror.test/base/")).toBe("http://mirror.test/base/api/v01/x.csv?geography=E1&date=latest");
    expect(rebase("https://data.police.uk/x", undefined)).toBe("https://data.police.uk/x");
  });

  it("downloads report bytes, total and percentage on the progress channel", async () => {
    const body = Buffer.alloc(3 << 20, "a,b\n");
    const srv = await startFixtureServer(LIVE, [at("/big.csv", {headers: {"content-type": "text/csv"}, body})]);
    const dir = mkdtempSync(join(tmpdir(), "download-"));
    try {
      const lines: string[] = [];
      const bytes = await downloadToFile(`${srv.baseUrl}/big.csv`, join(dir, "big.csv"), "csv", {...DEFAULT_HTTP, ...FAST_HTTP, progress: (l) => lines.push(l)});
      expect(bytes).toBe(body.length);
      expect(readFileSync(join(dir, "big.csv")).equals(body)).toBe(true);
      expect(lines.at(-1)).toBe(`got ${srv.baseUrl}/big.csv: 3.0 MB / 3.0 MB (100%)`);
    } finally {
      rmSync(dir, {recursive: true, force: true});
      await srv.close();
    }
  });

  it("the token bucket allows a burst, then the steady rate", async () => {
    const bucket = new TokenBucket(20, 3);
    const start = Date.now();
    const times: number[] = [];
    await Promise.all(Array.from({length: 7}, () => bucket.take().then(() => times.push(Date.now() - start))));
    expect(times.slice(0, 3).every((t) => t < 100)).toBe(true); // the burst of 3 is immediate
    expect(times[6]).toBeGreaterThanOrEqual(180); // 4 more at 20/s take ≥ 200 ms (timer slack allowed)
  });

  it("the CLI prints a summary and exits 0, or names the failure and exits 1 without a stack trace", async () => {
    const snap = smallSnapshot();
    const run = promisify(execFile);
    const cli = (args: string[]) => run(process.execPath, ["--import", "tsx", join(ROOT, "loaders", "cli", "pull.ts"), ...args], {cwd: ROOT}).then(
      (r) => ({code: 0, ...r}), (e: {code: number; stdout: string; stderr: string}) => ({code: e.code, stdout: e.stdout, stderr: e.stderr}));
    try {
      const ok = await cli(["--source", "stats19", "--from", "2023", "--to", "2023", "--tables", "collision", "--base-url", server.baseUrl, "--snapshot", snap.dir, "--quiet", "--accept-rows", "2023"]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain("Snapshot updated: 0 added, 1 replaced, 0 unchanged.");
      expect(ok.stdout).toContain("replaced  stats19/dft-road-casualty-statistics-collision-2023-staffordshire.csv.gz (8 rows, 2023)");
      const before = hashDir(snap.dir);
      const bad = await cli(["--source", "stats19", "--from", "2019", "--to", "2019", "--base-url", server.baseUrl, "--snapshot", snap.dir, "--quiet", "--retries", "0"]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain(`pull failed: ${server.baseUrl}/road-accidents-safety-data/dft-road-casualty-statistics-collision-2019.csv: HTTP 404 Not Found`);
      expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace without --debug
      expect(hashDir(snap.dir)).toBe(before);
    } finally {
      snap.cleanup();
    }
  });
});
