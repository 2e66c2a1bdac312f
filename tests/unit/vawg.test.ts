// The VAWG story's open-data figures equal counts taken straight from the raw police.uk street files; its published
// figures carry their document and section; small area counts are withheld as "fewer than 5"; nothing finer than a
// council area is published; every help line comes with a dated source; and the quick exit is on both pages.
import {JSDOM} from "jsdom";
import {describe, expect, test} from "vitest";
import {formatPercent, formatRate} from "../../src/components/format.ts";
import {areaRatesChart} from "../../loaders/charts/crime.ts";
import {OPEN_OUTCOMES, type CountsByArea} from "../../loaders/extracts/crime-facts.ts";
import {withExtracts} from "../../loaders/extracts/query.ts";
import {areas, forcePopulation} from "../../loaders/lib/force.ts";
import {countText} from "../../loaders/site/components.ts";
import {escapeText} from "../../loaders/site/html.ts";
import {citation} from "../../loaders/sources/documents.ts";
import {readPublishedMeasures} from "../../loaders/sources/published.ts";
import {storyPage} from "../../loaders/stories/page.ts";
import {areaRatesWithheld, vawgCharts} from "../../loaders/stories/vawg/charts.ts";
import {conductCrimesChange, VSO, vawgFacts} from "../../loaders/stories/vawg/facts.ts";
import {EXIT_URL} from "../../loaders/stories/vawg/quick-exit.ts";
import {checkContacts} from "./lib/contacts.ts";
import {areaOf, countBy, lsoaToArea, rawStreetRows} from "./raw-counts.ts";

describe("vawg story", async () => {
  const raw = await rawStreetRows();
  const lookup = lsoaToArea();
  const f = await withExtracts(vawgFacts);
  const first = await storyPage("vawg"), continued = await storyPage("vawg-continued");
  const md = first + continued;
  const of = (months: string[]) => raw.filter((r) => r.crimeType === VSO && months.includes(r.month));

  test("violence and sexual offences over the latest 12 months and month by month, as the raw files count them", () => {
    expect(f.last12Count).toBe(of(f.last12).length);
    const byMonth = countBy(raw.filter((r) => r.crimeType === VSO), (r) => r.month);
    expect(f.monthly.map((r) => [r.month, r.count])).toEqual(f.months.map((m) => [m, byMonth.get(m) ?? 0]));
    expect(md).toContain(`police.uk recorded ${countText(of(f.last12).length)} violence and sexual offences`);
  });

  test("year on year only in months both years hold and on the same side of the recording change", () => {
    const change = conductCrimesChange();
    const stated = f.sameMonths.filter((c) => c.before[0] >= change.month);
    expect(stated.length).toBeGreaterThan(0);
    for (const c of stated) {
      expect(c.countBefore).toBe(of(c.before).length);
      expect(c.countAfter).toBe(of(c.after).length);
      expect(md).toContain(`${countText(of(c.after).length)} in`);
    }
    for (const c of f.sameMonths.filter((c) => c.before[0] < change.month)) expect(md).not.toContain(`${countText(c.countBefore)} in`);
  });

  test("by area with rates per 1,000 residents", () => {
    const byArea = countBy(of(f.last12), (r) => areaOf(r, lookup));
    for (const a of areas) expect(f.byArea.areas.find((x) => x.area.code === a.code)!.count, a.name).toBe(byArea.get(a.code) ?? 0);
    const top = f.byArea.areas[0];
    expect(md).toContain(`${top.area.name} recorded the most violence and sexual offences`);
    expect(md).toContain(`${countText(byArea.get(top.area.code)!)}, or ${formatRate((byArea.get(top.area.code)! / top.area.population) * 1000)} for every 1,000 residents`);
  });

  test("last outcomes, and the share still open in the first and last month", () => {
    const rows = of(f.last12);
    const byOutcome = countBy(rows, (r) => r.lastOutcome || "No outcome recorded");
    const [topOutcome, n] = [...byOutcome].sort((a, b) => b[1] - a[1])[0];
    expect(f.outcomes[0].outcome).toBe(topOutcome);
    expect(md).toContain(`${formatPercent(n / rows.length)} ended with “${topOutcome}”`);
    for (const {month, share} of [f.openFirst, f.openLast]) {
      const inMonth = rows.filter((r) => r.month === month);
      expect(share).toBeCloseTo(inMonth.filter((r) => OPEN_OUTCOMES.includes(r.lastOutcome)).length / inMonth.length, 12);
    }
  });

  test("an area with fewer than 5 offences is not drawn and is named only as 'fewer than 5'", () => {
    // A made-up count for one area, to exercise the rule (the real counts are in the thousands).
    const counts: CountsByArea = {months: ["2025-01"], noLocation: 0, outside: 0,
      areas: areas.map((area, i) => ({area, count: i === 0 ? 3 : 100 + i, rate: ((i === 0 ? 3 : 100 + i) / area.population) * 1000})),
      force: {count: 1000, population: forcePopulation, rate: 1}};
    const spec = areaRatesWithheld(counts, areaRatesChart({id: "x", title: "t", subtitle: "s", description: "d", source: "s", updated: "u"}, counts, "Offences"));
    expect(spec.data.some((d) => String(d.label).startsWith(areas[0].name))).toBe(false);
    expect(spec.note).toContain(`${areas[0].name} (fewer than 5 offences)`);
    expect(JSON.stringify(spec.data)).not.toContain('"count":3,');
  });

  test("no chart in the story is finer than a council area", async () => {
    const charts = Object.values(await vawgCharts.load()).filter((c) => c !== undefined);
    for (const c of charts) {
      expect(["choropleth", "pointsMap"]).not.toContain(c.plot);
      expect(JSON.stringify(c.data)).not.toMatch(/E0[12]\d{6}/); // no LSOA codes
    }
  });

  test("every VAWG figure from the reports is shown as published, with its document and section", () => {
    const measures = readPublishedMeasures().filter((m) => m.story === "vawg");
    expect(measures.length).toBe(21);
    for (const m of measures) {
      expect(md, m.id).toContain(escapeText(m.measure));
      expect(md, m.id).toContain(escapeText(citation(m)));
    }
  });

  test("every help line and address comes with a public source and its date", () => {
    checkContacts(first, {minContacts: 3});
    checkContacts(continued, {minContacts: 6});
  });

  test("both pages start with the quick exit: a plain link to a neutral page, the live region, and its inline script", () => {
    for (const page of [first, continued]) {
      const doc = new JSDOM(`<!DOCTYPE html><body>${page.slice(page.indexOf("---", 3) + 3)}</body>`).window.document;
      const exit = doc.querySelector("[data-exit-this-page] a")!;
      expect(exit.getAttribute("href")).toBe(EXIT_URL);
      expect(exit.textContent!.replace(/\s+/g, " ").trim()).toBe("Emergency Exit this page");
      expect(doc.querySelector("[data-exit-this-page] [role=status]")).not.toBeNull();
      // the exit and its script come before the page's title and story
      const h1 = page.indexOf("\n# ");
      expect(page.indexOf("data-exit-this-page")).toBeLessThan(h1);
      expect(page.indexOf("location.replace")).toBeLessThan(h1);
      expect(page.slice(0, h1)).not.toContain("${");
      expect(page.indexOf("Content note")).toBeLessThan(h1);
    }
  });
});
