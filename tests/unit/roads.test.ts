// The Roads story's figures equal counts taken straight from the raw STATS19 file.
import {describe, expect, test} from "vitest";
import {formatCount} from "../../src/components/format.ts";
import {areas} from "../../loaders/lib/force.ts";
import {withExtracts} from "../../loaders/lib/query.ts";
import {roadFacts, DAYS} from "../../loaders/roads/facts.ts";
import {roadsPage} from "../../loaders/pages/roads.ts";
import {publishedMeasure} from "../../loaders/sources/published.ts";
import {countBy, rawCollisions} from "./raw-counts.ts";

describe("roads story", async () => {
  const raw = await rawCollisions();
  const facts = await withExtracts(roadFacts);
  const year = Math.max(...raw.map((r) => r.year));
  const inYear = raw.filter((r) => r.year === year);

  test("totals by severity and KSI", () => {
    expect(facts.year).toBe(year);
    expect(facts.collisions).toBe(inYear.length);
    expect(facts.fatal).toBe(inYear.filter((r) => r.severity === 1).length);
    expect(facts.serious).toBe(inYear.filter((r) => r.severity === 2).length);
    expect(facts.slight).toBe(inYear.filter((r) => r.severity === 3).length);
    expect(facts.ksi).toBe(inYear.filter((r) => r.severity <= 2).length);
    expect(facts.casualties).toBe(inYear.reduce((s, r) => s + r.casualties, 0));
  });

  test("KSI by area and per 100,000 residents", () => {
    const ksi = countBy(inYear.filter((r) => r.severity <= 2), (r) => r.ladCode);
    for (const a of areas) {
      const row = facts.byArea.find((d) => d.code === a.code)!;
      expect(row.ksi, a.name).toBe(ksi.get(a.code) ?? 0);
      expect(row.ksiPer100k).toBeCloseTo(((ksi.get(a.code) ?? 0) / a.population) * 1e5, 6);
    }
  });

  test("peak hours and days", () => {
    // DfT codes day_of_week 1 = Sunday … 7 = Saturday
    const dayName = (d: number) => DAYS[(d + 5) % 7];
    const byDay = countBy(inYear, (r) => dayName(r.dayOfWeek));
    expect(facts.peakDay.collisions).toBe(Math.max(...byDay.values()));
    expect(byDay.get(facts.peakDay.day)).toBe(facts.peakDay.collisions);
    expect(byDay.get(facts.quietDay.day)).toBe(Math.min(...byDay.values()));
    const byHour = countBy(inYear.filter((r) => r.hour !== null), (r) => String(r.hour));
    const window = [0, 1, 2].reduce((s, i) => s + (byHour.get(String(facts.peakHours.from + i)) ?? 0), 0);
    expect(facts.peakHours.collisions).toBe(window);
    for (let h = 0; h <= 21; ++h) expect([0, 1, 2].reduce((s, i) => s + (byHour.get(String(h + i)) ?? 0), 0)).toBeLessThanOrEqual(window);
  });

  test("the page's prose carries the computed numbers and the force's cited figures", async () => {
    const md = await roadsPage();
    expect(md).toContain(`In ${year}, ${formatCount(facts.fatal)} collisions on`);
    expect(md).toContain(`${formatCount(facts.serious)} more seriously injured someone`);
    expect(md).toContain(`Police recorded ${formatCount(inYear.length)} collisions`);
    const serious = publishedMeasure(`roads-serious-collisions-${year}`);
    expect(md).toContain(`${formatCount(serious.value)} serious collisions`);
    expect(md).toContain("Force performance report (January 2024), section 3.5");
    expect(md).toContain(`STATS19 has ${formatCount(facts.fatal)} fatal and ${formatCount(facts.serious)} serious`);
  });
});
