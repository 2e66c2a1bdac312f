// What the area pages and the home page say with the trend verdict and the deprivation shares: the verdict sits
// right after the headline numbers, the trend charts hold every month the snapshot holds and name the gaps, and the
// deprivation section's sentences and table carry the shares computed here from the raw files.
import {beforeAll, describe, expect, it} from "vitest";
import {formatCount, formatMonthRange, formatPercent} from "../../src/components/format.ts";
import {monthGaps} from "../../src/components/months.ts";
import {areaCharts} from "../../loaders/areas/charts.ts";
import {deprivationChart, deprivationSentences} from "../../loaders/areas/deprivation-section.ts";
import {deprivationFacts, DEPRIVATION_CAVEATS, type AreaDeprivation} from "../../loaders/areas/deprivation.ts";
import {areaPage} from "../../loaders/areas/page.ts";
import {trendVerdicts, type TrendVerdict} from "../../loaders/areas/trend-verdict.ts";
import {trendGapNote} from "../../loaders/charts/crime.ts";
import {withExtracts} from "../../loaders/extracts/query.ts";
import {areaBySlug, areas, force} from "../../loaders/lib/force.ts";
import {readManifest} from "../../loaders/lib/manifest.ts";
import {homeCharts} from "../../loaders/pages/home-charts.ts";
import {homePage} from "../../loaders/pages/home.ts";
import {escapeText} from "../../loaders/site/html.ts";
import {allAreaCodes, rawDeprivation} from "./lib/raw-deprivation.ts";

// The months the snapshot holds, from the manifest (the street files' periods), and their gaps in words.
const held = readManifest().files.filter((f) => f.source === "police-uk" && f.kind === "street").map((f) => f.period!).sort();
const gapWords = monthGaps(held).map((g) => formatMonthRange(g.from, g.to));

let verdicts: {force: TrendVerdict; areas: Map<string, TrendVerdict>; underSupplied: string[]};
let deprivation: {months: string[]; force: AreaDeprivation; areas: AreaDeprivation[]};
beforeAll(async () => {
  await withExtracts(async (db) => {
    verdicts = await trendVerdicts(db);
    deprivation = await deprivationFacts(db);
  });
}, 120_000);

describe("trend charts over every month held", () => {
  it("name each gap between the months held, and the under-supplied months", () => {
    expect(gapWords.length).toBeGreaterThan(0);
    const note = trendGapNote(held, verdicts.underSupplied);
    for (const g of gapWords) expect(note).toContain(g);
    expect(note).toMatch(gapWords.length === 1 ? /^The gap \(/ : /^The gaps \(/);
    expect(trendGapNote(["2025-01", "2025-02"], [])).toBe("");
    expect(trendGapNote(["2024-01", "2025-01"], ["2024-01"])).toBe("The gap (February to December 2024) is months this snapshot does not hold, not months without crime. January 2024 looks low because police.uk seems not to have received all records for it (every crime type is lower than in the months around), not because crime fell.");
  });

  it("home: every month held, crime and anti-social behaviour, with the gaps named in the note", async () => {
    const {monthlyTrend} = await homeCharts.load();
    expect(monthlyTrend.plot).toBe("gappedMonthlyLines");
    const rows = monthlyTrend.data as {month: string; series: string}[];
    for (const series of ["Crime", "Anti-social behaviour"]) expect(rows.filter((r) => r.series === series).map((r) => r.month)).toEqual(held);
    for (const g of gapWords) expect(monthlyTrend.note).toContain(g);
  });

  it("areas: every month held, and a note that names every gap (not 'the gap')", async () => {
    const {byArea} = await areaCharts.load();
    for (const a of areas) {
      const trend = byArea[a.slug].trend;
      expect([...new Set((trend.data as {month: string}[]).map((r) => r.month))].sort(), a.name).toEqual(held);
      for (const g of gapWords) expect(trend.note, a.name).toContain(g);
    }
  });
});

describe("the verdict sentence", () => {
  it("sits right after the area page's headline numbers, with the under-supply warning", async () => {
    const slug = areas[1].slug, code = areaBySlug.get(slug)!.code;
    const md = await areaPage(slug);
    const v = verdicts.areas.get(code)!;
    const headlines = md.indexOf('class="card-grid area-headlines"'), verdict = md.indexOf('data-testid="trend-verdict"');
    expect(headlines).toBeGreaterThan(0);
    expect(verdict).toBeGreaterThan(headlines);
    // Nothing but the headline list between them.
    expect(md.slice(headlines, verdict)).not.toMatch(/<h2|<p /);
    expect(md).toContain(escapeText(v.sentence!));
    expect(md).toContain(escapeText(v.warning!));
  });

  it("is the force's on the home page", async () => {
    const md = await homePage();
    expect(md).toContain(escapeText(verdicts.force.sentence!));
    expect(md.indexOf('data-testid="trend-verdict"')).toBeLessThan(md.indexOf('data-chart="home-monthly-crime-asb"'));
  });
});

describe("the deprivation section", () => {
  it("states each area's shares as the raw files give them, and the force's beside them", async () => {
    const raw = await rawDeprivation(allAreaCodes(), deprivation.months);
    for (const d of deprivation.areas) {
      const r = await rawDeprivation(new Set([d.code]), deprivation.months);
      const words = deprivationSentences(d, deprivation.force).join(" ");
      expect(words).toContain(`police.uk recorded ${formatCount(r.crime)} crimes`);
      for (const [band, label] of [["mostDeprived10", "10%"], ["mostDeprived20", "20%"]] as const) {
        const s = r[band];
        if (s.lsoas) expect(words, `${d.name} ${label}`).toContain(`${formatPercent(s.crimeShare)} of ${d.name}`);
        if (s.lsoas) expect(words, `${d.name} ${label}`).toContain(`(${formatCount(s.crime)} of ${formatCount(r.crime)}) was in the ${formatCount(s.lsoas)} of its ${formatCount(r.lsoas)} LSOAs among England's most deprived ${label}`);
        else expect(words, `${d.name} ${label}`).toContain(`${formatCount(r.lsoas)} LSOAs is among England's most deprived ${label}.`);
      }
      expect(words).toContain(`Across ${force.place}, ${formatPercent(raw.mostDeprived10.crimeShare)} of recorded crime was in the ${formatPercent(raw.mostDeprived10.lsoaShare)} of LSOAs`);
    }
  });

  it("charts crime and LSOAs by decile, with the caveats in its note", () => {
    for (const d of deprivation.areas) {
      const chart = deprivationChart(d, deprivation.force);
      const rows = chart.data as {label: string; lsoas: number; count: number}[];
      expect(rows).toHaveLength(10);
      expect(rows.reduce((s, r) => s + r.lsoas, 0), d.name).toBe(d.lsoas);
      expect(rows.reduce((s, r) => s + r.count, 0), d.name).toBe(d.crime);
      for (const c of DEPRIVATION_CAVEATS) expect(chart.note).toContain(c);
    }
  });

  it("is on the area page, in its contents list, with the table and the caveats", async () => {
    const md = await areaPage("stoke-on-trent");
    expect(md).toContain('<a href="#deprivation">Crime and deprivation</a>');
    expect(md).toContain('data-testid="deprivation-table"');
    expect(md).toContain('data-chart="area-stoke-on-trent-deprivation"');
    expect(md).toMatch(/IMD 2019 describes conditions in 2015–2017/);
    expect(md).toMatch(/LSOAs are of similar, not equal, population/);
  });
});
