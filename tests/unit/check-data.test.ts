// check-data on the real snapshot (it must pass) and on small broken copies: what it reports and what it rejects.
import {execFile} from "node:child_process";
import {cpSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {promisify} from "node:util";
import {gunzipSync} from "node:zlib";
import {csvParse} from "d3-dsv";
import {afterEach, describe, expect, it} from "vitest";
import {checkSnapshot, formatCheckReport} from "../../loaders/snapshot/check.ts";
import {readManifest} from "../../loaders/lib/manifest.ts";
import {ROOT, SNAPSHOT_DIR} from "../../loaders/lib/paths.ts";
import {putFile, readManifestAt, smallSnapshot, writeManifestAt, type TempSnapshot} from "./lib/temp-snapshot.ts";

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
function snapshot(): TempSnapshot {
  const s = smallSnapshot();
  cleanups.push(s.cleanup);
  return s;
}
const csvRows = (file: string) => csvParse(gunzipSync(readFileSync(file)).toString("utf8").replace(/^\uFEFF/, ""));

describe("check-data", () => {
  it("passes on the real snapshot, and its row counts agree with the manifest", async () => {
    const result = await checkSnapshot();
    expect(result.errors).toEqual([]);
    const manifest = readManifest();
    expect(result.files).toBe(manifest.files.length);
    for (const k of result.kinds) {
      const entries = manifest.files.filter((f) => f.source === k.source && f.kind === k.kind);
      expect(k.files, `${k.source}/${k.kind} files`).toBe(entries.length);
      if (entries.every((e) => e.rows !== null)) expect(k.rows, `${k.source}/${k.kind} rows`).toBe(entries.reduce((s, e) => s + e.rows!, 0));
    }
    const street = result.kinds.find((k) => k.source === "police-uk" && k.kind === "street")!;
    expect(street.periods).toContain("2025-06");
    expect(formatCheckReport(result)).toMatch(/OK: no errors$/);
  });

  it("reports months held, gaps, rows with no location and LSOAs outside the lookup", async () => {
    const snap = snapshot();
    const manifest = readManifestAt(snap.dir);
    const feb = readManifest().files.find((f) => f.path === "police-uk/2025-02-staffordshire-street.csv.gz")!;
    cpSync(join(SNAPSHOT_DIR, feb.path), join(snap.dir, feb.path));
    writeManifestAt(snap.dir, {...manifest, files: [...manifest.files, feb]});

    const result = await checkSnapshot(snap.dir);
    expect(result.errors).toEqual([]);
    // Count independently of the readers, with d3-dsv.
    const months = ["2025-02", "2025-05", "2025-06"];
    const rows = months.flatMap((m) => csvRows(join(snap.dir, `police-uk/${m}-staffordshire-street.csv.gz`)));
    const lookup = new Set(csvRows(join(snap.dir, "ons/lsoa_to_lad_staffordshire_derived.csv.gz")).map((d) => d.lsoa_code));
    const street = result.kinds.find((k) => k.kind === "street")!;
    expect(street).toMatchObject({
      files: 3, rows: rows.length, periods: months, gaps: ["2025-03", "2025-04"],
      noLocation: rows.filter((d) => d.Longitude === "").length,
      lsoaNotInLookup: rows.filter((d) => d["LSOA code"] !== "" && !lookup.has(d["LSOA code"]!)).length
    });
    expect(street.noLocation).toBeGreaterThan(0);
    expect(street.lsoaNotInLookup).toBeGreaterThan(0);
    const report = formatCheckReport(result);
    expect(report).toContain(`  street: 3 files; ${rows.length.toLocaleString("en-GB")} rows; months 2025-02, 2025-05…2025-06; gaps 2025-03…2025-04 (2); ${street.noLocation} with no location; ${street.lsoaNotInLookup} with an LSOA not in the lookup`);
    const collisions = manifest.files.find((f) => f.kind === "collision")!.rows!;
    expect(report).toContain(`  collision: 1 file; ${collisions.toLocaleString("en-GB")} rows; periods 2023; 0 with no location`);
  });

  it("rejects a manifest entry whose file is gone, a wrong size, wrong row count, and names that disagree with the entry", async () => {
    const snap = snapshot();
    const manifest = readManifestAt(snap.dir);
    const byPath = (p: string) => manifest.files.find((f) => f.path === p)!;
    const {bytes} = byPath("ons/lsoa_to_lad_staffordshire_derived.csv.gz");
    const {rows} = byPath("police-uk/2025-06-staffordshire-street.csv.gz");
    rmSync(join(snap.dir, "police-uk/2025-05-staffordshire-street.csv.gz"));
    byPath("police-uk/2025-06-staffordshire-street.csv.gz").rows = 9000;
    byPath("ons/lsoa_to_lad_staffordshire_derived.csv.gz").bytes = 1;
    byPath("stats19/dft-road-casualty-statistics-collision-2023-staffordshire.csv.gz").period = "2022";
    writeManifestAt(snap.dir, manifest);
    const result = await checkSnapshot(snap.dir);
    expect(result.errors.sort()).toEqual([
      `ons/lsoa_to_lad_staffordshire_derived.csv.gz, field "bytes": expected 1 bytes, as manifest.json says, found "${bytes} bytes"`,
      `police-uk/2025-05-staffordshire-street.csv.gz: expected the file manifest.json lists, found "no such file"`,
      `police-uk/2025-06-staffordshire-street.csv.gz, field "rows": expected 9000 rows, as manifest.json says, found "${rows} rows"`,
      `stats19/dft-road-casualty-statistics-collision-2023-staffordshire.csv.gz, field "period": expected kind collision and period 2023, as the file name says, found "collision 2022"`,
      `stats19/dft-road-casualty-statistics-collision-2023-staffordshire.csv.gz, line 2, field "accident_year": expected the file's year 2022, found "2023"`
    ]);
  });

  it("rejects another force's file and an unreadable manifest", async () => {
    const snap = snapshot();
    const manifest = readManifestAt(snap.dir);
    const june = manifest.files.find((f) => f.path === "police-uk/2025-06-staffordshire-street.csv.gz")!;
    cpSync(join(snap.dir, june.path), join(snap.dir, "police-uk/2025-06-west-midlands-street.csv.gz"));
    writeManifestAt(snap.dir, {...manifest, files: [...manifest.files, {...june, path: "police-uk/2025-06-west-midlands-street.csv.gz"}]});
    expect((await checkSnapshot(snap.dir)).errors).toEqual([`police-uk/2025-06-west-midlands-street.csv.gz: expected a file of force staffordshire, found "west-midlands"`]);
    writeFileSync(join(snap.dir, "manifest.json"), "{\"files\": [");
    expect((await checkSnapshot(snap.dir)).errors).toEqual([expect.stringMatching(/^manifest\.json: expected a readable JSON manifest, found /)]);
  });

  it("npm run check-data exits 0 with the report, or 1 naming the bad file, line and field", async () => {
    const snap = snapshot();
    const run = promisify(execFile);
    const cli = () => run(process.execPath, ["--import", "tsx", join(ROOT, "loaders", "cli", "check-data.ts"), "--snapshot", snap.dir], {cwd: ROOT}).then(
      (r) => ({code: 0, ...r}), (e: {code: number; stdout: string; stderr: string}) => ({code: e.code, stdout: e.stdout, stderr: e.stderr}));
    const ok = await cli();
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("police-uk\n  street: 2 files;");
    expect(ok.stdout).toContain("OK: no errors");

    // Corrupt one row of a street file in place, and give the manifest matching checksums: only the row is wrong.
    const path = "police-uk/2025-06-staffordshire-street.csv.gz";
    const rows = readManifestAt(snap.dir).files.find((f) => f.path === path)!.rows;
    const text = gunzipSync(readFileSync(join(snap.dir, path))).toString("utf8").split("\n");
    text[7] = text[7].replace(/,(-?\d+\.\d+),(\d+\.\d+),/, ",$1,north,");
    putFile(snap.dir, path, Buffer.from(text.join("\n")), {source: "police-uk", kind: "street", rows, period: "2025-06"});
    const bad = await cli();
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`1 error:\n  ${path}, line 8, field "Latitude": expected a latitude between 49 and 61 (or both coordinates empty), found "north"`);
  });
});
