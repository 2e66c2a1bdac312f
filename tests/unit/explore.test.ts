// The explorer's numbers and its address handling, checked against counts taken straight from the raw police.uk
// files and the populations in data/reference/areas.csv (read here with a CSV parser, not through the config).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {beforeAll, describe, expect, test} from "vitest";
import {exploreBuild, explorePage, type ExploreBuild} from "../../loaders/explore/page.ts";
import {exploreParquet} from "../../loaders/explore/rows.ts";
import {REFERENCE_DIR} from "../../loaders/lib/paths.ts";
import {CSV_COLUMNS, resultCsv} from "../../src/components/explore/csv.ts";
import {decodeExtract} from "../../src/components/explore/data.ts";
import {describeResult, resultNotes} from "../../src/components/explore/figure.ts";
import {computeResult, indexExtract, type Extract} from "../../src/components/explore/model.ts";
import {monthGaps, monthsBetween} from "../../src/components/months.ts";
import {defaultState, MAX_QUERY_LENGTH, MAX_SERIES, parseState, stateToSearch, type ExploreState} from "../../src/components/explore/state.ts";
import {formatCount, formatMonthRange} from "../../src/components/format.ts";
import {securityPolicy} from "../../scripts/html-fixes.ts";
import {areaOf, lsoaToArea, rawStreetRows} from "./raw-counts.ts";

const ASB = "Anti-social behaviour";
let build: ExploreBuild;
let extract: Extract;
/** raw: area code → crime type → month → records */
const raw = new Map<string, Map<string, Map<string, number>>>();
let rawMonths: string[];
const population = new Map(csvParse(readFileSync(join(REFERENCE_DIR, "areas.csv"), "utf8")).map((d) => [d.area_code!, Number(d.population)]));
const slugOf = new Map(csvParse(readFileSync(join(REFERENCE_DIR, "areas.csv"), "utf8")).map((d) => [d.slug!, d.area_code!]));

beforeAll(async () => {
  build = await exploreBuild();
  extract = indexExtract(build.rows.columns, build.catalogue);
  const lookup = lsoaToArea();
  const months = new Set<string>();
  for (const r of await rawStreetRows()) {
    months.add(r.month);
    const area = areaOf(r, lookup);
    const byType = raw.get(area) ?? raw.set(area, new Map()).get(area)!;
    const byMonth = byType.get(r.crimeType) ?? byType.set(r.crimeType, new Map()).get(r.crimeType)!;
    byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + 1);
  }
  rawMonths = [...months].sort();
}, 120_000);

function rawCount(areaCodes: string[], types: ((t: string) => boolean), month: string): number {
  let n = 0;
  for (const code of areaCodes) for (const [t, byMonth] of raw.get(code) ?? []) if (types(t)) n += byMonth.get(month) ?? 0;
  return n;
}

const state = (s: Partial<ExploreState>): ExploreState => ({...defaultState(build.catalogue), ...s});

describe("catalogue", () => {
  test("months, areas and types come from the data and the configuration", () => {
    const c = build.catalogue;
    expect(c.months).toEqual(rawMonths);
    expect(c.areas[0].codes.sort()).toEqual([...population.keys()].sort());
    for (const [slug, code] of slugOf) expect(c.areas.find((a) => a.slug === slug)?.codes).toEqual([code]);
    expect(Object.fromEntries(Object.entries(c.populations))).toEqual(Object.fromEntries(population));
    const rawTypes = [...new Set([...raw.values()].flatMap((m) => [...m.keys()]))].sort();
    expect(c.types.find((t) => t.slug === "all")!.types).toEqual(rawTypes);
    expect(c.types.find((t) => t.slug === "crime")!.types).toEqual(rawTypes.filter((t) => t !== ASB));
    for (const list of [c.areas, c.types]) expect(new Set(list.map((x) => x.slug)).size).toBe(list.length);
  });
});

describe("results match the raw files", () => {
  test("the default view: every record in the configured areas, month by month", () => {
    const r = computeResult(extract, defaultState(build.catalogue), build.catalogue);
    expect(r.months).toEqual(rawMonths);
    expect(r.series).toHaveLength(1);
    expect(r.series[0].counts).toEqual(rawMonths.map((m) => rawCount([...population.keys()], () => true, m)));
  });

  test("one line per area, for one type, as counts and as rates per 1,000 residents", () => {
    const type = "Shoplifting";
    for (const measure of ["count", "rate"] as const) {
      const r = computeResult(extract, state({areas: ["stafford", "tamworth"], types: ["shoplifting"], measure}), build.catalogue);
      expect(r.series.map((s) => s.label)).toEqual(["Stafford", "Tamworth"]);
      for (const [i, slug] of ["stafford", "tamworth"].entries()) {
        const code = slugOf.get(slug)!;
        const counts = rawMonths.map((m) => rawCount([code], (t) => t === type, m));
        expect(r.series[i].counts).toEqual(counts);
        expect(r.series[i].values).toEqual(measure === "count" ? counts : counts.map((c) => (c / population.get(code)!) * 1000));
      }
    }
  });

  test("one line per type over chosen areas; all crime leaves out anti-social behaviour", () => {
    const codes = ["lichfield", "cannock-chase"].map((s) => slugOf.get(s)!);
    const r = computeResult(extract, state({areas: ["lichfield", "cannock-chase"], types: ["crime", "anti-social-behaviour"], view: "types", measure: "rate"}), build.catalogue);
    const people = codes.reduce((s, c) => s + population.get(c)!, 0);
    expect(r.series[0].values).toEqual(rawMonths.map((m) => (rawCount(codes, (t) => t !== ASB, m) / people) * 1000));
    expect(r.series[1].values).toEqual(rawMonths.map((m) => (rawCount(codes, (t) => t === ASB, m) / people) * 1000));
  });

  test("adding up never counts a record twice, and records with no residents get no rate", () => {
    const everything = computeResult(extract, state({areas: ["all", "stafford", "unknown", "outside"], types: ["all", "burglary"], view: "total"}), build.catalogue);
    const allCodes = [...raw.keys()];
    expect(everything.series[0].counts).toEqual(rawMonths.map((m) => rawCount(allCodes, () => true, m)));
    expect(everything.series[0].counts.reduce((a, b) => a + b, 0)).toBe([...raw.values()].flatMap((t) => [...t.values()]).flatMap((m) => [...m.values()]).reduce((a, b) => a + b, 0));
    const rates = computeResult(extract, state({areas: ["stafford", "unknown"], measure: "rate"}), build.catalogue);
    expect(rates.series[1].values.every((v) => v === null)).toBe(true);
    expect(resultNotes(rates).join(" ")).toMatch(/No rate for No location recorded/);
  });

  test("a month range keeps the months held inside it, and names the months not held", () => {
    const from = rawMonths[1], to = rawMonths.at(-2)!;
    const r = computeResult(extract, state({from, to}), build.catalogue);
    expect(r.months).toEqual(rawMonths.filter((m) => m >= from && m <= to));
    const missing = monthsBetween(from, to).filter((m) => !rawMonths.includes(m));
    expect(r.gaps.flatMap((g) => monthsBetween(g.from, g.to))).toEqual(missing);
    if (missing.length) expect(resultNotes(r)[0]).toContain(`Not in this snapshot: ${formatMonthRange(r.gaps[0].from, r.gaps[0].to)}`);
    expect(describeResult(r)).toContain(formatCount(r.series[0].counts.reduce((a, b) => a + b, 0)));
  });

  test("the Parquet file the browser loads decodes (with the browser's code) to the same rows", async () => {
    const columns = await decodeExtract(new Uint8Array(await exploreParquet()).buffer);
    expect(Array.from(columns.month)).toEqual(build.rows.columns.month);
    expect(Array.from(columns.area_code)).toEqual(build.rows.columns.area_code);
    expect(Array.from(columns.crime_type)).toEqual(build.rows.columns.crime_type);
    expect(Array.from(columns.count, Number)).toEqual(build.rows.columns.count);
  });

  test("the CSV has area, type, month, measure, value and source on every row", () => {
    const r = computeResult(extract, state({areas: ["tamworth"], types: ["burglary", "robbery"], view: "types", measure: "rate"}), build.catalogue);
    const rows = csvParse(resultCsv(r, build.catalogue));
    expect(rows.columns).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(2 * rawMonths.length);
    const code = slugOf.get("tamworth")!;
    for (const row of rows) {
      expect(row.area).toBe("Tamworth");
      expect(row.measure).toBe("records per 1,000 residents");
      expect(row.source).toMatch(/data\.police\.uk.*residents: Census 2021/);
      expect(Number(row.value)).toBeCloseTo((rawCount([code], (t) => t === row.type, row.month!) / population.get(code)!) * 1000, 3);
    }
  });
});

describe("the address", () => {
  test("a state survives the round trip through its address", () => {
    const s = state({areas: ["stoke-on-trent", "all"], types: ["drugs"], from: rawMonths[2], to: rawMonths.at(-1)!, measure: "rate", view: "areas"});
    const search = stateToSearch(s);
    expect(search).toMatch(/^\?[a-z0-9=&,-]+$/);
    expect(parseState(search, build.catalogue)).toEqual({state: s, notes: []});
  });

  test("unknown and hostile values are set aside with a note quoting them as text; good values are kept", () => {
    const {state: s, notes} = parseState("?area=stafford,<script>alert(1)</script>&type=shoplifting&measure=rate&view=sideways&evil=1&from=2024-13", build.catalogue);
    expect(s.areas).toEqual(["stafford"]);
    expect(s.types).toEqual(["shoplifting"]);
    expect(s.measure).toBe("rate");
    expect(s.view).toBe("areas");
    expect(notes).toEqual([
      'Ignored "evil" in the address: it is not a setting of this page.',
      'Ignored area "<script>alert(1)</script>": it is not one of the areas on this page.',
      `Ignored from "2024-13": a month is written like ${rawMonths.at(-1)}.`,
      'Ignored view "sideways": it can be areas or types or total.'
    ]);
  });

  test("months outside the data, or not held, are refused; from after to is swapped", () => {
    const swapped = parseState(`?from=${rawMonths.at(-1)}&to=${rawMonths[0]}`, build.catalogue);
    expect([swapped.state.from, swapped.state.to, swapped.notes]).toEqual([rawMonths[0], rawMonths.at(-1), []]);
    expect(parseState("?from=1900-01", build.catalogue).notes[0]).toMatch(/the data runs from/);
    const gap = monthGaps(rawMonths)[0];
    if (gap) expect(parseState(`?to=${gap.from}`, build.catalogue).notes[0]).toMatch(/is not in this snapshot/);
  });

  test("no more lines than the chart can show", () => {
    const many = build.catalogue.areas.slice(0, MAX_SERIES + 2).map((a) => a.slug);
    const {state: s, notes} = parseState(`?area=${many.join(",")}`, build.catalogue);
    expect(s.areas).toEqual(many.slice(0, MAX_SERIES));
    expect(notes.at(-1)).toMatch(new RegExp(`At most ${MAX_SERIES} lines`));
  });

  test("every line of the hostile corpus parses without throwing, to a state the page can draw", () => {
    const corpus = readFileSync(join(import.meta.dirname, "../fixtures/explore/hostile-query-strings.txt"), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    const c = build.catalogue;
    for (const line of corpus) {
      const search = new URL(`http://x.test/explore?${line.replaceAll("CANARY", "http://canary.test").replace(/\{\{REPEAT:(.*?):(\d+)\}\}/g, (_, t: string, n: string) => t.repeat(Number(n)))}`).search;
      const {state: s, notes} = parseState(search, c);
      expect(stateToSearch(s), line).toMatch(/^\?area=[a-z0-9,-]+&type=[a-z0-9,-]+&from=\d{4}-\d{2}&to=\d{4}-\d{2}&measure=(count|rate)&view=(areas|types|total)$/);
      expect(s.areas.every((a) => c.areas.some((x) => x.slug === a)) && s.types.every((t) => c.types.some((x) => x.slug === t))).toBe(true);
      expect(c.months.includes(s.from) && c.months.includes(s.to) && s.from <= s.to).toBe(true);
      for (const n of notes) expect(n.length).toBeLessThan(200);
    }
    expect(parseState("?" + "a".repeat(MAX_QUERY_LENGTH + 1), c).notes).toHaveLength(1);
  });
});

test("the page's Content-Security-Policy lets the SQL box's engine compile and start its worker (by the page's own marker, not its prose)", async () => {
  const html = await explorePage();
  expect(html).toContain('data-engine="duckdb-wasm"');
  const policy = securityPolicy(html.replaceAll(/duckdb/gi, "engine").replace('data-engine="engine-wasm"', 'data-engine="duckdb-wasm"'));
  expect(policy).toContain("'wasm-unsafe-eval'");
  expect(policy).toContain("worker-src 'self' blob:");
}, 120_000);
