// Local area pages: the headline numbers each page shows, checked against counts taken straight from the raw
// police.uk files (readStreetCrime) and the snapshot's LSOA lookup — a path independent of the DuckDB extracts.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {beforeAll, describe, expect, test} from "vitest";
import {formatCount, formatRate} from "../../src/components/format.ts";
import {areaFacts, type AllFacts} from "../../loaders/areas/facts.ts";
import {placeNames} from "../../loaders/areas/places.ts";
import {countBands} from "../../loaders/areas/charts.ts";
import {describeMonths, rankWords} from "../../loaders/lib/words.ts";
import {readLsoaFeatures} from "../../loaders/geo/boundaries.ts";
import {webTopology} from "../../loaders/geo/topology.ts";
import {areas} from "../../loaders/lib/force.ts";
import {readManifest} from "../../loaders/lib/manifest.ts";
import {SNAPSHOT_DIR} from "../../loaders/lib/paths.ts";
import {withExtracts} from "../../loaders/extracts/query.ts";
import {areaPage} from "../../loaders/areas/page.ts";
import {readStreetCrime} from "../../loaders/sources/police-uk-read.ts";
import {feature} from "topojson-client";

const ASB = "Anti-social behaviour";

interface RawCounts {
  months: string[];
  /** area code → month → {crime, asb} */
  byArea: Map<string, Map<string, {crime: number; asb: number}>>;
}

/** Straight from the files: every street row, placed in an area by its LSOA code through the ONS lookup. */
async function rawCounts(): Promise<RawCounts> {
  const manifest = readManifest();
  const lookupFile = manifest.files.find((f) => f.kind === "lsoa-lookup")!;
  const [header, ...lines] = gunzipSync(readFileSync(join(SNAPSHOT_DIR, lookupFile.path))).toString("utf8").trim().split(/\r?\n/);
  const cols = header.split(",");
  const lad = new Map(lines.map((l) => l.split(",")).map((v) => [v[cols.indexOf("lsoa_code")], v[cols.indexOf("lad_code")]]));
  const byArea = new Map(areas.map((a) => [a.code, new Map<string, {crime: number; asb: number}>()]));
  const months = new Set<string>();
  for (const f of manifest.files.filter((x) => x.source === "police-uk" && x.kind === "street")) {
    for await (const row of readStreetCrime(join(SNAPSHOT_DIR, f.path))) {
      months.add(row.month);
      const area = byArea.get(lad.get(row.lsoaCode) ?? "");
      if (!area) continue;
      const m = area.get(row.month) ?? {crime: 0, asb: 0};
      if (row.crimeType === ASB) m.asb++;
      else m.crime++;
      area.set(row.month, m);
    }
  }
  return {months: [...months].sort(), byArea};
}

const shift = (month: string, by: number) => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1));
  return d.toISOString().slice(0, 7);
};

/** data-measure values shown on a page, as text. */
function shown(markdown: string): Map<string, string> {
  return new Map([...markdown.matchAll(/data-measure="([a-z-]+)">([^<]+)</g)].map((m) => [m[1], m[2]]));
}

let raw: RawCounts;
let facts: AllFacts;
beforeAll(async () => {
  raw = await rawCounts();
  facts = await withExtracts((db) => areaFacts(db));
}, 120_000);

describe("area facts against the raw police.uk files", () => {
  test("the latest 12 months and the compared months are the ones the files hold", () => {
    const latest = raw.months.at(-1)!;
    const last12 = Array.from({length: 12}, (_, i) => shift(latest, i - 11)).filter((m) => raw.months.includes(m));
    expect(facts.last12).toEqual(last12);
    expect(facts.compare.after).toEqual(last12.filter((m) => raw.months.includes(shift(m, -12))));
    expect(facts.compare.before).toEqual(facts.compare.after.map((m) => shift(m, -12)));
    expect(facts.compare.before.length).toBeGreaterThan(0);
  });

  for (const area of areas) {
    test(`${area.name}: the page shows crime and ASB for the latest 12 months, rates and the year-on-year change as counted from the files`, async () => {
      const months = raw.byArea.get(area.code)!;
      const total = (list: string[], key: "crime" | "asb") => list.reduce((s, m) => s + (months.get(m)?.[key] ?? 0), 0);
      const crime = total(facts.last12, "crime"), asb = total(facts.last12, "asb");
      const before = total(facts.compare.before, "crime"), after = total(facts.compare.after, "crime");
      const f = facts.areas.find((a) => a.area.code === area.code)!;
      expect({crime: f.crime, asb: f.asb, before: f.totalsBefore.crime, after: f.totalsAfter.crime}).toEqual({crime, asb, before, after});
      expect(f.crimeRate).toBeCloseTo((crime / area.population) * 1000, 9);

      const page = shown(await areaPage(area.slug));
      expect(page.get("crime-count")).toBe(formatCount(crime));
      expect(page.get("asb-count")).toBe(formatCount(asb));
      expect(page.get("crime-rate")).toBe(formatRate((crime / area.population) * 1000));
      expect(page.get("asb-rate")).toBe(formatRate((asb / area.population) * 1000));
      expect(page.get("crime-before")).toBe(formatCount(before));
      expect(page.get("crime-after")).toBe(formatCount(after));
      const pct = Math.round(Math.abs((after - before) / before) * 100);
      expect(page.get("crime-change")).toBe(`${after >= before ? "+" : "−"}${pct}%`);
    }, 60_000);
  }

  test("the force figures are the sum of the nine areas", () => {
    expect(facts.force.crime).toBe(facts.areas.reduce((s, a) => s + a.crime, 0));
    expect(facts.force.asb).toBe(facts.areas.reduce((s, a) => s + a.asb, 0));
  });

  test("the page's prose states the largest category with its computed numbers", async () => {
    const f = facts.areas.find((a) => a.area.slug === "stafford")!;
    const md = await areaPage("stafford");
    const top = f.types[0];
    expect(md).toContain(`${top.crimeType} ${top.crimeType.endsWith("s") ? "were" : "was"} the largest category: ${formatCount(top.count)} crimes, ${formatRate(top.rate)} per 1,000 residents`);
  }, 60_000);
});

describe("maps and places", () => {
  test("every LSOA with crime in an area has a polygon, and simplification keeps every LSOA", () => {
    for (const f of facts.areas) {
      const {features} = readLsoaFeatures(f.area.code);
      const codes = new Set(features.map((x) => x.properties.code));
      expect(f.lsoas.filter((l) => !codes.has(l.code)).map((l) => l.code), f.area.name).toEqual([]);
      const topo = webTopology({lsoa: features}, {keep: 0.1});
      const back = feature(topo, topo.objects.lsoa) as unknown as {features: {id: string}[]};
      expect(back.features.map((x) => x.id).sort()).toEqual([...codes].sort());
    }
  });

  test("the 13 retired 2011 LSOAs are replaced by the 23 split 2021 LSOAs", () => {
    const all = areas.map((a) => readLsoaFeatures(a.code));
    expect(all.flatMap((x) => x.retired)).toHaveLength(13);
    expect(all.flatMap((x) => x.added)).toHaveLength(23);
  });

  test("place names come from the ward data, each with its area", () => {
    const places = placeNames();
    expect(places.length).toBeGreaterThan(150);
    expect(places.find((p) => p.name === "Baswich")?.area.slug).toBe("stafford");
    expect(new Set(places.map((p) => p.area.code)).size).toBe(areas.length);
  });
});

describe("wording helpers", () => {
  test("month runs", () => {
    expect(describeMonths(["2024-01", "2024-02", "2024-03", "2024-04", "2025-01", "2025-02"])).toBe("January to April 2024 and January to February 2025");
    expect(describeMonths(["2025-03"])).toBe("March 2025");
  });
  test("ranks", () => {
    expect(rankWords(1, 9)).toBe("the highest of the nine areas");
    expect(rankWords(9, 9)).toBe("the lowest of the nine areas");
    expect(rankWords(3, 9)).toBe("the third highest of the nine areas");
  });
  test("map bands cover every count, without overlaps", () => {
    const counts = [0, 3, 5, 5, 8, 12, 40, 41, 90, 300];
    const bands = countBands(counts);
    for (const c of counts) expect(bands.filter((b) => c >= b.min && c <= b.max)).toHaveLength(1);
    expect(bands[0].min).toBe(0);
    expect(bands.at(-1)!.max).toBe(300);
  });
});
