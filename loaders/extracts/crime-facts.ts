// Counts of police.uk records that several pages state — by month over every month held, by area with rates, by
// last outcome, by LSOA — for any set of crime types, computed from the street extracts. Stories and area pages
// word them; this only counts. Crime types are checked against the extract's own list, never pasted into SQL.
import {monthGaps, shiftMonth} from "../../src/components/months.ts";
import {sqlList, type Db} from "../lib/duckdb.ts";
import {areas, forcePopulation, type Area} from "../lib/force.ts";

export const ASB = "Anti-social behaviour";

/** Every crime type the extract holds, sorted. */
export async function crimeTypes(db: Db): Promise<string[]> {
  return (await db.all<{t: string}>(`SELECT DISTINCT crime_type AS t FROM street_crime_monthly ORDER BY 1`)).map((r) => r.t);
}

async function checkedTypes(db: Db, types: string[]): Promise<string> {
  const known = new Set(await crimeTypes(db));
  const unknown = types.filter((t) => !known.has(t));
  if (unknown.length) throw new Error(`crime types not in the street extract: ${unknown.join(", ")} (it has ${[...known].join(", ")})`);
  return sqlList(types);
}

/** Every month the extract holds, and the runs of months it does not hold between them. */
export async function monthsHeld(db: Db): Promise<{months: string[]; gaps: {from: string; to: string}[]}> {
  const months = (await db.all<{month: string}>(`SELECT DISTINCT month FROM street_crime_monthly ORDER BY month`)).map((r) => r.month);
  return {months, gaps: monthGaps(months)};
}

export interface Series {
  /** the label a chart and its table show */
  label: string;
  types: string[];
}

/** Records per month for each series, over every month held (0 where a held month has none). Locations outside the force area and records without one are included: they are the force's records. */
export async function monthlyCounts(db: Db, series: Series[]): Promise<{month: string; series: string; count: number}[]> {
  const {months} = await monthsHeld(db);
  const out: {month: string; series: string; count: number}[] = [];
  for (const s of series) {
    const rows = await db.all<{month: string; n: number}>(`SELECT month, sum(count)::INTEGER AS n FROM street_crime_monthly WHERE crime_type IN ${await checkedTypes(db, s.types)} GROUP BY month`);
    const byMonth = new Map(rows.map((r) => [r.month, r.n]));
    for (const month of months) out.push({month, series: s.label, count: byMonth.get(month) ?? 0});
  }
  return out;
}

export interface AreaCount {
  area: Area;
  count: number;
  /** per 1,000 residents (Census 2021) */
  rate: number;
}

export interface CountsByArea {
  months: string[];
  areas: AreaCount[];
  /** the force's areas together (records located in them), its residents and rate */
  force: {count: number; population: number; rate: number};
  /** records with no location, and located outside the force's areas: in no area's count, never dropped */
  noLocation: number;
  outside: number;
}

/** Records of the given types in the given months, by area, with rates per 1,000 residents; highest rate first. */
export async function countsByArea(db: Db, types: string[], months: string[]): Promise<CountsByArea> {
  const rows = await db.all<{area_code: string; n: number}>(`SELECT area_code, sum(count)::INTEGER AS n FROM street_crime_monthly
    WHERE crime_type IN ${await checkedTypes(db, types)} AND month IN ${sqlList(months)} GROUP BY area_code`);
  const n = new Map(rows.map((r) => [r.area_code, r.n]));
  const list = areas.map((area) => ({area, count: n.get(area.code) ?? 0, rate: ((n.get(area.code) ?? 0) / area.population) * 1000}))
    .sort((a, b) => b.rate - a.rate || a.area.name.localeCompare(b.area.name));
  const count = list.reduce((s, a) => s + a.count, 0);
  return {months, areas: list, force: {count, population: forcePopulation, rate: (count / forcePopulation) * 1000},
    noLocation: n.get("unknown") ?? 0, outside: n.get("outside") ?? 0};
}

export interface OutcomeShare {
  outcome: string;
  count: number;
  share: number;
}

/** The last outcome police.uk gives for crimes of the given types (all crime if none given) in the given months, most common first. */
export async function outcomeShares(db: Db, types: string[] | null, months: string[]): Promise<OutcomeShare[]> {
  const rows = await db.all<{outcome: string; n: number}>(`SELECT CASE WHEN outcome_category = '' THEN 'No outcome recorded' ELSE outcome_category END AS outcome,
      sum(count)::INTEGER AS n FROM street_outcomes_monthly WHERE month IN ${sqlList(months)} ${types ? `AND crime_type IN ${await checkedTypes(db, types)}` : ""} GROUP BY 1`);
  const total = rows.reduce((s, r) => s + r.n, 0);
  return rows.map((r) => ({outcome: r.outcome, count: r.n, share: total ? r.n / total : 0})).sort((a, b) => b.count - a.count || a.outcome.localeCompare(b.outcome));
}

/**
 * Crimes by last outcome category as published ("" when none was given) and by month, crime type or area, in the
 * given months: every crime of the outcomes extract counted once (loaders/extracts/outcome-groups.ts groups them).
 */
export async function outcomeCountsBy(db: Db, by: "month" | "crime_type" | "area_code", months: string[]): Promise<{key: string; outcome: string; count: number}[]> {
  return (await db.all<{key: string; outcome: string; n: number}>(`SELECT ${by} AS key, outcome_category AS outcome, sum(count)::INTEGER AS n
    FROM street_outcomes_monthly WHERE month IN ${sqlList(months)} GROUP BY ALL ORDER BY ALL`)).map((r) => ({key: r.key, outcome: r.outcome, count: r.n}));
}

/** Records of the given types in the given months in each LSOA of the force's areas (LSOAs with none are absent). */
export async function lsoaCounts(db: Db, types: string[], months: string[]): Promise<{lsoa: string; areaCode: string; count: number}[]> {
  return (await db.all<{lsoa_code: string; area_code: string; n: number}>(`SELECT lsoa_code, area_code, sum(count)::INTEGER AS n FROM street_crime_monthly
    WHERE crime_type IN ${await checkedTypes(db, types)} AND month IN ${sqlList(months)} AND area_code IN ${sqlList(areas.map((a) => a.code))}
    GROUP BY ALL ORDER BY n DESC, lsoa_code`)).map((r) => ({lsoa: r.lsoa_code, areaCode: r.area_code, count: r.n}));
}

/**
 * Like-for-like comparisons the months held allow: for each year, the months it shares with the year before it
 * (same calendar months, both held). A year with no such month gives no comparison.
 */
export function sameMonthsYearOnYear(months: string[]): {before: string[]; after: string[]}[] {
  const held = new Set(months);
  const years = [...new Set(months.map((m) => m.slice(0, 4)))].sort();
  return years.flatMap((y) => {
    const after = months.filter((m) => m.startsWith(y) && held.has(shiftMonth(m, -12)));
    return after.length ? [{before: after.map((m) => shiftMonth(m, -12)), after}] : [];
  });
}

/** The calendar months held in both years: {before: months of `earlier`, after: the same months of `later`}. */
export function sameCalendarMonths(months: string[], earlier: number, later: number): {before: string[]; after: string[]} {
  const held = new Set(months);
  const after = months.filter((m) => m.startsWith(`${later}-`) && held.has(shiftMonth(m, (earlier - later) * 12)));
  return {before: after.map((m) => shiftMonth(m, (earlier - later) * 12)), after};
}
