// The published figures beside open data (loaders/figures/): every open-data value shown is recomputed here from the
// raw snapshot files (not the extracts), every verdict follows from the numbers, every "cannot be checked yet" names
// data the snapshot really lacks, every figure is found and anchored on its document's page, the headline tables
// read the reports' own rows, and the download carries exactly the comparison.
import {readFileSync} from "node:fs";
import {JSDOM} from "jsdom";
import {describe, expect, test} from "vitest";
import {monthsBetween, shiftMonth} from "../../src/components/months.ts";
import {withExtracts} from "../../loaders/extracts/query.ts";
import {CHECKS, type OpenMeasure} from "../../loaders/figures/checks.ts";
import {CLOSE, figureComparisons, periodMonths, type Comparison} from "../../loaders/figures/compare.ts";
import {readDocumentText, locateQuote} from "../../loaders/figures/document-text.ts";
import {documentPaths, readDocumentPage} from "../../loaders/figures/documents.ts";
import {comparisonFiles, comparisonRows, FIGURE_DOWNLOAD} from "../../loaders/figures/download.ts";
import {headlineMeasures} from "../../loaders/figures/headlines.ts";
import {REASONS, type Reason} from "../../loaders/figures/reasons.ts";
import {withDuckDB, lit} from "../../loaders/lib/duckdb.ts";
import {areaByCode, areas} from "../../loaders/lib/force.ts";
import {readManifest} from "../../loaders/lib/manifest.ts";
import {documentPage} from "../../loaders/pages/figure-documents.ts";
import {DOCUMENTS} from "../../loaders/sources/documents.ts";
import {normaliseText, readDocument, readPublishedMeasures, type PublishedMeasure} from "../../loaders/sources/published.ts";
import {rawCsv, rawNational} from "./lib/raw-national.ts";
import {areaOf, lsoaToArea, rawCollisions, rawStreetRows} from "./raw-counts.ts";

const measures = readPublishedMeasures();
const comparisons = await withExtracts((db) => figureComparisons(db, measures));
const checked = comparisons.filter((c) => c.open);

// The raw files, read with the validating readers.
const collisions = await rawCollisions();
const street = await rawStreetRows();
const lookup = lsoaToArea();
const streetMonths = new Set(street.map((r) => r.month));
const collisionMonths = new Set(collisions.map((r) => r.date.slice(0, 7)));
/** The 12 months ending at the latest month of the street files (those held). */
const latestStreet = [...streetMonths].sort().at(-1)!;
const latest12 = Array.from({length: 12}, (_, i) => shiftMonth(latestStreet, i - 11)).filter((m) => streetMonths.has(m));
const forcePopulation = areas.reduce((s, a) => s + a.population, 0);

const SEVERITY = {Fatal: 1, Serious: 2} as const;
function rawStats19(o: Extract<OpenMeasure, {source: "stats19"}>, months: string[]): number {
  const codes = new Set(o.severities.map((s) => SEVERITY[s]));
  const inMonths = new Set(months);
  return collisions.filter((r) => codes.has(r.severity as 1 | 2) && inMonths.has(r.date.slice(0, 7))).length;
}

/** Records of these categories in these months, in one area (by LSOA) or in all the force's areas together. */
function rawStreet(types: string[], months: string[], area: string | "force"): number {
  const t = new Set(types), inMonths = new Set(months), codes = new Set(areas.map((a) => a.code));
  return street.filter((r) => t.has(r.crimeType) && inMonths.has(r.month) && (area === "force" ? codes.has(areaOf(r, lookup)) : areaOf(r, lookup) === area)).length;
}

/** The open-data value for a figure, computed from the raw files. */
function recompute(m: PublishedMeasure, o: OpenMeasure): number {
  const change = (a: number, b: number) => ((b - a) / a) * 100;
  switch (o.source) {
    case "stats19": {
      const after = rawStats19(o, periodMonths(m.period));
      return o.before ? change(rawStats19(o, periodMonths(o.before)), after) : after;
    }
    case "police-uk": {
      const months = o.months === "latest-12" ? latest12 : periodMonths(m.period);
      const where = o.where === "area" ? m.areaCode! : "force";
      const n = rawStreet(o.types, months, where);
      if (o.before) return change(rawStreet(o.types, periodMonths(o.before), where), n);
      return o.measure === "count" ? n : (n / (o.where === "area" ? areaByCode.get(m.areaCode!)!.population : forcePopulation)) * 1000;
    }
    case "police-uk-direction": {
      const rate = (rawStreet(o.types, latest12, m.areaCode!) / areaByCode.get(m.areaCode!)!.population) / (rawStreet(o.types, latest12, "force") / forcePopulation);
      return rate < 0.95 ? -1 : rate > 1.05 ? 1 : 0;
    }
    case "all-forces": {
      // The force against the pooled rates of its region's forces and of all forces with a full year (as
      // tests/unit/verdict-forces-deprivation.test.ts counts them), from the national files.
      const {owner, population, months, lad} = rawNational();
      const region = new Map(rawCsv("ons/lad_population_census2011_2021_ew.csv.gz").map((d) => [d.lad_code!, d.region_name!]));
      const pop = new Map<string, number>();
      for (const [code, f] of owner) pop.set(f, (pop.get(f) ?? 0) + population.get(code)!);
      const crime = new Map<string, number>();
      for (const d of lad) if (d.crime_type !== "Anti-social behaviour") crime.set(d.force, (crime.get(d.force) ?? 0) + Number(d.count));
      const compared = [...pop.keys()].filter((f) => months.get(f) === 12 && f !== "city-of-london");
      const own = "staffordshire";
      const myRegion = [...owner].find(([, f]) => f === own)![0];
      const regional = compared.filter((f) => [...owner].some(([code, g]) => g === f && region.get(code) === region.get(myRegion)));
      const pooled = (fs: string[]) => (fs.reduce((s, f) => s + crime.get(f)!, 0) / fs.reduce((s, f) => s + pop.get(f)!, 0)) * 1000;
      const rate = (crime.get(own)! / pop.get(own)!) * 1000;
      const side = (r: number) => (r < 0.95 ? -1 : r > 1.05 ? 1 : 0);
      const [a, b] = [side(rate / pooled(regional)), side(rate / pooled(compared))];
      return a === b ? a : 0;
    }
  }
}

describe("checks", () => {
  test("every published figure has exactly one check, and every check names a published figure", () => {
    const ids = new Set(measures.map((m) => m.id));
    expect(measures.filter((m) => !CHECKS.has(m.id)).map((m) => m.id)).toEqual([]);
    expect([...CHECKS.keys()].filter((id) => !ids.has(id))).toEqual([]);
    expect(comparisons.length).toBe(measures.length);
  });

  test("every kind of difference is used, and says what would check a figure when it stops open data checking it", () => {
    const dynamic = new Set(["months-not-held", "stats19-not-held", "needs-force-comparison"]);
    const used = new Set([...CHECKS.values()].flatMap((c) => c.reasons));
    for (const id of Object.keys(REASONS)) expect(used.has(id as keyof typeof REASONS) || dynamic.has(id), id).toBe(true);
    for (const [id, r] of Object.entries(REASONS) as [string, Reason][]) if (r.kind === "blocks" && id !== "not-a-count") expect(r.wouldCheck, id).toBeTruthy();
  });

  test("the design's anchors hold: fatal collisions 42 against STATS19's 42, serious 260 against 226", () => {
    const byId = new Map(comparisons.map((c) => [c.measure.id, c]));
    const fatal = byId.get("roads-fatal-collisions-2023")!, serious = byId.get("roads-serious-collisions-2023")!;
    expect([fatal.measure.value, fatal.open?.value, fatal.status]).toEqual([42, rawStats19({source: "stats19", severities: ["Fatal"]}, monthsBetween("2023-01", "2023-12")), "matches"]);
    expect(serious.measure.value).toBe(260);
    expect(serious.open?.value).toBe(collisions.filter((r) => r.severity === 2 && r.year === 2023).length);
    expect(serious.status).toBe("differs");
    expect(serious.verdict).toContain(`${260 - serious.open!.value} fewer than the 260 published`);
  });
});

describe("open data beside each figure, recomputed from the raw files", () => {
  test("some figures are checked now, from both STATS19 and police.uk", () => {
    expect(checked.some((c) => c.open!.source === "STATS19")).toBe(true);
    expect(checked.some((c) => c.open!.source === "police.uk")).toBe(true);
  });

  test.each(checked.map((c) => [c.measure.id, c] as const))("%s", (_id, c) => {
    const expected = recompute(c.measure, c.check.open!);
    expect(c.open!.value).toBeCloseTo(expected, 9);
    // The months counted are the figure's own, or the latest 12 held when they stand in for it.
    const o = c.check.open!;
    const nationalMonths = [...new Set(rawNational().lad.map((d) => d.month!))].sort();
    const nationalYear = nationalMonths.filter((m) => m.startsWith(nationalMonths.at(-1)!.slice(0, 4)));
    expect(c.open!.months).toEqual(o.source === "all-forces" ? nationalYear : o.source !== "stats19" && o.months === "latest-12" ? latest12 : periodMonths(c.measure.period));
  });
});

describe("verdicts follow from the numbers", () => {
  const numeric = checked.filter((c) => c.measure.unit !== "direction");
  test.each(numeric.map((c) => [c.measure.id, c] as const))("%s", (_id, c) => {
    const digits = c.measure.unit === "per_1000" ? 1 : (String(c.measure.value).split(".")[1]?.length ?? 0);
    const rounded = Number(c.open!.value.toFixed(digits));
    expect(c.rounded).toBe(rounded);
    const percent = Math.round(Math.abs((rounded - c.measure.value) / c.measure.value) * 100);
    const expected = rounded === c.measure.value ? "matches" : !c.open!.before && percent <= CLOSE * 100 ? "close" : "differs";
    expect(c.status).toBe(expected);
    expect(c.verdict.startsWith({matches: "Matches:", close: "Close:", differs: "Differs:"}[expected])).toBe(true);
    if (expected !== "matches" && !c.open!.before) expect(c.verdict).toContain(`${percent}%`);
  });

  test("a direction matches when open data puts the area on the same side", () => {
    for (const c of checked.filter((x) => x.measure.unit === "direction")) expect(c.status).toBe(c.open!.value === c.measure.value ? "matches" : "differs");
  });
});

describe("cannot be checked yet: the data named is really not in the snapshot", () => {
  const kinds = new Set(readManifest().files.map((f) => `${f.source}/${f.kind}`));
  const notYet = comparisons.filter((c) => c.status === "not-yet");
  test("there are such figures, each naming what is missing", () => {
    expect(notYet.length).toBeGreaterThan(0);
    for (const c of notYet) expect(c.missing, c.measure.id).toBeTruthy();
  });
  test.each(notYet.map((c) => [c.measure.id, c] as const))("%s", (_id, c) => {
    const o = c.check.open;
    if (o?.source === "stats19") {
      const months = [...periodMonths(c.measure.period), ...(o.before ? periodMonths(o.before) : [])];
      expect(months.some((m) => !collisionMonths.has(m))).toBe(true);
    } else if (o?.source === "police-uk" || o?.source === "police-uk-direction") {
      const months = [...(o.months === "latest-12" ? latest12 : periodMonths(c.measure.period)), ...("before" in o && o.before ? periodMonths(o.before) : [])];
      expect(months.some((m) => !streetMonths.has(m))).toBe(true);
    } else if (/STATS19 casualty/.test(c.missing!)) expect(kinds.has("stats19/casualty")).toBe(false);
    else if (/STATS19 vehicle/.test(c.missing!)) expect(kinds.has("stats19/vehicle")).toBe(false);
    else expect([...kinds].some((k) => /home-office|fire/.test(k))).toBe(false);
  });
});

describe("documents", () => {
  test("every figure's quote is in its document, found where the page anchors it", () => {
    for (const m of measures) expect(normaliseText(readDocument(m.document)), m.id).toContain(normaliseText(m.quote));
    for (const d of DOCUMENTS) {
      const {text, figures} = readDocumentPage(d.file, measures);
      for (const f of figures) expect(normaliseText(text.text.slice(f.start, f.end))).toBe(normaliseText(f.measure.quote));
    }
  });

  test.each(DOCUMENTS.map((d) => [d.file, d] as const))("%s: a page with an anchor per section and per quoted figure, each quote marked", (_file, d) => {
    const doc = new JSDOM(documentPage(d.file.replace(/\.txt$/, "")).replace(/^---[\s\S]*?---/, "")).window.document;
    const ids = Array.from(doc.querySelectorAll("[id]")).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const {text} = readDocumentPage(d.file, measures);
    expect(text.headings.length).toBeGreaterThan(5);
    for (const h of text.headings) expect(doc.getElementById(h.id)?.tagName, h.id).toBe(`H${h.level}`);
    for (const m of measures.filter((x) => x.document === d.file)) {
      const anchor = doc.getElementById(m.id);
      expect(anchor, m.id).not.toBeNull();
      // The quote is marked from the anchor on: the marked text that follows it holds the quote's start.
      let mark = anchor!.nextElementSibling;
      while (mark?.classList.contains("figure-anchor")) mark = mark.nextElementSibling; // figures quoting the same words
      expect(mark?.tagName, m.id).toBe("MARK");
      expect(mark, m.id).toBeTruthy();
      expect(normaliseText(m.quote.replace(/\*\*/g, ""))).toContain(normaliseText(mark!.textContent!).slice(0, 20));
      expect(doc.querySelector(`a[href="/figures#${m.id}"]`), m.id).not.toBeNull();
    }
    if (d.publisherAddress) expect(doc.querySelector(`a[href="${d.publisherAddress}"]`)).not.toBeNull();
  });

  test("publishers' addresses are the ones the documents print", () => {
    const all = DOCUMENTS.map((d) => readDocument(d.file)).join("\n");
    for (const d of DOCUMENTS.filter((x) => x.publisherAddress)) expect(all).toContain(new URL(d.publisherAddress).host);
    expect(documentPaths()).toEqual(DOCUMENTS.map((d) => `/figures/documents/${d.file.replace(/\.txt$/, "")}`));
  });

  test("headings: numbered sections in order, a contents page's restart, title lines; and quotes found across line breaks", () => {
    const text = ["Contents", "", "1.1 Foreword", "2. Roads", "", "1.1 Foreword", "", "A long paragraph. ".repeat(8), "", "2. Roads", "",
      "Killed and seriously injured", "", "There were 42 fatal collisions in the 12 months to December 2023, as the table below shows in full detail.",
      "", "1. A list item, not a section", "", "2.1 Speed", "More text follows the heading."].join("\n");
    const d = readDocumentText(text);
    expect(d.headings.map((h) => [h.level, h.text])).toEqual([[2, "1.1 Foreword"], [2, "2. Roads"], [3, "1.1 Foreword"], [2, "2. Roads"],
      [3, "Killed and seriously injured"], [3, "2.1 Speed"]]);
    expect(new Set(d.headings.map((h) => h.id)).size).toBe(d.headings.length);
    const at = locateQuote(d, "42 fatal collisions in the 12 months");
    expect(text.slice(at!.start, at!.end)).toBe("42 fatal collisions in the 12 months");
    expect(locateQuote(d, "not in the text")).toBeNull();
  });
});

describe("headline measures", () => {
  const all = headlineMeasures(measures);
  const rows = all.flatMap((d) => d.groups.flatMap((g) => g.headlines));
  test("come from the reports' own performance tables, whose last-12-months cell is the figure", () => {
    const fromTables = rows.filter((h) => h.row);
    expect(fromTables.length).toBeGreaterThanOrEqual(10);
    for (const h of fromTables) {
      const line = readDocument(h.measure.document).split("\n").find((l) => l.startsWith(h.row!.label + "\t") && l.includes(`\t${h.row!.last}\t`));
      expect(line, h.measure.id).toBe(h.row!.line);
      expect(Number(h.row!.last.replace(/,/g, ""))).toBe(h.measure.value);
    }
    // The force's KSI table: previous, last and baseline as the report prints them.
    const serious = rows.find((h) => h.measure.id === "roads-serious-collisions-2023")!;
    expect([serious.row?.previous, serious.row?.last, serious.row?.baselinePeriod]).toEqual(["186", "260", "Apr 19 to Mar 20"]);
    expect(serious.previous?.id).toBe("roads-serious-collisions-2022");
  });
  test("are grouped by the reports' priorities, each group a top-level section of its document", () => {
    for (const d of all) for (const g of d.groups) expect(g.priority, d.document).not.toBeNull();
    const jan = all.find((d) => d.document === "force-performance-report-jan-2024.txt")!;
    expect(jan.groups.map((g) => g.priority!.text)).toContain("4. Prevent Harm and Protect People");
  });
});

describe("the download", () => {
  test("one row per figure, the dictionary's columns in order, the same in CSV and Parquet", async () => {
    const rows = comparisonRows(comparisons);
    expect(rows.length).toBe(measures.length);
    for (const r of rows) expect(Object.keys(r)).toEqual(FIGURE_DOWNLOAD.columns.map((c) => c.name));
    const files = await comparisonFiles();
    expect(files.rows).toBe(measures.length);
    const header = readFileSync(files.csv, "utf8").split("\n")[0];
    expect(header).toBe(FIGURE_DOWNLOAD.columns.map((c) => c.name).join(","));
    await withDuckDB(async (db) => {
      const [{n}] = await db.all<{n: number}>(`SELECT count(*)::INTEGER AS n FROM read_parquet(${lit(files.parquet)})`);
      expect(n).toBe(measures.length);
      const serious = await db.all<{published_value: number; open_data_value: number; status: string}>(
        `SELECT published_value, open_data_value, status FROM read_parquet(${lit(files.parquet)}) WHERE id = 'roads-serious-collisions-2023'`);
      const c = comparisons.find((x: Comparison) => x.measure.id === "roads-serious-collisions-2023")!;
      expect(serious).toEqual([{published_value: 260, open_data_value: c.open!.value, status: c.status}]);
    });
  });
});
