// npm run pull -- --source police-uk-national: every force's street members of the archive counted into the national
// tables (against a local fake archive), and the snapshot's own tables reproduced by the same counting code from
// the snapshot's Staffordshire street files laid out as in the archive.
import {execFileSync} from "node:child_process";
import {mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {csvParse} from "d3-dsv";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DataError} from "../../loaders/lib/errors.ts";
import {readManifest} from "../../loaders/lib/manifest.ts";
import {ROOT, SNAPSHOT_DIR} from "../../loaders/lib/paths.ts";
import {runPull} from "../../loaders/snapshot/pull.ts";
import {NationalCounter} from "../../loaders/sources/police-uk-national-pull.ts";
import {at, startFixtureServer, type FixtureServer} from "./lib/http-fixture-server.ts";
import {hashDir, readManifestAt, tempSnapshot} from "./lib/temp-snapshot.ts";

const FIXTURES = join(ROOT, "tests", "fixtures");
const MEMBERS = join(FIXTURES, "police-uk-members");
const FAST_HTTP = {timeoutMs: 2_000, retries: 2, backoffMs: 5, maxBackoffMs: 50, progress: null};
const gz = (dir: string, path: string) => gunzipSync(readFileSync(join(dir, path))).toString("utf8");
/** git's own blob id of a file (an implementation independent of the pull's). */
const gitBlob = (file: string) => execFileSync("git", ["hash-object", "--no-filters", file], {encoding: "utf8"}).trim();

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer(join(FIXTURES, "live"));
});
afterAll(() => server.close());

const NATIONAL_AND_LOOKUP = (e: {source: string; kind: string}) => e.kind === "lsoa-lookup" || e.kind === "population-ew";

describe("police-uk-national pull", () => {
  it("counts every force's street member of the archive by district and type, and by type and outcome; a repeat changes nothing", async () => {
    const snap = tempSnapshot(NATIONAL_AND_LOOKUP);
    try {
      const summary = await runPull({sources: ["police-uk-national"], from: "2025-05", to: "2025-06", baseUrl: server.baseUrl, snapshotDir: snap.dir, http: FAST_HTTP, log: () => {}});
      expect(summary.changes.map((c) => `${c.change} ${c.path}`).sort()).toEqual(["force-lad-month-type", "force-month-type-outcome", "inputs"].map((k) => `added police-uk-national/${k}-2025.csv.gz`));
      expect(summary.skipped).toEqual(["police-uk-national 2025: only 2025-05…2025-06 pulled; the 2025 tables hold those months only"]);
      expect(summary.check?.errors).toEqual([]);

      // Independently: the members as d3-dsv reads them.
      const members = [["staffordshire", "2025-05"], ["staffordshire", "2025-06"], ["west-midlands", "2025-06"]].map(([force, month]) => {
        const file = join(MEMBERS, month, `${month}-${force}-street.csv`);
        return {force, month, file, rows: csvParse(readFileSync(file, "utf8"))};
      });
      const inputs = csvParse(gz(snap.dir, "police-uk-national/inputs-2025.csv.gz"));
      expect(inputs.map((d) => ({...d}))).toEqual(members.map((m) => ({
        force: m.force, month: m.month, git_blob: gitBlob(m.file), status: "read", rows: String(m.rows.length),
        falls_within: `${m.rows[0]["Falls within"]} ${m.rows.length}`
      })));
      const tally = (key: (d: Record<string, string>, m: (typeof members)[number]) => string) => {
        const out = new Map<string, number>();
        for (const m of members) for (const d of m.rows) out.set(key(d as Record<string, string>, m), (out.get(key(d as Record<string, string>, m)) ?? 0) + 1);
        return Object.fromEntries([...out].sort());
      };
      const asMap = (path: string, key: (d: Record<string, string>) => string) => Object.fromEntries(csvParse(gz(snap.dir, path)).map((d) => [key(d as Record<string, string>), Number(d.count)]).sort());
      expect(asMap("police-uk-national/force-lad-month-type-2025.csv.gz", (d) => `${d.force}|${d.month}|${d.lad_name}|${d.crime_type}`))
        .toEqual(tally((d, m) => `${m.force}|${m.month}|${d["LSOA name"].replace(/ \d{3}[A-Z]$/, "")}|${d["Crime type"]}`));
      expect(asMap("police-uk-national/force-month-type-outcome-2025.csv.gz", (d) => `${d.force}|${d.month}|${d.crime_type}|${d.last_outcome_category}`))
        .toEqual(tally((d, m) => `${m.force}|${m.month}|${d["Crime type"]}|${d["Last outcome category"]}`));
      expect(readManifestAt(snap.dir).files.find((f) => f.kind === "inputs")).toMatchObject({source: "police-uk-national", rows: 3, period: "2025"});

      const before = hashDir(snap.dir);
      const again = await runPull({sources: ["police-uk-national"], from: "2025-05", to: "2025-06", baseUrl: server.baseUrl, snapshotDir: snap.dir, http: FAST_HTTP, log: () => {}});
      expect(again.committed).toBe(false);
      expect(hashDir(snap.dir)).toBe(before);
    } finally {
      snap.cleanup();
    }
  });

  it("a bad row in any force's member stops the pull naming archive, member, line and field; the snapshot is unchanged", async () => {
    const srv = await startFixtureServer(join(FIXTURES, "live"), [at("/data/archive/2025-06.zip", {headers: {"content-type": "application/zip"}, body: readFileSync(join(FIXTURES, "bad", "archives", "street-bad-lsoa.zip"))})]);
    const snap = tempSnapshot(NATIONAL_AND_LOOKUP);
    try {
      const before = hashDir(snap.dir);
      const error = await runPull({sources: ["police-uk-national"], from: "2025-06", to: "2025-06", baseUrl: srv.baseUrl, snapshotDir: snap.dir, http: FAST_HTTP, log: () => {}}).then(() => null, (e: Error) => e);
      expect(error).toBeInstanceOf(DataError);
      expect(error!.message).toContain(`2025-06.zip:2025-06/2025-06-staffordshire-street.csv, line 2, field "LSOA code"`);
      expect(hashDir(snap.dir)).toBe(before);
    } finally {
      snap.cleanup();
      await srv.close();
    }
  });
});

describe("the snapshot's national tables are reproducible", () => {
  it("from Staffordshire's 12 street files of 2025, laid out as in the archive, the counting code gives the snapshot's Staffordshire lines exactly", async () => {
    const layout = mkdtempSync(join(tmpdir(), "archive-layout-"));
    try {
      const counter = new NationalCounter();
      const files = readManifest().files.filter((f) => f.kind === "street" && f.period?.startsWith("2025")).sort((a, b) => a.path.localeCompare(b.path));
      expect(files).toHaveLength(12);
      for (const f of files) {
        const member = `${f.period}/${f.period}-staffordshire-street.csv`;
        mkdirSync(join(layout, f.period!), {recursive: true});
        writeFileSync(join(layout, member), gunzipSync(readFileSync(join(SNAPSHOT_DIR, f.path))));
        await counter.add("staffordshire", f.period!, readFileSync(join(layout, member)), member);
      }
      const tables = counter.tables();
      const ours = (kind: keyof typeof tables) => tables[kind].split("\n").filter(Boolean);
      const snapshot = (path: string) => gz(SNAPSHOT_DIR, path).split("\n").filter(Boolean);
      for (const [kind, path] of [["force-lad-month-type", "force-lad-month-type-2025.csv.gz"], ["force-month-type-outcome", "force-month-type-outcome-2025.csv.gz"], ["inputs", "inputs-2025.csv.gz"]] as const) {
        const want = snapshot(`police-uk-national/${path}`);
        expect(ours(kind)[0], `${kind} header`).toBe(want[0]);
        expect(ours(kind).slice(1), kind).toEqual(want.filter((l) => l.startsWith("staffordshire,")));
      }
      // The git blob ids in the snapshot's inputs list are those of the files themselves.
      const inputs = csvParse(gz(SNAPSHOT_DIR, "police-uk-national/inputs-2025.csv.gz")).filter((d) => d.force === "staffordshire");
      expect(inputs.map((d) => d.git_blob)).toEqual(files.map((f) => gitBlob(join(layout, `${f.period}/${f.period}-staffordshire-street.csv`))));
    } finally {
      rmSync(layout, {recursive: true, force: true});
    }
  });
});
