// The published extracts equal counts taken straight from the raw files, and builds are deterministic.
import {mkdtempSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {buildExtracts, extractFile} from "../../loaders/extracts/build.ts";
import {EXTRACTS} from "../../loaders/extracts/definitions.ts";
import {readManifest} from "../../loaders/lib/manifest.ts";
import {withExtracts} from "../../loaders/extracts/query.ts";
import {csvParse} from "d3-dsv";
import {areaOf, countBy, lsoaToArea, rawCollisions, rawStreetRows} from "./raw-counts.ts";
import {gunzipSync} from "node:zlib";
import {readDbf} from "../../loaders/lib/dbf.ts";
import {areas} from "../../loaders/lib/force.ts";
import {SNAPSHOT_DIR} from "../../loaders/lib/paths.ts";

const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, {recursive: true, force: true})));

describe("street-crime-monthly", () => {
  test("CSV has exactly the published columns", async () => {
    const header = readFileSync(await extractFile("street-crime-monthly", "csv"), "utf8").split("\n")[0];
    expect(header).toBe("month,area_code,area_name,lsoa_code,crime_type,count");
  });

  test("every raw row is counted exactly once: totals by month, type and area match the raw files", async () => {
    const raw = await rawStreetRows();
    const lookup = lsoaToArea();
    const manifestRows = readManifest().files.filter((f) => f.kind === "street").reduce((s, f) => s + (f.rows ?? 0), 0);
    expect(raw.length).toBe(manifestRows);
    const csv = csvParse(readFileSync(await extractFile("street-crime-monthly", "csv"), "utf8"));
    const sum = (key: (d: (typeof csv)[number]) => string) => {
      const m = new Map<string, number>();
      for (const d of csv) m.set(key(d), (m.get(key(d)) ?? 0) + Number(d.count));
      return m;
    };
    expect(csv.reduce((s, d) => s + Number(d.count), 0)).toBe(raw.length);
    expect(sum((d) => d.month!)).toEqual(countBy(raw, (r) => r.month));
    expect(sum((d) => d.crime_type!)).toEqual(countBy(raw, (r) => r.crimeType));
    expect(sum((d) => d.area_code!)).toEqual(countBy(raw, (r) => areaOf(r, lookup)));
    expect(sum((d) => `${d.month}|${d.area_code}|${d.crime_type}`)).toEqual(countBy(raw, (r) => `${r.month}|${areaOf(r, lookup)}|${r.crimeType}`));
    expect(sum((d) => d.lsoa_code ?? "")).toEqual(countBy(raw, (r) => r.lsoaCode));
  });
});

describe("road-collisions", () => {
  test("one row per raw collision, severity and area counts match", async () => {
    const raw = await rawCollisions();
    const rows = csvParse(readFileSync(await extractFile("road-collisions", "csv"), "utf8"));
    expect(rows.length).toBe(raw.length);
    const severity = ["", "Fatal", "Serious", "Slight"];
    expect(countBy(rows, (d) => d.severity!)).toEqual(countBy(raw, (r) => severity[r.severity]));
    expect(countBy(rows, (d) => d.area_code!)).toEqual(countBy(raw, (r) => r.ladCode));
    expect(rows.filter((d) => d.ksi === "true").length).toBe(raw.filter((r) => r.severity <= 2).length);
    expect(countBy(rows, (d) => d.hour ?? "")).toEqual(countBy(raw, (r) => (r.hour === null ? "" : String(r.hour))));
  });
});

test("outcome extract leaves out anti-social behaviour and counts every crime once", async () => {
  const raw = (await rawStreetRows()).filter((r) => r.crimeType !== "Anti-social behaviour");
  const total = await withExtracts(async (db) => (await db.all<{n: number}>("SELECT sum(count)::INTEGER AS n FROM street_outcomes_monthly"))[0].n);
  expect(total).toBe(raw.length);
});

test("two builds from one snapshot give byte-identical extracts", async () => {
  const a = mkdtempSync(join(tmpdir(), "extracts-a-")), b = mkdtempSync(join(tmpdir(), "extracts-b-"));
  tmp.push(a, b);
  await buildExtracts(a);
  await buildExtracts(b);
  const files = readdirSync(a).sort();
  expect(files).toEqual(readdirSync(b).sort());
  expect(files.length).toBeGreaterThanOrEqual(EXTRACTS.filter((e) => e.needs.length === 0).length * 2);
  for (const f of files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
});

test("published-measures extract carries every validated figure with its citation fields", async () => {
  const {readPublishedMeasures} = await import("../../loaders/sources/published.ts");
  const rows = readPublishedMeasures();
  const csv = csvParse(readFileSync(await extractFile("published-measures", "csv"), "utf8"));
  expect(csv.length).toBe(rows.length);
  const byId = new Map(csv.map((d) => [d.id, d]));
  for (const r of rows) {
    const d = byId.get(r.id)!;
    expect(Number(d.value), r.id).toBe(r.value);
    expect(d.document).toBe(r.document);
    expect(d.section).toBe(r.section);
  }
});

describe("national and deprivation extracts", () => {
  const raw = (path: string) => csvParse(gunzipSync(readFileSync(join(SNAPSHOT_DIR, path))).toString("utf8"));

  test("street-crime-monthly spans 2022, 2024 and 2025, and its 2022 counts by type and district equal the raw 2022 files'", async () => {
    const csv = csvParse(readFileSync(await extractFile("street-crime-monthly", "csv"), "utf8"));
    expect([...new Set(csv.map((d) => d.month!.slice(0, 4)))].sort()).toEqual(["2022", "2024", "2025"]);
    const lookup = lsoaToArea();
    const raw2022 = (await rawStreetRows()).filter((r) => r.month.startsWith("2022"));
    expect(raw2022.length).toBe(102_793); // PROVENANCE's total for 2022-01…11
    const sum = (key: (d: (typeof csv)[number]) => string) => {
      const m = new Map<string, number>();
      for (const d of csv.filter((d) => d.month!.startsWith("2022"))) m.set(key(d), (m.get(key(d)) ?? 0) + Number(d.count));
      return m;
    };
    expect(sum((d) => `${d.area_code}|${d.crime_type}`)).toEqual(countBy(raw2022, (r) => `${areaOf(r, lookup)}|${r.crimeType}`));
  });

  test("force-crime-monthly and force-outcomes-monthly keep every count of the raw tables, with district codes for every named district", async () => {
    for (const [name, path] of [["force-crime-monthly", "police-uk-national/force-lad-month-type-2025.csv.gz"], ["force-outcomes-monthly", "police-uk-national/force-month-type-outcome-2025.csv.gz"]]) {
      const csv = csvParse(readFileSync(await extractFile(name, "csv"), "utf8"));
      const table = raw(path);
      expect(csv.length, name).toBe(table.length);
      const byForceMonth = (rows: typeof csv) => {
        const m = new Map<string, number>();
        for (const d of rows) m.set(`${d.force}|${d.month}`, (m.get(`${d.force}|${d.month}`) ?? 0) + Number(d.count));
        return m;
      };
      expect(byForceMonth(csv), name).toEqual(byForceMonth(table));
    }
    const crime = csvParse(readFileSync(await extractFile("force-crime-monthly", "csv"), "utf8"));
    expect(crime.filter((d) => d.lad_name !== "" && d.lad_code === "")).toEqual([]);
    expect(crime.filter((d) => d.lad_name === "" && d.lad_code !== "")).toEqual([]);
    expect(new Set(crime.filter((d) => d.force === "staffordshire").map((d) => d.force_name))).toEqual(new Set(["Staffordshire Police"]));
  });

  test("force-files lists every force and month of the inputs list; districts has all 331 with Staffordshire's nine", async () => {
    const files = csvParse(readFileSync(await extractFile("force-files", "csv"), "utf8"));
    expect(files.map((d) => `${d.force} ${d.month} ${d.status} ${d.rows}`)).toEqual(raw("police-uk-national/inputs-2025.csv.gz").map((d) => `${d.force} ${d.month} ${d.status === "read" ? "read" : "absent"} ${d.rows}`));
    const districts = csvParse(readFileSync(await extractFile("districts", "csv"), "utf8"));
    expect(districts.length).toBe(331);
    expect(districts.filter((d) => d.force === "staffordshire").map((d) => d.lad_code).sort()).toEqual(areas.map((a) => a.code).sort());
  });

  test("lsoa-deprivation gives every LSOA of the lookup its 2011 parent's IMD decile, as the raw dBase table has it", async () => {
    const csv = csvParse(readFileSync(await extractFile("lsoa-deprivation", "csv"), "utf8"));
    const lookup = raw("ons/lsoa_to_lad_staffordshire_derived.csv.gz");
    expect(csv.map((d) => d.lsoa_code).sort()).toEqual(lookup.map((d) => d.lsoa_code).sort());
    const table = readDbf(gunzipSync(readFileSync(join(SNAPSHOT_DIR, "mhclg/imd2019-lsoa11.dbf.gz"))), "imd");
    const decile = new Map([...table.records()].map((r) => [String(r.values.lsoa11cd), Number(r.values.IMDDecil)]));
    for (const d of csv) expect(Number(d.imd_decile), d.lsoa_code).toBe(decile.get(d.lsoa11_code!));
    expect(csv.filter((d) => d.lsoa_set === "2021").length).toBe(23);
    expect(csv.filter((d) => d.lsoa_set !== "2021").every((d) => d.lsoa11_code === d.lsoa_code)).toBe(true);
  });
});
