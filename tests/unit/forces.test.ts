// Force areas by the national PROVENANCE's rule, recomputed here straight from the raw count table and population
// file (d3-dsv, no project reader), and checked against data/reference/areas.csv; neighbours by shared boundaries.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {csvParse} from "d3-dsv";
import {beforeAll, describe, expect, it} from "vitest";
import {assignForceAreas, readForceAreas, type ForceAreas} from "../../loaders/geo/force-areas.ts";
import {districtNeighbours, districtOwners, forceNeighbours} from "../../loaders/geo/force-neighbours.ts";
import {areas as configuredAreas, force as configuredForce} from "../../loaders/lib/force.ts";
import {REFERENCE_DIR, SNAPSHOT_DIR} from "../../loaders/lib/paths.ts";
import type {District} from "../../loaders/sources/ons-districts-read.ts";
import type {InputFile} from "../../loaders/sources/police-uk-national-read.ts";
import {rawNational} from "./lib/raw-national.ts";

const raw = (path: string) => csvParse(gunzipSync(readFileSync(join(SNAPSHOT_DIR, path))).toString("utf8"));

let fa: ForceAreas;
beforeAll(async () => {
  fa = await readForceAreas();
});

describe("force areas", () => {
  it("Staffordshire gets exactly its nine districts (areas.csv), population 1,134,300", () => {
    const staffs = fa.forces.find((f) => f.force === configuredForce.id)!;
    const reference = csvParse(readFileSync(join(REFERENCE_DIR, "areas.csv"), "utf8"));
    expect(staffs.districts.map((d) => d.code).sort()).toEqual(reference.map((d) => d.area_code!).sort());
    expect(staffs.population).toBe(reference.reduce((s, d) => s + Number(d.population), 0));
    expect(staffs.population).toBe(1_134_300);
    expect(staffs.months).toHaveLength(12);
    expect(configuredAreas.map((a) => a.code).sort()).toEqual(staffs.districts.map((d) => d.code).sort());
  });

  it("no district belongs to two forces; every district is in one force or listed as unassigned; every name matches", () => {
    const owners = new Map<string, string[]>();
    for (const f of fa.forces) for (const d of f.districts) owners.set(d.code, [...(owners.get(d.code) ?? []), f.force]);
    expect([...owners].filter(([, list]) => list.length > 1)).toEqual([]);
    const all = raw("ons/lad_population_census2011_2021_ew.csv.gz").map((d) => d.lad_code!);
    expect([...owners.keys(), ...fa.unassigned.map((u) => u.code)].sort()).toEqual([...all].sort());
    expect(fa.unmatchedNames).toEqual([]);
    expect(fa.forces.some((f) => f.force === "btp")).toBe(false);
  });

  it("agrees with the rule computed straight from the raw files", () => {
    const expected = rawNational().owner;
    const got = new Map(fa.forces.flatMap((f) => f.districts.map((d) => [d.code, f.force] as const)));
    expect(Object.fromEntries([...got].sort())).toEqual(Object.fromEntries([...expected].sort()));
    // Forces whose own files are absent or not published hold no area: their districts are unassigned.
    const unassigned = new Set(fa.unassigned.map((u) => u.name));
    for (const d of ["Birmingham", "Walsall", "Wolverhampton", "Manchester", "Leeds", "Westminster"]) expect(unassigned.has(d), d).toBe(true);
  });

  it("the floor keeps a neighbour's snapped rows from taking a district: below 10 per 1,000 a year stays unassigned", () => {
    const districts: District[] = [{line: 2, code: "E08000030", name: "Walsall", regionCode: "E12000005", region: "West Midlands", country: "England", population: 284_100, population2011: 269_323}];
    const inputs: InputFile[] = Array.from({length: 12}, (_, i) => ({line: i + 2, force: "staffordshire", month: `2025-${String(i + 1).padStart(2, "0")}`, read: true, status: "read", rows: 1, fallsWithin: [["Staffordshire Police", 1]]}));
    const rows = (n: number) => [{force: "staffordshire", month: "2025-01", ladName: "Walsall", count: n}];
    expect(assignForceAreas(rows(2840), districts, inputs, "2025").forces).toEqual([]); // 9.996 a year per 1,000
    expect(assignForceAreas(rows(2841), districts, inputs, "2025").forces.map((f) => f.districts.map((d) => d.name))).toEqual([["Walsall"]]);
  });
});

describe("neighbouring forces", () => {
  it("share a district boundary with Staffordshire's area; bordering districts of absent forces are named", () => {
    const names = new Map(fa.forces.map((f) => [f.force, f.name]));
    const n = forceNeighbours(districtOwners(fa), names, "staffordshire", districtNeighbours());
    expect(n.forces.map((f) => f.force).sort()).toEqual(["cheshire", "derbyshire", "leicestershire", "warwickshire", "west-mercia"]);
    expect(n.unassigned.map((d) => d.name)).toEqual(["Birmingham", "Dudley", "Walsall", "Wolverhampton"]);
    // Symmetric: Staffordshire is Derbyshire's neighbour too.
    expect(forceNeighbours(districtOwners(fa), names, "derbyshire", districtNeighbours()).forces.map((f) => f.force)).toContain("staffordshire");
  });
});
