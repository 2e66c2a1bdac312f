// The Victims story's figures equal counts taken straight from the raw files: the force's street files (through the
// validating reader, raw-counts.ts) and every force's national counts (the raw CSV, read here with d3-dsv). Every
// outcome category in either is in a group; the file dates hold their evidence; the "kept informed" figures stay apart.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {formatCount, formatMonth, formatPercent} from "../../src/components/format.ts";
import {monthIndex} from "../../src/components/months.ts";
import {withExtracts} from "../../loaders/extracts/query.ts";
import {groupOfOutcome, OUTCOME_CATEGORY_GROUPS, OUTCOME_GROUPS, type OutcomeGroupKey} from "../../loaders/extracts/outcome-groups.ts";
import {DataError} from "../../loaders/lib/errors.ts";
import {areas, force} from "../../loaders/lib/force.ts";
import {readManifest} from "../../loaders/lib/manifest.ts";
import {ROOT, SNAPSHOT_DIR} from "../../loaders/lib/paths.ts";
import {lower} from "../../loaders/lib/words.ts";
import {readFileDates} from "../../loaders/sources/police-uk-dates.ts";
import {readPublishedMeasures} from "../../loaders/sources/published.ts";
import {storyPage} from "../../loaders/stories/page.ts";
import {victimsCharts} from "../../loaders/stories/victims/charts.ts";
import {CODE_MEASURES, dateWords, periodText, SURVEYS, victimFacts} from "../../loaders/stories/victims/facts.ts";
import {story} from "../../loaders/stories/victims/story.ts";
import {rawCsv} from "./lib/raw-national.ts";
import {areaOf, lsoaToArea, rawStreetRows} from "./raw-counts.ts";

const ASB = "Anti-social behaviour";
const NATIONAL_OUTCOMES = "police-uk-national/force-month-type-outcome-2025.csv.gz";

/** Group counts and shares of raw rows, each with its category. */
function groups(rows: {outcome: string; count: number}[]) {
  const counts = new Map<OutcomeGroupKey, number>();
  for (const r of rows) counts.set(OUTCOME_CATEGORY_GROUPS[r.outcome], (counts.get(OUTCOME_CATEGORY_GROUPS[r.outcome]) ?? 0) + r.count);
  const total = [...counts.values()].reduce((s, n) => s + n, 0);
  return {total, count: (k: OutcomeGroupKey) => counts.get(k) ?? 0, share: (k: OutcomeGroupKey) => (counts.get(k) ?? 0) / total};
}

describe("victims story", async () => {
  const raw = (await rawStreetRows()).filter((r) => r.crimeType !== ASB);
  const lookup = lsoaToArea();
  const national = rawCsv(NATIONAL_OUTCOMES);
  const f = await withExtracts(victimFacts);
  const md = (await storyPage("victims")) + (await storyPage("victims-continued"));
  const one = (r: {lastOutcome: string}) => ({outcome: r.lastOutcome, count: 1});

  test("every last outcome category in the force's street files and in every force's counts is in a group", () => {
    const categories = new Set([...raw.map((r) => r.lastOutcome), ...national.filter((d) => d.crime_type !== ASB).map((d) => d.last_outcome_category!)]);
    const unmapped = [...categories].filter((c) => !(c in OUTCOME_CATEGORY_GROUPS));
    expect(unmapped).toEqual([]);
    // every group the mapping names exists, and a category it does not list is refused by name
    for (const key of Object.values(OUTCOME_CATEGORY_GROUPS)) expect(OUTCOME_GROUPS.some((g) => g.key === key)).toBe(true);
    expect(() => groupOfOutcome("Offender sent to the moon")).toThrow(/"Offender sent to the moon" is in no outcome group.*outcome-groups\.ts/);
  });

  test("the latest year's outcome shares are the raw files'", () => {
    const inYear = raw.filter((r) => f.months.includes(r.month));
    expect(f.months).toEqual([...new Set(raw.map((r) => r.month))].filter((m) => m.startsWith(f.year)).sort());
    const g = groups(inYear.map(one));
    expect(f.all.total).toBe(inYear.length);
    for (const x of f.all.groups) {
      expect(x.count, x.key).toBe(g.count(x.key));
      expect(x.share, x.key).toBeCloseTo(g.share(x.key), 12);
    }
    expect(f.awaitingCourt).toBe(inYear.filter((r) => r.lastOutcome === "Awaiting court outcome").length);
  });

  test("by crime type and by area, as the raw files give them", () => {
    const inYear = raw.filter((r) => f.months.includes(r.month));
    for (const t of f.byType) {
      const g = groups(inYear.filter((r) => r.crimeType === t.crimeType).map(one));
      expect(t.total, t.crimeType).toBe(g.total);
      for (const x of t.groups) expect(x.count, `${t.crimeType} ${x.key}`).toBe(g.count(x.key));
    }
    expect(f.byType.map((t) => t.crimeType).sort()).toEqual([...new Set(inYear.map((r) => r.crimeType))].sort());
    for (const a of areas) {
      const g = groups(inYear.filter((r) => areaOf(r, lookup) === a.code).map(one));
      const got = f.byArea.find((x) => x.code === a.code)!;
      expect(got.total, a.name).toBe(g.total);
      for (const x of got.groups) expect(x.count, `${a.name} ${x.key}`).toBe(g.count(x.key));
    }
    expect(f.noLocation).toBe(inYear.filter((r) => areaOf(r, lookup) === "unknown").length);
    expect(f.outside).toBe(inYear.filter((r) => areaOf(r, lookup) === "outside").length);
    expect(f.byArea.reduce((s, a) => s + a.total, 0) + f.noLocation + f.outside).toBe(inYear.length);
  });

  test("each month's share still open, and its age when its file was taken, from the raw files and the file dates", () => {
    const dates = readFileDates();
    for (const a of f.ages) {
      const g = groups(raw.filter((r) => r.month === a.month).map(one));
      expect(a.total, a.month).toBe(g.total);
      expect(a.groups.find((x) => x.key === "open")!.count, a.month).toBe(g.count("open"));
      const row = dates.find((d) => d.source === "police-uk" && d.from <= a.month && a.month <= d.to)!;
      expect(a.age, a.month).toBe(monthIndex(row.takenBy.slice(0, 7)) - monthIndex(a.month));
    }
    // Same-age comparisons pair months of equal age only, never a month that looks under-supplied, and sum the raw rows.
    expect(f.sameAge.length).toBeGreaterThan(0);
    for (const c of f.sameAge) {
      const ageOf = (m: string) => f.ages.find((a) => a.month === m)!;
      expect(c.earlier.months.map((m) => ageOf(m).age).sort()).toEqual(c.later.months.map((m) => ageOf(m).age).sort());
      for (const m of [...c.earlier.months, ...c.later.months]) expect(f.underSupplied).not.toContain(m);
      for (const side of [c.earlier, c.later]) {
        const g = groups(raw.filter((r) => side.months.includes(r.month)).map(one));
        expect(side.total).toBe(g.total);
        expect(side.groups.find((x) => x.key === "open")!.share).toBeCloseTo(g.share("open"), 12);
      }
    }
  });

  test("the force beside every force with a full year: shares from the raw national counts", () => {
    const months = new Map<string, number>();
    for (const d of rawCsv("police-uk-national/inputs-2025.csv.gz")) if (d.status === "read") months.set(d.force!, (months.get(d.force!) ?? 0) + 1);
    const rows = national.filter((d) => d.crime_type !== ASB && d.month!.startsWith(f.forces.year));
    for (const c of f.forces.compared) {
      expect(months.get(c.force), c.force).toBe(f.forces.months.length);
      const g = groups(rows.filter((d) => d.force === c.force).map((d) => ({outcome: d.last_outcome_category!, count: Number(d.count)})));
      expect(c.total, c.force).toBe(g.total);
      for (const x of c.groups) expect(x.count, `${c.force} ${x.key}`).toBe(g.count(x.key));
    }
    // The force's national counts are its own street files' counts (the same files).
    const own = f.forces.own;
    expect(own.force).toBe(force.id);
    const street = groups(raw.filter((r) => r.month.startsWith(f.forces.year)).map(one));
    for (const x of own.groups) expect(x.count, x.key).toBe(street.count(x.key));
    // Every force in the national inputs is compared or named as missing, with Greater Manchester (no files) too.
    const all = new Set(months.keys());
    for (const d of rawCsv("police-uk-national/inputs-2025.csv.gz")) all.add(d.force!);
    expect([...f.forces.compared.map((c) => c.force), ...f.forces.missing.map((m) => m.force)].sort()).toEqual([...all, "greater-manchester"].sort());
    expect(f.forces.missing.find((m) => m.force === "btp")?.reason).toMatch(/railways/);
    const noSuspect = f.forces.byGroup.find((g) => g.key === "no-suspect")!;
    const shares = f.forces.compared.map((c) => groups(rows.filter((d) => d.force === c.force).map((d) => ({outcome: d.last_outcome_category!, count: Number(d.count)}))).share("no-suspect"));
    expect(noSuspect.rank).toBe(shares.filter((s) => s > noSuspect.own).length + 1);
  });

  test("the story states the shares the raw files give", () => {
    const inYear = raw.filter((r) => f.months.includes(r.month));
    const g = groups(inYear.map(one));
    expect(md).toContain(`Of the ${formatCount(inYear.length)} crimes ${force.name} recorded`);
    expect(md).toContain(`${formatPercent(g.share("no-suspect"))} ended with no suspect identified, ${formatPercent(g.share("not-prosecuted"))} with a suspect identified but not prosecuted`);
    expect(md).toContain(`${formatPercent(g.share("open"))} were still open or with no update`);
    // by type: the highest share with no suspect identified, from the raw rows
    const types = [...new Set(inYear.map((r) => r.crimeType))].map((t) => ({t, g: groups(inYear.filter((r) => r.crimeType === t).map(one))}))
      .sort((a, b) => b.g.share("no-suspect") - a.g.share("no-suspect"));
    expect(md).toContain(`No suspect was identified for ${formatPercent(types[0].g.share("no-suspect"))} of ${lower(types[0].t)} crimes`);
    // the same-age comparison
    const c = f.sameAge.at(-1)!;
    const open = (ms: string[]) => groups(raw.filter((r) => ms.includes(r.month)).map(one)).share("open");
    expect(md).toContain(`${formatPercent(open(c.earlier.months))} of crimes from`);
    expect(md).toContain(`against ${formatPercent(open(c.later.months))} of crimes from`);
  });

  test("says plainly that the 2022 files were taken about two months after the latest month in them", () => {
    const provenance = readFileSync(join(SNAPSHOT_DIR, "police-uk", "PROVENANCE-street.md"), "utf8");
    const committed = /committed on (\d{4}-\d{2}-\d{2})/.exec(provenance)![1];
    const latest2022 = [...new Set(raw.map((r) => r.month))].filter((m) => m.startsWith("2022")).sort().at(-1)!;
    expect(md).toContain(`were taken no later than ${dateWords(committed)}: about two months after ${formatMonth(latest2022)}, the latest month in them`);
  });

  test("the file dates hold their evidence, and cover every street month held", () => {
    const dates = readFileDates();
    const manifest = readManifest();
    for (const e of manifest.files.filter((x) => x.kind === "street")) {
      const month = e.period!;
      expect(dates.filter((d) => d.source === "police-uk" && d.from <= month && month <= d.to).length, month).toBe(1);
    }
    for (const d of dates) {
      if (d.where.startsWith("data/snapshot/") && d.where.endsWith(".md")) {
        // the quoted words are in the provenance note
        const quote = /"([^"]{20,})"/.exec(d.evidence)?.[1];
        expect(quote, `line ${d.line} quotes its note`).toBeDefined();
        expect(readFileSync(join(ROOT, d.where), "utf8").replace(/\s+/g, " ")).toContain(quote!.replace(/\s+/g, " "));
      }
      if (d.where === "data/snapshot/manifest.json") {
        // the latest the files can have been taken: the day they were copied into the snapshot
        const copied = manifest.files.filter((x) => x.source === d.source && x.kind === "street" && x.period! >= d.from && x.period! <= d.to).map((x) => x.retrieved).sort();
        expect(copied.length).toBeGreaterThan(0);
        expect(d.takenBy).toBe(copied[0]);
      }
    }
    // the national counts were taken with the force's 2025 files
    const national = dates.find((d) => d.source === "police-uk-national")!;
    expect(national.takenBy).toBe(dates.find((d) => d.source === "police-uk" && d.from === national.from)!.takenBy);
  });

  test("the 'kept informed' figures, and every other survey figure, stay apart: one bar each, never one line", async () => {
    const charts = await victimsCharts.load();
    const chart = charts.surveys;
    expect(chart.plot).toBe("surveyBars");
    const rows = readPublishedMeasures().filter((m) => m.story === "victims");
    const keptInformed = rows.filter((m) => /kept informed/i.test(m.measure));
    expect(keptInformed.length).toBeGreaterThanOrEqual(4);
    const ids = SURVEYS.flatMap((s) => s.ids);
    for (const m of keptInformed) expect(ids.filter((id) => id === m.id), m.id).toHaveLength(1);
    expect(chart.data).toHaveLength(ids.length);
    // each bar is one figure: its value is the row's, its label names its own period, and no two bars share a label
    const labels = chart.data.map((d) => `${d.survey}|${d.label}`);
    expect(new Set(labels).size).toBe(labels.length);
    SURVEYS.forEach(({survey, ids: group}) => group.forEach((id) => {
      const m = rows.find((r) => r.id === id)!;
      const bar = chart.data.find((d) => d.survey === survey && d.value === m.value && d.period === periodText(m.period));
      expect(bar, id).toBeDefined();
    }));
    // a survey heading holds one survey's figures: kept-informed figures of different measures never share one
    for (const {survey, ids: group} of SURVEYS) {
      expect(new Set(keptInformed.filter((m) => group.includes(m.id)).map((m) => m.measure)).size, survey).toBeLessThanOrEqual(1);
    }
    expect(new Set(keptInformed.map((m) => m.measure)).size).toBeGreaterThan(1);
    // every victims figure of the table is on the page: in the survey chart or in the table of the force's measures
    expect(rows.map((r) => r.id).filter((id) => !ids.includes(id) && !CODE_MEASURES.includes(id))).toEqual([]);
    for (const id of CODE_MEASURES) expect(md, id).toContain(rows.find((r) => r.id === id)!.measure.replaceAll("'", "&#39;"));
  });

  test("tells its story in 6 to 10 steps, each chart once", async () => {
    const steps = await story.steps();
    expect(steps.length).toBeGreaterThanOrEqual(6);
    expect(steps.length).toBeLessThanOrEqual(10);
    const ids = steps.flatMap((s) => (s.chart ? [s.chart.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("the file dates table refuses bad input by file, line and field", () => {
  const dir = mkdtempSync(join(tmpdir(), "file-dates-"));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));
  const header = "source,months_from,months_to,taken_no_later_than,evidence,where\n";
  const write = (name: string, body: string) => {
    const file = join(dir, name);
    writeFileSync(file, header + body);
    return file;
  };
  test.each([
    ["overlap.csv", "police-uk,2022-01,2022-11,2023-01-29,e,w\npolice-uk,2022-06,2022-12,2023-02-01,e,w\n", /overlap\.csv, line 3, field "months_from": expected months not already covered by line 2/],
    ["early.csv", "police-uk,2022-01,2022-11,2022-11-30,e,w\n", /early\.csv, line 2, field "taken_no_later_than": expected a date YYYY-MM-DD after 2022-11/],
    ["source.csv", "police,2022-01,2022-11,2023-01-29,e,w\n", /source\.csv, line 2, field "source"/],
    ["evidence.csv", "police-uk,2022-01,2022-11,2023-01-29,,w\n", /evidence\.csv, line 2, field "evidence"/]
  ])("%s", (name, body, message) => {
    expect(() => readFileDates(write(name, body))).toThrow(DataError);
    expect(() => readFileDates(write(name, body))).toThrow(message);
  });
});
