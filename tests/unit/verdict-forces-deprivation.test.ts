// The trend verdict, the forces comparison and the deprivation shares, each checked against figures computed here
// straight from the raw snapshot files (police.uk street files, national count tables, population, the IMD dBase
// table), not from the extracts the functions read.
import {beforeAll, describe, expect, it} from "vitest";
import {formatPercent} from "../../src/components/format.ts";
import {deprivationFacts, type AreaDeprivation} from "../../loaders/areas/deprivation.ts";
import {trendVerdict, trendVerdicts, underSuppliedMonths, type TrendVerdict} from "../../loaders/areas/trend-verdict.ts";
import {withExtracts} from "../../loaders/extracts/query.ts";
import {forcesFacts, type ForcesFacts} from "../../loaders/forces/facts.ts";
import {areas} from "../../loaders/lib/force.ts";
import {areaOf, lsoaToArea, rawStreetRows} from "./raw-counts.ts";
import {rawCsv, rawNational} from "./lib/raw-national.ts";
import {allAreaCodes, rawDeprivation} from "./lib/raw-deprivation.ts";

const ASB = "Anti-social behaviour";
let verdicts: {force: TrendVerdict; areas: Map<string, TrendVerdict>; underSupplied: string[]};
let forces: ForcesFacts;
let deprivation: {months: string[]; force: AreaDeprivation; areas: AreaDeprivation[]};
beforeAll(async () => {
  await withExtracts(async (db) => {
    verdicts = await trendVerdicts(db);
    forces = await forcesFacts(db);
    deprivation = await deprivationFacts(db);
  });
});

describe("trend verdict", () => {
  it("flags January–March 2022 as under-supplied, and no other month held", async () => {
    expect(verdicts.underSupplied).toEqual(["2022-01", "2022-02", "2022-03"]);
    // From the raw rows: in each, every crime type with 50 or more records in a typical 2022 month is below its median.
    const raw = (await rawStreetRows()).filter((r) => r.month.startsWith("2022") && r.crimeType !== ASB);
    const count = new Map<string, number>();
    for (const r of raw) count.set(`${r.month}|${r.crimeType}`, (count.get(`${r.month}|${r.crimeType}`) ?? 0) + 1);
    const months = [...new Set(raw.map((r) => r.month))].sort();
    for (const m of ["2022-01", "2022-02", "2022-03"]) {
      for (const t of new Set(raw.map((r) => r.crimeType))) {
        const others = months.filter((x) => x !== m).map((x) => count.get(`${x}|${t}`) ?? 0).sort((a, b) => a - b);
        const median = (others[4] + others[5]) / 2;
        if (median >= 50) expect(count.get(`${m}|${t}`) ?? 0, `${m} ${t}`).toBeLessThan(median);
      }
    }
  });

  it("the 2022 and 2025 counts, by type and by district, are the raw files' for the same 11 months, with and without January–March", async () => {
    const raw = (await rawStreetRows()).filter((r) => r.crimeType !== ASB);
    const lookup = lsoaToArea();
    const months = (year: string, from: number) => Array.from({length: 12 - from}, (_, i) => `${year}-${String(i + from).padStart(2, "0")}`).filter((m) => m <= `${year}-11`);
    const tally = (rows: typeof raw, set: string[]) => {
      const byType = new Map<string, number>();
      for (const r of rows) if (set.includes(r.month)) byType.set(r.crimeType, (byType.get(r.crimeType) ?? 0) + 1);
      return byType;
    };
    const check = (v: TrendVerdict, rows: typeof raw, label: string) => {
      const [y2022, y2024] = v.years;
      expect(y2022.earlierYear).toBe("2022");
      for (const [comparison, from] of [[y2022.all, 1], [y2022.withoutUnderSupplied!, 4]] as const) {
        const before = tally(rows, months("2022", from)), after = tally(rows, months("2025", from));
        expect(comparison.before, label).toEqual(months("2022", from));
        expect(comparison.beforeCount, label).toBe([...before.values()].reduce((s, n) => s + n, 0));
        expect(comparison.afterCount, label).toBe([...after.values()].reduce((s, n) => s + n, 0));
        for (const t of comparison.types) {
          expect(t.before, `${label} ${t.crimeType} 2022`).toBe(before.get(t.crimeType) ?? 0);
          expect(t.after, `${label} ${t.crimeType} 2025`).toBe(after.get(t.crimeType) ?? 0);
        }
      }
      expect(y2024.all.before).toEqual(["2024-01", "2024-02", "2024-03", "2024-04"]);
      expect(y2024.withoutUnderSupplied).toBeNull();
      // The change in words, from the raw counts: "12% lower than", or "about the same as" when it rounds to 0%.
      const words = (c: {afterCount: number; beforeCount: number}) => {
        const change = (c.afterCount - c.beforeCount) / c.beforeCount;
        return Math.round(change * 100) === 0 ? "about the same as" : `${formatPercent(change)} ${change > 0 ? "higher" : "lower"} than`;
      };
      expect(v.sentence, label).toContain(`Crime in January to November 2025 was ${words(y2022.all)} in the same 11 months of 2022`);
      expect(v.sentence, label).toContain(`leaving out January to March 2022, which look under-supplied, April to November 2025 was ${words(y2022.withoutUnderSupplied!)} April to November 2022`);
      expect(v.sentence, label).toContain(`January to April 2025 was ${words(y2024.all)} January to April 2024.`);
    };
    check(verdicts.force, raw, "force");
    for (const a of areas) check(verdicts.areas.get(a.code)!, raw.filter((r) => areaOf(r, lookup) === a.code), a.name);
    expect(verdicts.force.warning).toMatch(/^January to March 2022 look under-supplied: every crime type is lower/);
  });

  it("words a change both ways, says 'about the same' under half a percent, and needs a shared month", () => {
    const rows = (pairs: [string, number][]) => pairs.map(([month, count]) => ({month, crimeType: "Burglary", count}));
    expect(trendVerdict(rows([["2024-03", 200], ["2025-03", 150]]), []).sentence).toBe("Crime in March 2025 was 25% lower than in the same month of 2024.");
    expect(trendVerdict(rows([["2024-03", 1000], ["2024-04", 1000], ["2025-03", 1003], ["2025-04", 1000]]), []).sentence).toBe("Crime in March to April 2025 was about the same as in the same two months of 2024.");
    expect(trendVerdict(rows([["2024-03", 200], ["2025-04", 150]]), []).sentence).toBeNull();
    expect(underSuppliedMonths(rows([["2025-01", 100], ["2025-02", 100], ["2025-03", 100]]))).toEqual([]); // fewer than four months: not judged
  });
});

describe("forces comparison", () => {
  it("Staffordshire's 2025 crime per 1,000 and rank among the forces with a full year, as the raw files give them", async () => {
    // Staffordshire's own 2025 street files give its crime: the national table must agree.
    const staffs = (await rawStreetRows()).filter((r) => r.month.startsWith("2025") && r.crimeType !== ASB).length;
    expect(forces.force.crime).toBe(staffs);
    expect(forces.force.population).toBe(areas.reduce((s, a) => s + a.population, 0));
    expect(forces.force.rate).toBeCloseTo((staffs / 1_134_300) * 1000, 10);

    const {owner, population, months, lad} = rawNational();
    const pop = new Map<string, number>();
    for (const [code, force] of owner) pop.set(force, (pop.get(force) ?? 0) + population.get(code)!);
    const crime = new Map<string, number>();
    for (const d of lad) if (d.crime_type !== ASB) crime.set(d.force, (crime.get(d.force) ?? 0) + Number(d.count));
    const compared = [...pop.keys()].filter((f) => months.get(f) === 12 && f !== "city-of-london");
    const rate = new Map(compared.map((f) => [f, (crime.get(f)! / pop.get(f)!) * 1000]));
    expect(forces.compared.map((f) => f.force).sort()).toEqual([...compared].sort());
    expect(forces.force.rank).toBe([...rate.values()].filter((r) => r > rate.get("staffordshire")!).length + 1);
    expect(forces.average.meanRate).toBeCloseTo([...rate.values()].reduce((s, r) => s + r, 0) / rate.size, 10);
    for (const t of forces.byType) {
      const typeRate = new Map(compared.map((f) => [f, (lad.filter((d) => d.force === f && d.crime_type === t.crimeType).reduce((s, d) => s + Number(d.count), 0) / pop.get(f)!) * 1000]));
      expect(t.rate, t.crimeType).toBeCloseTo(typeRate.get("staffordshire")!, 10);
      expect(t.rank, t.crimeType).toBe([...typeRate.values()].filter((r) => r > typeRate.get("staffordshire")!).length + 1);
    }
  });

  it("names the neighbours by shared boundaries, and every force left out with its reason", () => {
    expect(forces.neighbours.map((n) => n.force).sort()).toEqual(["cheshire", "derbyshire", "leicestershire", "warwickshire", "west-mercia"]);
    expect(forces.neighbours.every((n) => n.rate !== null && n.rank !== null)).toBe(true);
    expect(forces.neighbourDistrictsWithoutForce.map((d) => d.name)).toEqual(["Birmingham", "Dudley", "Walsall", "Wolverhampton"]);
    const missing = new Map(forces.missing.map((m) => [m.force, m]));
    for (const f of ["metropolitan", "west-midlands", "west-yorkshire"]) expect(missing.get(f)?.reason, f).toMatch(/^none of its 2025 street files/);
    expect(missing.get("avon-and-somerset")).toMatchObject({monthsRead: 6, reason: "only 6 of its 12 monthly street files of 2025 are in the copy counted, which leaves out files of 4 MiB or more"});
    expect(missing.get("metropolitan")?.name).toBe("Metropolitan Police");
    expect(missing.get("thames-valley")?.monthsRead).toBe(11);
    expect(missing.get("btp")?.reason).toMatch(/railways/);
    expect(missing.get("northern-ireland")?.reason).toMatch(/not a force of England and Wales/);
    expect(missing.get("city-of-london")?.reason).toMatch(/residents \(Census 2021\) are far fewer/);
    expect(missing.get("greater-manchester")?.reason).toBe("publishes no street-level crime data to police.uk");
    // Every force of the inputs list is either compared or missing, once.
    const all = new Set(rawCsv("police-uk-national/inputs-2025.csv.gz").map((d) => d.force!));
    expect([...forces.compared.map((f) => f.force), ...forces.missing.map((m) => m.force)].sort()).toEqual([...all, "greater-manchester"].sort());
  });
});

describe("deprivation", () => {
  it("the shares of crime and of LSOAs in England's most deprived 10% and 20% are those of the raw files", async () => {
    expect(deprivation.months).toEqual(Array.from({length: 12}, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`));
    const expectFor = async (facts: AreaDeprivation, codes: Set<string>) => {
      const raw = await rawDeprivation(codes, deprivation.months);
      expect(facts.lsoas, facts.name).toBe(raw.lsoas);
      expect(facts.crime, facts.name).toBe(raw.crime);
      for (const band of ["mostDeprived10", "mostDeprived20"] as const) {
        expect(facts[band].lsoas, `${facts.name} ${band}`).toBe(raw[band].lsoas);
        expect(facts[band].crime, `${facts.name} ${band}`).toBe(raw[band].crime);
        expect(facts[band].crimeShare).toBeCloseTo(raw[band].crimeShare, 12);
        expect(facts[band].lsoaShare).toBeCloseTo(raw[band].lsoaShare, 12);
      }
      expect(facts.noDecile).toEqual({lsoas: 0, crime: 0});
    };
    await expectFor(deprivation.force, allAreaCodes());
    for (const a of deprivation.areas) await expectFor(a, new Set([a.code]));
    // Stoke-on-Trent has the most LSOAs in England's most deprived 10%.
    expect(deprivation.areas.reduce((a, b) => (b.mostDeprived10.lsoas > a.mostDeprived10.lsoas ? b : a)).name).toBe("Stoke-on-Trent");
  });
});
