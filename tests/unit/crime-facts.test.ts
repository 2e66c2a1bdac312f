// The shared police.uk counts (loaders/extracts/crime-facts.ts) equal counts taken straight from the raw street
// files: by month over every month held, by area with rates, by last outcome, by LSOA.
import {describe, expect, test} from "vitest";
import {countsByArea, lsoaCounts, monthlyCounts, monthsHeld, outcomeShares, sameCalendarMonths, sameMonthsYearOnYear} from "../../loaders/extracts/crime-facts.ts";
import {withExtracts} from "../../loaders/extracts/query.ts";
import {areas} from "../../loaders/lib/force.ts";
import {areaOf, countBy, lsoaToArea, rawStreetRows} from "./raw-counts.ts";

const DRUGS = ["Drugs"], WEAPONS = ["Possession of weapons"];

describe("crime facts", async () => {
  const raw = await rawStreetRows();
  const lookup = lsoaToArea();
  const facts = await withExtracts(async (db) => {
    const {months, gaps} = await monthsHeld(db);
    const last12 = months.slice(-12);
    return {months, gaps, last12,
      monthly: await monthlyCounts(db, [{label: "Drugs", types: DRUGS}, {label: "Weapons", types: WEAPONS}]),
      byArea: await countsByArea(db, DRUGS, last12),
      outcomes: await outcomeShares(db, DRUGS, last12), allOutcomes: await outcomeShares(db, null, last12),
      lsoas: await lsoaCounts(db, DRUGS, last12)};
  });

  test("every month held, each series counted as the raw files count it", () => {
    const rawMonths = [...new Set(raw.map((r) => r.month))].sort();
    expect(facts.months).toEqual(rawMonths);
    for (const [label, types] of [["Drugs", DRUGS], ["Weapons", WEAPONS]] as const) {
      const byMonth = countBy(raw.filter((r) => types.includes(r.crimeType)), (r) => r.month);
      expect(facts.monthly.filter((r) => r.series === label).map((r) => [r.month, r.count])).toEqual(rawMonths.map((m) => [m, byMonth.get(m) ?? 0]));
    }
  });

  test("the months not held are named as gaps between the months held", () => {
    for (const g of facts.gaps) {
      expect(facts.months.some((m) => m >= g.from && m <= g.to)).toBe(false);
      expect(facts.months.some((m) => m < g.from)).toBe(true);
      expect(facts.months.some((m) => m > g.to)).toBe(true);
    }
  });

  test("by area with rates per 1,000 residents; no location and outside counted, not dropped", () => {
    const rows = raw.filter((r) => DRUGS.includes(r.crimeType) && facts.last12.includes(r.month));
    const byArea = countBy(rows, (r) => areaOf(r, lookup));
    for (const a of areas) {
      const got = facts.byArea.areas.find((x) => x.area.code === a.code)!;
      expect(got.count, a.name).toBe(byArea.get(a.code) ?? 0);
      expect(got.rate).toBeCloseTo(((byArea.get(a.code) ?? 0) / a.population) * 1000, 9);
    }
    expect(facts.byArea.noLocation).toBe(byArea.get("unknown") ?? 0);
    expect(facts.byArea.outside).toBe(byArea.get("outside") ?? 0);
    expect(facts.byArea.force.count + facts.byArea.noLocation + facts.byArea.outside).toBe(rows.length);
    const rates = facts.byArea.areas.map((a) => a.rate);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
  });

  test("last outcome shares, for drugs and for all crime", () => {
    const shares = (rows: typeof raw) => {
      const by = countBy(rows, (r) => r.lastOutcome || "No outcome recorded");
      return new Map([...by].map(([k, n]) => [k, n / rows.length]));
    };
    const inPeriod = raw.filter((r) => facts.last12.includes(r.month) && r.crimeType !== "Anti-social behaviour");
    const drugs = shares(inPeriod.filter((r) => DRUGS.includes(r.crimeType))), all = shares(inPeriod);
    for (const o of facts.outcomes) expect(o.share, o.outcome).toBeCloseTo(drugs.get(o.outcome)!, 12);
    for (const o of facts.allOutcomes) expect(o.share, o.outcome).toBeCloseTo(all.get(o.outcome)!, 12);
    expect(facts.outcomes.reduce((s, o) => s + o.count, 0)).toBe(inPeriod.filter((r) => DRUGS.includes(r.crimeType)).length);
  });

  test("by LSOA within the force's areas", () => {
    const rows = raw.filter((r) => DRUGS.includes(r.crimeType) && facts.last12.includes(r.month) && areas.some((a) => a.code === areaOf(r, lookup)));
    const byLsoa = countBy(rows, (r) => r.lsoaCode);
    expect(facts.lsoas.length).toBe(byLsoa.size);
    for (const l of facts.lsoas) expect(l.count, l.lsoa).toBe(byLsoa.get(l.lsoa));
  });

  test("unknown crime types are refused, not queried", async () => {
    await expect(withExtracts((db) => countsByArea(db, ["Drugs' OR 1=1 --"], facts.last12))).rejects.toThrow(/crime types not in the street extract/);
  });
});

test("like-for-like months", () => {
  const months = ["2022-01", "2022-02", "2022-11", "2024-01", "2024-02", "2024-03", "2025-01", "2025-02", "2025-11", "2025-12"];
  expect(sameMonthsYearOnYear(months)).toEqual([{before: ["2024-01", "2024-02"], after: ["2025-01", "2025-02"]}]);
  expect(sameCalendarMonths(months, 2022, 2025)).toEqual({before: ["2022-01", "2022-02", "2022-11"], after: ["2025-01", "2025-02", "2025-11"]});
});
