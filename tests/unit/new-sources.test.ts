// The readers of the second hunt's data (dBase IMD table, national police.uk counts, all districts' population)
// and check-data's LSOA mapping: real files pass and agree with counts taken independently; broken copies are
// rejected naming file, line (or record) and field.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {csvParse} from "d3-dsv";
import {afterEach, describe, expect, it} from "vitest";
import {readDbf} from "../../loaders/lib/dbf.ts";
import {readManifest} from "../../loaders/lib/manifest.ts";
import {SNAPSHOT_DIR} from "../../loaders/lib/paths.ts";
import {checkSnapshot} from "../../loaders/snapshot/check.ts";
import {readImd} from "../../loaders/sources/imd-read.ts";
import {districtOfLsoaName, lsoaVintage} from "../../loaders/sources/lsoa-districts.ts";
import {putFile, readManifestAt, tempSnapshot, type TempSnapshot} from "./lib/temp-snapshot.ts";

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
const csvOf = (path: string) => csvParse(gunzipSync(readFileSync(join(SNAPSHOT_DIR, path))).toString("utf8"));
const snapPath = (kind: string) => readManifest().files.find((f) => f.kind === kind)!.path;

/** A dBase III table written byte by byte (independent of the reader): fields [name, type, size], rows of strings. */
function dbf(fields: [string, string, number][], rows: string[][], options: {deleted?: number[]; eof?: boolean} = {}): Buffer {
  const recordLength = 1 + fields.reduce((s, f) => s + f[2], 0);
  const headerLength = 32 + 32 * fields.length + 1;
  const header = Buffer.alloc(32);
  header[0] = 0x03;
  header.writeUInt32LE(rows.length, 4);
  header.writeUInt16LE(headerLength, 8);
  header.writeUInt16LE(recordLength, 10);
  const descriptors = fields.map(([name, type, size]) => {
    const d = Buffer.alloc(32);
    d.write(name, 0, "latin1");
    d.write(type, 11, "latin1");
    d[16] = size;
    return d;
  });
  const records = rows.map((r, i) => Buffer.from((options.deleted?.includes(i) ? "*" : " ") + r.map((v, j) => (fields[j][1] === "C" ? v.padEnd(fields[j][2]) : v.padStart(fields[j][2]))).join(""), "latin1"));
  return Buffer.concat([header, ...descriptors, Buffer.from([0x0d]), ...records, ...(options.eof === false ? [] : [Buffer.from([0x1a])])]);
}

describe("dBase reader", () => {
  const fields: [string, string, number][] = [["code", "C", 9], ["rank", "N", 5], ["area", "N", 24]];
  it("reads character and numeric fields, skips deleted records, blank numbers are null", () => {
    const t = readDbf(dbf(fields, [["E01000001", "3", "343894.195701599004678"], ["E01000002", "1", ""], ["E01000003", "2", "1"]], {deleted: [2]}), "t.dbf");
    expect(t.fields.map((f) => `${f.name}:${f.type}${f.size}`)).toEqual(["code:C9", "rank:N5", "area:N24"]);
    expect(t.recordCount).toBe(3);
    expect([...t.records()]).toEqual([
      {record: 1, values: {code: "E01000001", rank: 3, area: 343894.195701599}},
      {record: 2, values: {code: "E01000002", rank: 1, area: null}}
    ]);
    expect([...readDbf(dbf(fields, [["E01000001", "3", "1"]], {eof: false}), "t.dbf").records()]).toHaveLength(1);
  });

  it("rejects a wrong version, a truncated table, a record length that disagrees, a bad number and other field types", () => {
    const good = dbf(fields, [["E01000001", "3", "1"], ["E01000002", "4", "2"]]);
    const version = Buffer.from(good);
    version[0] = 0x30;
    expect(() => readDbf(version, "t.dbf")).toThrow('t.dbf, field "version": expected a dBase III table (version byte 0x03 or 0x83), found "0x30"');
    expect(() => readDbf(good.subarray(0, good.length - 10), "t.dbf")).toThrow(/^t\.dbf, field "record count": expected 2 records of 39 bytes/);
    const length = Buffer.from(good);
    length.writeUInt16LE(40, 10);
    expect(() => readDbf(length, "t.dbf")).toThrow('t.dbf, field "record length": expected 39 bytes (the sum of the field sizes and the deletion flag), found "40 bytes"');
    expect(() => [...readDbf(dbf(fields, [["E01000001", "3", "1"], ["E01000002", "4x", "2"]]), "t.dbf").records()]).toThrow('t.dbf, record 2, field "rank": expected a number, found "4x"');
    expect(() => readDbf(dbf([["when", "D", 8]], [["20250101"]]), "t.dbf")).toThrow('t.dbf, field "when": expected a character (C) or numeric (N, F) field, found "type D"');
  });
});

describe("IMD 2019 table", () => {
  const file = join(SNAPSHOT_DIR, snapPath("imd-lsoa"));
  const imd = readImd(file);

  it("ranks England's 32,844 LSOAs in ten deciles of 3,284 or 3,285, and holds every 2011 LSOA of the force area", () => {
    expect(imd.rows.length + imd.welsh.length).toBe(readManifest().files.find((f) => f.kind === "imd-lsoa")!.rows);
    expect(imd.rows.length).toBe(32_844);
    const perDecile = new Map<number, number>();
    for (const r of imd.rows) perDecile.set(r.decile, (perDecile.get(r.decile) ?? 0) + 1);
    expect([...perDecile.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const n of perDecile.values()) expect([3284, 3285]).toContain(n);
    expect(imd.welsh.every((c) => c.startsWith("W01"))).toBe(true);
    // The lookup's 2011 LSOAs (those with a 2011 polygon) all have a rank.
    const codes = new Set(imd.rows.map((r) => r.lsoaCode));
    const lookup2011 = csvOf(snapPath("lsoa-lookup")).filter((d) => d.in_lsoa2011_boundaries === "1").map((d) => d.lsoa_code!);
    expect(lookup2011.length).toBe(687);
    expect(lookup2011.filter((c) => !codes.has(c))).toEqual([]);
  });

  it("rejects a decile that disagrees with the rank, naming the record", () => {
    const bytes = gunzipSync(readFileSync(file));
    const t = readDbf(bytes, "x");
    const header = bytes.readUInt16LE(8), length = bytes.readUInt16LE(10);
    const first = [...t.records()].find((r) => String(r.values.lsoa11cd).startsWith("E"))!;
    // Move the decile field of that record one decile over (fields before IMDDecil give its offset).
    const at = header + (first.record - 1) * length + 1 + t.fields.slice(0, t.fields.findIndex((f) => f.name === "IMDDecil")).reduce((s, f) => s + f.size, 0);
    const decile = Number(first.values.IMDDecil);
    bytes.write(String(decile === 10 ? 9 : decile + 1).padStart(2), at, "latin1");
    const snap = tempSnapshot((e) => e.kind === "lsoa-lookup");
    cleanups.push(snap.cleanup);
    putFile(snap.dir, "mhclg/imd2019-lsoa11.dbf.gz", bytes, {source: "mhclg", kind: "imd-lsoa", rows: 34_753, period: "2019"});
    return checkSnapshot(snap.dir).then((result) => {
      expect(result.errors).toEqual([`mhclg/imd2019-lsoa11.dbf.gz, record ${first.record}, field "IMDDecil": expected decile ${decile} for rank ${first.values.IMDRank} of 32844, found "${decile === 10 ? 9 : decile + 1}"`]);
    });
  });
});

describe("national police.uk counts", () => {
  const NATIONAL = (e: {source: string; kind: string}) => e.source === "police-uk-national" || e.kind === "lsoa-lookup";
  const inputsPath = "police-uk-national/inputs-2025.csv.gz";
  const ladPath = "police-uk-national/force-lad-month-type-2025.csv.gz";
  const text = (path: string) => gunzipSync(readFileSync(join(SNAPSHOT_DIR, path))).toString("utf8");
  const meta = (kind: string, rows: number) => ({source: "police-uk-national" as const, kind, rows, period: "2025"});
  async function checkWithLad(lines: string[]): Promise<string[]> {
    const snap = tempSnapshot(NATIONAL);
    cleanups.push(snap.cleanup);
    putFile(snap.dir, ladPath, Buffer.from(lines.join("\n") + "\n"), meta("force-lad-month-type", lines.length - 1));
    return (await checkSnapshot(snap.dir)).errors;
  }

  it("the real tables pass; their totals equal the rows of every file read, which the inputs list gives", async () => {
    const snap = tempSnapshot(NATIONAL);
    cleanups.push(snap.cleanup);
    expect((await checkSnapshot(snap.dir)).errors).toEqual([]);
    // Independently: sum by force and month with d3-dsv, compare with the inputs list.
    const inputs = csvOf(inputsPath);
    for (const path of [ladPath, "police-uk-national/force-month-type-outcome-2025.csv.gz"]) {
      const sums = new Map<string, number>();
      for (const d of csvOf(path)) sums.set(`${d.force} ${d.month}`, (sums.get(`${d.force} ${d.month}`) ?? 0) + Number(d.count));
      expect(Object.fromEntries(sums)).toEqual(Object.fromEntries(inputs.filter((d) => d.status === "read").map((d) => [`${d.force} ${d.month}`, Number(d.rows)])));
    }
    expect(inputs.filter((d) => d.status === "read").reduce((s, d) => s + Number(d.rows), 0)).toBe(4_015_457); // PROVENANCE's total
  });

  it("rejects a bad header, a negative count, an unknown type, a force-month not read, and totals that disagree", async () => {
    const lines = text(ladPath).trimEnd().split("\n");
    const staffs = lines.findIndex((l) => l.startsWith("staffordshire,2025-06,Stafford,Burglary,"));
    const [, , , , count] = lines[staffs].split(",");
    const edit = (i: number, from: RegExp | string, to: string) => lines.map((l, j) => (j === i ? l.replace(from, to) : l));
    expect(await checkWithLad(edit(0, "crime_type", "type"))).toEqual([`${ladPath}, line 1, field "crime_type": expected header column 4 to be "crime_type", found "type"`]);
    expect(await checkWithLad(edit(staffs, /,\d+$/, ",-3"))).toEqual([`${ladPath}, line ${staffs + 1}, field "count": expected a count (a whole number, 0 or more), found "-3"`]);
    expect(await checkWithLad(edit(staffs, "Burglary", "Burglary of a dwelling"))).toEqual([expect.stringContaining(`${ladPath}, line ${staffs + 1}, field "crime_type": expected one of the 14 police.uk categories`)]);
    expect(await checkWithLad(edit(staffs, "staffordshire,2025-06", "west-midlands,2025-06"))).toEqual([
      `${ladPath}, line ${staffs + 1}, field "month": expected a force and month that ${inputsPath} lists as read, found "west-midlands 2025-06 (absent)"`]);
    const inputLine = csvOf(inputsPath).findIndex((d) => d.force === "staffordshire" && d.month === "2025-06") + 2;
    expect(await checkWithLad(edit(staffs, /,\d+$/, `,${Number(count) + 1}`))).toEqual([
      `${ladPath}, field "count": expected counts for staffordshire 2025-06 adding up to 9395, the rows ${inputsPath} (line ${inputLine}) says were read, found "9396"`]);
    expect(await checkWithLad(lines.filter((l) => !l.startsWith("staffordshire,2025-06,")))).toEqual([
      `${ladPath}, field "force": expected counts for staffordshire 2025-06, which ${inputsPath} (line ${inputLine}) lists as read with 9395 rows, found "none"`]);
  });
});

describe("districts of England and Wales", () => {
  it("331 districts, Census 2021 population summing to 59,597,500; a bad code or population is named", async () => {
    const rows = csvOf(snapPath("population-ew"));
    expect(rows.length).toBe(331);
    expect(rows.reduce((s, d) => s + Number(d.population_2021), 0)).toBe(59_597_500); // PROVENANCE's sum
    const text = gunzipSync(readFileSync(join(SNAPSHOT_DIR, snapPath("population-ew")))).toString("utf8").split("\n");
    const i = text.findIndex((l) => l.startsWith("E07000197,"));
    const snap = tempSnapshot((e) => e.kind === "lsoa-lookup");
    cleanups.push(snap.cleanup);
    const put = (lines: string[]) => putFile(snap.dir, snapPath("population-ew"), Buffer.from(lines.join("\n")), {source: "ons", kind: "population-ew", rows: 331, period: "2021"});
    put(text.map((l, j) => (j === i ? l.replace("E07000197", "E0700019") : l)));
    expect((await checkSnapshot(snap.dir)).errors).toEqual([`${snapPath("population-ew")}, line ${i + 1}, field "lad_code": expected an ONS local authority code like E07000197, found "E0700019"`]);
    put(text.map((l, j) => (j === i ? l.replace(/,136800,/, ",-1,") : l)));
    expect((await checkSnapshot(snap.dir)).errors).toEqual([`${snapPath("population-ew")}, line ${i + 1}, field "population_2021": expected a positive whole number of people, found "-1"`]);
  });
});

describe("LSOA codes of both vintages", () => {
  it("check-data maps every street row's LSOA to a district and lists the codes that map nowhere, with counts equal to the raw files'", async () => {
    const snap: TempSnapshot = tempSnapshot((e) => ["lsoa-lookup", "population-ew", "imd-lsoa"].includes(e.kind) || /police-uk\/2022-0[1-2]|police-uk\/2025-06/.test(e.path));
    cleanups.push(snap.cleanup);
    const result = await checkSnapshot(snap.dir);
    expect(result.errors).toEqual([]);
    const lookup = new Set(csvOf(snapPath("lsoa-lookup")).map((d) => d.lsoa_code!));
    const districts = new Set(csvOf(snapPath("population-ew")).map((d) => d.lad_name!.replace(/^the /, "")));
    const expected = ["2011", "2021"].map((vintage) => {
      const rows = readManifestAt(snap.dir).files.filter((f) => f.kind === "street").flatMap((f) => csvOf(f.path)).filter((d) => d["LSOA code"] !== "" && lsoaVintage(d.Month!) === vintage);
      const inLookup = rows.filter((d) => lookup.has(d["LSOA code"]!));
      const nowhere = rows.filter((d) => !lookup.has(d["LSOA code"]!) && !districts.has(d["LSOA name"]!.replace(/ \d{3}[A-Z]$/, "").replace(/^The /, "")));
      return {rows: rows.length, inLookup: inLookup.length, nowhere: nowhere.length};
    });
    expect(expected[0].rows).toBeGreaterThan(10_000);
    expect(result.notes).toHaveLength(2);
    for (const [i, note] of result.notes.entries()) {
      const e = expected[i];
      expect(note).toContain(`${e.rows.toLocaleString("en-GB")} rows in`);
      expect(note).toContain(`${e.inLookup.toLocaleString("en-GB")} rows (`);
      expect(note).toContain(`${(e.rows - e.inLookup - e.nowhere).toLocaleString("en-GB")} rows in other districts`);
      if (e.nowhere) expect(note).toMatch(new RegExp(`${e.nowhere} rows? in \\d+ codes? maps? nowhere`));
      else expect(note).toContain("no code maps nowhere");
    }
  });

  it("a 2022 file's LSOA name gives its district; 2011 names keep their 2011 districts", () => {
    expect(districtOfLsoaName("Walsall 012A")).toBe("Walsall");
    expect(districtOfLsoaName("The Vale of Glamorgan 008A")).toBe("Vale of Glamorgan");
    expect(lsoaVintage("2022-11")).toBe("2011");
    expect(lsoaVintage("2023-06")).toBe("2021");
  });
});
