// The computed facts behind every local area page and its charts: counts and rates for the latest 12 months,
// the monthly trend, year-on-year changes by crime type, LSOA counts, roads and outcomes, for all nine areas
// at once (every page compares its area with the others and the force, on the same footing).
import {shiftMonth} from "../../src/components/months.ts";
import {crimePeriods} from "../extracts/periods.ts";
import {sqlList, type Db} from "../lib/duckdb.ts";
import {areas, forcePopulation, type Area} from "../lib/force.ts";
import {readLsoaLookup} from "../geo/boundaries.ts";

export const ASB = "Anti-social behaviour";
export const VIOLENCE = "Violence and sexual offences";
export const DRUGS = "Drugs";

export interface Totals {
  crime: number;
  asb: number;
}

export interface Rates extends Totals {
  /** per 1,000 residents */
  crimeRate: number;
  asbRate: number;
}

export interface TypeFigure {
  crimeType: string;
  count: number;
  rate: number;
  forceCount: number;
  forceRate: number;
}

export interface ChangeFigure {
  crimeType: string;
  before: number;
  after: number;
  change: number;
  /** (after − before) / before; null when before is 0 */
  ratio: number | null;
}

export interface RoadFigures {
  year: number | null;
  collisions: number;
  fatal: number;
  serious: number;
  slight: number;
  ksi: number;
  /** per 100,000 residents */
  collisionRate: number;
  ksiRate: number;
}

export interface OutcomeFigure {
  outcome: string;
  count: number;
  share: number;
  forceShare: number;
}

export interface LsoaCount {
  code: string;
  name: string;
  crime: number;
  asb: number;
}

export interface AreaFacts extends Rates {
  area: Area;
  /** rank of the crime rate and ASB rate among the nine, 1 = highest */
  crimeRank: number;
  asbRank: number;
  types: TypeFigure[];
  monthly: {month: string; crime: number; asb: number}[];
  /** compared months (see Periods.compare), totals and by crime type (ASB excluded), biggest absolute change first */
  totalsBefore: Totals;
  totalsAfter: Totals;
  changes: ChangeFigure[];
  lsoas: LsoaCount[];
  roads: RoadFigures;
  outcomes: OutcomeFigure[];
  /** crimes with any outcome recorded in the latest 12 months (the outcomes denominator) */
  outcomeTotal: number;
}

export interface ForceFacts extends Rates {
  population: number;
  /** records in the force's files with no location, or located outside the nine areas (not in any area's count) */
  noLocation: number;
  outside: number;
  types: {crimeType: string; count: number; rate: number}[];
  totalsBefore: Totals;
  totalsAfter: Totals;
  roads: RoadFigures;
}

export interface AllFacts {
  months: string[];
  latest: string;
  last12: string[];
  /** the latest-12 months that have the same month a year earlier in the snapshot, and those earlier months */
  compare: {after: string[]; before: string[]};
  force: ForceFacts;
  areas: AreaFacts[];
}

const per1000 = (n: number, population: number) => (n / population) * 1000;
const per100k = (n: number, population: number) => (n / population) * 100_000;

async function hasView(db: Db, name: string): Promise<boolean> {
  return (await db.all<{n: number}>(`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = '${name}'`))[0].n > 0;
}

function roadFigures(rows: {severity: string; n: number}[], population: number, year: number | null): RoadFigures {
  const get = (s: string) => rows.filter((r) => r.severity === s).reduce((t, r) => t + r.n, 0);
  const fatal = get("Fatal"), serious = get("Serious"), slight = get("Slight");
  const collisions = rows.reduce((t, r) => t + r.n, 0);
  return {year, collisions, fatal, serious, slight, ksi: fatal + serious, collisionRate: per100k(collisions, population), ksiRate: per100k(fatal + serious, population)};
}

/** Everything the area pages say, computed from the extracts. */
export async function computeAreaFacts(db: Db): Promise<AllFacts> {
  const {months, latest, last12} = await crimePeriods(db);
  const held = new Set(months);
  const after = last12.filter((m) => held.has(shiftMonth(m, -12)));
  const before = after.map((m) => shiftMonth(m, -12));
  const codes = sqlList(areas.map((a) => a.code));

  const byType = await db.all<{area_code: string; crime_type: string; n: number}>(`
    SELECT area_code, crime_type, sum(count)::INTEGER AS n FROM street_crime_monthly WHERE month IN ${sqlList(last12)} GROUP BY ALL`);
  const monthly = await db.all<{area_code: string; month: string; crime: number; asb: number}>(`
    SELECT area_code, month, (sum(count) FILTER (WHERE crime_type <> '${ASB}'))::INTEGER AS crime, (sum(count) FILTER (WHERE crime_type = '${ASB}'))::INTEGER AS asb
    FROM street_crime_monthly WHERE area_code IN ${codes} GROUP BY ALL ORDER BY area_code, month`);
  const compared = after.length ? await db.all<{area_code: string; crime_type: string; period: string; n: number}>(`
    SELECT area_code, crime_type, CASE WHEN month IN ${sqlList(after)} THEN 'after' ELSE 'before' END AS period, sum(count)::INTEGER AS n
    FROM street_crime_monthly WHERE month IN ${sqlList([...after, ...before])} GROUP BY ALL`) : [];
  const lsoaRows = await db.all<{area_code: string; lsoa_code: string; crime: number; asb: number}>(`
    SELECT area_code, lsoa_code,
      coalesce(sum(count) FILTER (WHERE crime_type <> '${ASB}'), 0)::INTEGER AS crime, coalesce(sum(count) FILTER (WHERE crime_type = '${ASB}'), 0)::INTEGER AS asb
    FROM street_crime_monthly WHERE month IN ${sqlList(last12)} AND area_code IN ${codes} GROUP BY ALL ORDER BY area_code, lsoa_code`);
  const lsoaName = new Map(readLsoaLookup().map((d) => [d.lsoaCode, d.lsoaName]));
  const outcomes = await db.all<{area_code: string; outcome: string; n: number}>(`
    SELECT area_code, CASE WHEN outcome_category = '' THEN 'No outcome recorded' ELSE outcome_category END AS outcome, sum(count)::INTEGER AS n
    FROM street_outcomes_monthly WHERE month IN ${sqlList(last12)} GROUP BY ALL`);
  const hasRoads = await hasView(db, "road_collisions");
  const roads = hasRoads ? await db.all<{area_code: string; severity: string; year: number; n: number}>(`
    SELECT area_code, severity, year, count(*)::INTEGER AS n FROM road_collisions
    WHERE year = (SELECT max(year) FROM road_collisions) GROUP BY ALL`) : [];
  const roadYear = roads.length ? roads[0].year : null;

  const sum = (rows: {n: number}[]) => rows.reduce((t, r) => t + r.n, 0);
  const inAreas = byType.filter((r) => areas.some((a) => a.code === r.area_code));
  const forceCrime = sum(inAreas.filter((r) => r.crime_type !== ASB)), forceAsb = sum(inAreas.filter((r) => r.crime_type === ASB));
  const crimeTypes = [...new Set(byType.map((r) => r.crime_type))].filter((t) => t !== ASB).sort();
  const forceTypes = crimeTypes.map((t) => {
    const count = sum(inAreas.filter((r) => r.crime_type === t));
    return {crimeType: t, count, rate: per1000(count, forcePopulation)};
  }).sort((a, b) => b.count - a.count);
  const totalsOf = (rows: typeof compared, period: string): Totals => ({
    crime: sum(rows.filter((r) => r.period === period && r.crime_type !== ASB)),
    asb: sum(rows.filter((r) => r.period === period && r.crime_type === ASB))
  });
  const comparedInAreas = compared.filter((r) => areas.some((a) => a.code === r.area_code));
  const outcomesInAreas = outcomes.filter((r) => areas.some((a) => a.code === r.area_code));
  const forceOutcomeTotal = sum(outcomesInAreas);

  const force: ForceFacts = {
    population: forcePopulation, crime: forceCrime, asb: forceAsb,
    crimeRate: per1000(forceCrime, forcePopulation), asbRate: per1000(forceAsb, forcePopulation),
    noLocation: sum(byType.filter((r) => r.area_code === "unknown")), outside: sum(byType.filter((r) => r.area_code === "outside")),
    types: forceTypes,
    totalsBefore: totalsOf(comparedInAreas, "before"), totalsAfter: totalsOf(comparedInAreas, "after"),
    roads: roadFigures(roads.filter((r) => areas.some((a) => a.code === r.area_code)), forcePopulation, roadYear)
  };

  const list: AreaFacts[] = areas.map((area) => {
    const mine = byType.filter((r) => r.area_code === area.code);
    const crime = sum(mine.filter((r) => r.crime_type !== ASB)), asb = sum(mine.filter((r) => r.crime_type === ASB));
    const types = crimeTypes.map((t) => {
      const count = sum(mine.filter((r) => r.crime_type === t));
      const f = forceTypes.find((x) => x.crimeType === t)!;
      return {crimeType: t, count, rate: per1000(count, area.population), forceCount: f.count, forceRate: f.rate};
    }).sort((a, b) => b.count - a.count || a.crimeType.localeCompare(b.crimeType));
    const cmp = compared.filter((r) => r.area_code === area.code);
    const changes = crimeTypes.map((t) => {
      const b = sum(cmp.filter((r) => r.crime_type === t && r.period === "before")), a = sum(cmp.filter((r) => r.crime_type === t && r.period === "after"));
      return {crimeType: t, before: b, after: a, change: a - b, ratio: b ? (a - b) / b : null};
    }).sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || x.crimeType.localeCompare(y.crimeType));
    const mineOutcomes = outcomes.filter((r) => r.area_code === area.code);
    const outcomeTotal = sum(mineOutcomes);
    const outcomeNames = [...new Set(outcomesInAreas.map((r) => r.outcome))];
    const areaOutcomes = outcomeNames.map((o) => {
      const count = sum(mineOutcomes.filter((r) => r.outcome === o));
      return {outcome: o, count, share: outcomeTotal ? count / outcomeTotal : 0, forceShare: forceOutcomeTotal ? sum(outcomesInAreas.filter((r) => r.outcome === o)) / forceOutcomeTotal : 0};
    }).sort((a, b) => b.count - a.count || a.outcome.localeCompare(b.outcome));
    return {
      area, crime, asb, crimeRate: per1000(crime, area.population), asbRate: per1000(asb, area.population), crimeRank: 0, asbRank: 0,
      types,
      monthly: monthly.filter((r) => r.area_code === area.code).map((r) => ({month: r.month, crime: r.crime ?? 0, asb: r.asb ?? 0})),
      totalsBefore: totalsOf(cmp, "before"), totalsAfter: totalsOf(cmp, "after"), changes,
      lsoas: lsoaRows.filter((r) => r.area_code === area.code).map((r) => ({code: r.lsoa_code, name: lsoaName.get(r.lsoa_code) ?? r.lsoa_code, crime: r.crime, asb: r.asb})),
      roads: roadFigures(roads.filter((r) => r.area_code === area.code), area.population, roadYear),
      outcomes: areaOutcomes, outcomeTotal
    };
  });
  const rank = (key: "crimeRate" | "asbRate") => {
    const sorted = [...list].sort((a, b) => b[key] - a[key]);
    return (f: AreaFacts) => sorted.indexOf(f) + 1;
  };
  const crimeRank = rank("crimeRate"), asbRank = rank("asbRate");
  for (const f of list) {
    f.crimeRank = crimeRank(f);
    f.asbRank = asbRank(f);
  }
  return {months, latest, last12, compare: {after, before}, force, areas: list};
}

let memo: Promise<AllFacts> | undefined;
/** Memoised per process: one computation serves every chart builder and page loader in it. */
export function areaFacts(db: Db): Promise<AllFacts> {
  return (memo ??= computeAreaFacts(db));
}

export function factsFor(all: AllFacts, slug: string): AreaFacts {
  const f = all.areas.find((a) => a.area.slug === slug);
  if (!f) throw new Error(`no area with slug ${slug}`);
  return f;
}
