// The County lines story's open-data figures equal counts taken straight from the raw files: police.uk street files
// (drugs and weapons by month, by area, by LSOA, year on year, last outcomes) and stop-and-search files (searches for
// drugs, linked outcomes, blank age and ethnicity), read here with d3-dsv rather than the site's readers. Its
// published figures carry their citations, and every phone number it shows comes with a dated source.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {csvParse} from "d3-dsv";
import {describe, expect, test} from "vitest";
import {formatCount, formatPercent, formatRate} from "../../src/components/format.ts";
import {OPEN_OUTCOMES} from "../../loaders/extracts/crime-facts.ts";
import {withExtracts} from "../../loaders/extracts/query.ts";
import {areas} from "../../loaders/lib/force.ts";
import {readManifest} from "../../loaders/lib/manifest.ts";
import {SNAPSHOT_DIR} from "../../loaders/lib/paths.ts";
import {citation} from "../../loaders/sources/documents.ts";
import {readPublishedMeasures} from "../../loaders/sources/published.ts";
import {countyLinesFacts, DRUG_SEARCH, DRUGS, WEAPONS} from "../../loaders/stories/county-lines/facts.ts";
import {storyPage} from "../../loaders/stories/page.ts";
import {escapeText} from "../../loaders/site/html.ts";
import {checkContacts} from "./lib/contacts.ts";
import {areaOf, countBy, lsoaToArea, rawStreetRows} from "./raw-counts.ts";

const rawStops = () => readManifest().files.filter((f) => f.source === "police-uk" && f.kind === "stop-and-search")
  .flatMap((f) => csvParse(gunzipSync(readFileSync(join(SNAPSHOT_DIR, f.path))).toString("utf8")));

describe("county lines story", async () => {
  const raw = await rawStreetRows();
  const lookup = lsoaToArea();
  const f = await withExtracts(countyLinesFacts);
  const md = (await storyPage("county-lines")) + (await storyPage("county-lines-continued"));
  const of = (type: string, months: string[]) => raw.filter((r) => r.crimeType === type && months.includes(r.month));

  test("drug and weapons offences in the latest 12 months, and month by month over every month held", () => {
    expect(f.months).toEqual([...new Set(raw.map((r) => r.month))].sort());
    expect(f.drugsLast12).toBe(of(DRUGS, f.last12).length);
    expect(f.weaponsLast12).toBe(of(WEAPONS, f.last12).length);
    const drugs = countBy(raw.filter((r) => r.crimeType === DRUGS), (r) => r.month);
    expect(f.drugsByMonth).toEqual(f.months.map((month) => ({month, count: drugs.get(month) ?? 0})));
    expect(md).toContain(`police recorded ${formatCount(of(DRUGS, f.last12).length)} drug offences and ${formatCount(of(WEAPONS, f.last12).length)} weapons possession offences`);
  });

  test("the months that stand out are more than twice the middle month", () => {
    const drugs = [...countBy(raw.filter((r) => r.crimeType === DRUGS), (r) => r.month)];
    const sorted = drugs.map(([, n]) => n).sort((a, b) => a - b);
    const middle = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    expect(f.drugMedian).toBe(middle);
    expect(f.drugSpikes.map((s) => s.month)).toEqual(drugs.filter(([, n]) => n > 2 * middle).map(([m]) => m).sort());
    for (const s of f.drugSpikes) expect(md).toContain(formatCount(s.count));
  });

  test("year on year: only calendar months both years hold, as the raw files count them", () => {
    expect(f.sameMonths.length).toBeGreaterThan(0);
    for (const s of f.sameMonths) {
      for (const c of [s.all, ...(s.clean ? [s.clean] : [])]) {
        c.before.forEach((m, i) => expect(Number(c.after[i].slice(0, 4)) - Number(m.slice(0, 4))).toBeGreaterThan(0));
        for (const m of [...c.before, ...c.after]) expect(f.months).toContain(m);
        expect(c.drugs).toEqual({before: of(DRUGS, c.before).length, after: of(DRUGS, c.after).length});
        expect(c.weapons).toEqual({before: of(WEAPONS, c.before).length, after: of(WEAPONS, c.after).length});
        expect(md).toContain(`${formatCount(of(DRUGS, c.after).length)} in`);
      }
      if (s.clean) for (const m of s.all.before.filter((m) => !s.clean!.before.includes(m))) expect(f.underSupplied).toContain(m);
    }
  });

  test("by area, per 1,000 residents, with unlocated and outside records counted", () => {
    const rows = of(DRUGS, f.last12);
    const byArea = countBy(rows, (r) => areaOf(r, lookup));
    for (const a of areas) expect(f.byArea.areas.find((x) => x.area.code === a.code)!.count, a.name).toBe(byArea.get(a.code) ?? 0);
    expect(f.byArea.noLocation).toBe(byArea.get("unknown") ?? 0);
    expect(f.byArea.outside).toBe(byArea.get("outside") ?? 0);
    const top = f.byArea.areas[0];
    expect(md).toContain(`${top.area.name} recorded the most drug offences`);
    expect(md).toContain(`${formatCount(byArea.get(top.area.code)!)}, or ${formatRate(((byArea.get(top.area.code)!) / top.area.population) * 1000)} for every 1,000 residents`);
  });

  test("by LSOA: the most in one small area", () => {
    const rows = of(DRUGS, f.last12).filter((r) => areas.some((a) => a.code === areaOf(r, lookup)));
    const byLsoa = countBy(rows, (r) => r.lsoaCode);
    expect(f.lsoas.length).toBe(byLsoa.size);
    expect(f.lsoas[0].count).toBe(Math.max(...byLsoa.values()));
    expect(md).toContain(`The most in one LSOA was ${formatCount(Math.max(...byLsoa.values()))}`);
  });

  test("last outcomes, and the share still open in the first and last month", () => {
    const rows = of(DRUGS, f.last12);
    const byOutcome = countBy(rows, (r) => r.lastOutcome || "No outcome recorded");
    const [topOutcome, topCount] = [...byOutcome].sort((a, b) => b[1] - a[1])[0];
    expect(f.outcomes[0].outcome).toBe(topOutcome);
    expect(md).toContain(`${formatPercent(topCount / rows.length)} ended with “${topOutcome}”`);
    for (const {month, share} of [f.openFirst, f.openLast]) {
      const inMonth = rows.filter((r) => r.month === month);
      expect(share).toBeCloseTo(inMonth.filter((r) => OPEN_OUTCOMES.includes(r.lastOutcome)).length / inMonth.length, 12);
    }
  });

  test("stop and search: searches for drugs, what they found, and blank age and ethnicity, from the raw files", () => {
    const stops = rawStops();
    const drugs = stops.filter((r) => r["Object of search"] === DRUG_SEARCH);
    const s = f.stopSearch!;
    expect(s.searches).toBe(stops.length);
    expect(s.drugSearches).toBe(drugs.length);
    expect(s.drugLinked).toBe(drugs.filter((r) => r["Outcome linked to object of search"] === "True").length);
    expect(s.linked).toBe(stops.filter((r) => r["Outcome linked to object of search"] === "True").length);
    expect(s.months).toEqual([...new Set(stops.map((r) => r.Date!.slice(0, 7)))].sort());
    const blank = stops.filter((r) => !r["Age range"] && !r["Self-defined ethnicity"] && !r["Officer-defined ethnicity"]).length;
    expect(f.blanks).toMatchObject({rows: stops.length, allBlank: blank});
    expect(blank / stops.length).toBeGreaterThan(0.9); // "almost every row": if this changes, the story's wording must too
    expect(md).toContain(`officers made ${formatCount(stops.length)} stop and searches; ${formatCount(drugs.length)} (${formatPercent(drugs.length / stops.length)}) were for controlled drugs`);
    expect(md).toContain(`blank on ${formatCount(blank)} of the ${formatCount(stops.length)} published searches`);
  });

  test("every county lines figure from the reports is shown as published, with its document and section", () => {
    const measures = readPublishedMeasures().filter((m) => m.story === "county_lines");
    expect(measures.length).toBe(20);
    for (const m of measures) {
      expect(md, m.id).toContain(escapeText(m.measure));
      expect(md, m.id).toContain(escapeText(citation(m)));
    }
  });

  test("every phone number and web address for reporting comes with a public source and its date", () => {
    checkContacts(md);
  });
});
