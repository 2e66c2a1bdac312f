// The trend verdict at the top of an area page: the latest year against each earlier year over the same months,
// naming the months on both sides, e.g. "Crime in January to November 2025 was 21% lower than in the same 11
// months of 2022; …; January to April 2025 was 4% higher than January to April 2024". Months that look under-supplied
// (every crime type low at once: police.uk did not receive all records yet) are named, and comparisons are given
// with and without them. Crime means police.uk street-level crime, anti-social behaviour left out.
import {monthRuns} from "../../src/components/months.ts";
import {formatPercent} from "../../src/components/format.ts";
import type {Db} from "../lib/duckdb.ts";
import {underSuppliedMonths, type MonthTypeCount} from "../extracts/under-supply.ts";
import {describeMonths, numberWord} from "../lib/words.ts";
import {areas} from "../lib/force.ts";

export const ASB = "Anti-social behaviour";
// The under-supply detection lives below the area pages, so stories use the same one.
export {UNDER_SUPPLY_DROP, UNDER_SUPPLY_MIN_TYPE, underSuppliedMonths, type MonthTypeCount} from "../extracts/under-supply.ts";

export interface Comparison {
  /** months of the later year and the same months of the earlier year, in order */
  after: string[];
  before: string[];
  afterCount: number;
  beforeCount: number;
  /** (after − before) / before */
  change: number;
  /** the same months by crime type, biggest change first */
  types: {crimeType: string; before: number; after: number}[];
  /** "January to November 2025 was 21% lower than in the same 11 months of 2022" */
  words: string;
}

export interface YearComparison {
  earlierYear: string;
  /** all the months both years hold */
  all: Comparison;
  /** the same, leaving out any month under-supplied in either year; null when none is */
  withoutUnderSupplied: Comparison | null;
}

export interface TrendVerdict {
  latestYear: string;
  /** comparisons with each earlier year, the earliest first */
  years: YearComparison[];
  /** months the force's data looks under-supplied in, sorted */
  underSupplied: string[];
  /** the verdict sentence; null when no earlier year shares a month with the latest */
  sentence: string | null;
  /** the under-supply warning, naming the months; null when none */
  warning: string | null;
}

/** "21% lower" / "4% higher" / "about the same" */
export function changeWords(change: number): string {
  if (Math.round(change * 100) === 0) return "about the same as";
  return `${formatPercent(change)} ${change > 0 ? "higher" : "lower"} than`;
}

/** `sameMonths`: word the earlier side "in the same N months of YYYY" (the verdict's first comparison only). */
function compare(after: string[], before: string[], rows: MonthTypeCount[], sameMonths: boolean): Comparison {
  const crimeByMonth = new Map<string, number>();
  const byType = new Map<string, {crimeType: string; before: number; after: number}>();
  const afterSet = new Set(after), beforeSet = new Set(before);
  for (const r of rows) {
    if (r.crimeType === ASB || !(afterSet.has(r.month) || beforeSet.has(r.month))) continue;
    crimeByMonth.set(r.month, (crimeByMonth.get(r.month) ?? 0) + r.count);
    const t = byType.get(r.crimeType) ?? {crimeType: r.crimeType, before: 0, after: 0};
    if (afterSet.has(r.month)) t.after += r.count;
    else t.before += r.count;
    byType.set(r.crimeType, t);
  }
  const afterCount = after.reduce((s, m) => s + (crimeByMonth.get(m) ?? 0), 0);
  const beforeCount = before.reduce((s, m) => s + (crimeByMonth.get(m) ?? 0), 0);
  const change = beforeCount ? (afterCount - beforeCount) / beforeCount : 0;
  const consecutive = monthRuns(after).length === 1;
  // "the same eleven months of 2022" when the months are named on the other side and run unbroken.
  const beforeWords = sameMonths && consecutive ? `in the same ${before.length === 1 ? "month" : `${numberWord(before.length)} months`} of ${before[0].slice(0, 4)}` : describeMonths(before);
  const types = [...byType.values()].sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.crimeType.localeCompare(b.crimeType));
  return {after, before, afterCount, beforeCount, change, types, words: `${describeMonths(after)} was ${changeWords(change)} ${beforeWords}`};
}

/**
 * The verdict for one area (or the force) from its monthly crime by type, given the force's under-supplied
 * months (supply is a force-wide matter; an area's small counts would flag months by chance).
 */
export function trendVerdict(rows: MonthTypeCount[], underSupplied: string[]): TrendVerdict {
  const crimeByMonth = new Map<string, number>();
  for (const r of rows) if (r.crimeType !== ASB) crimeByMonth.set(r.month, (crimeByMonth.get(r.month) ?? 0) + r.count);
  const months = [...crimeByMonth.keys()].sort();
  const latestYear = months.at(-1)?.slice(0, 4) ?? "";
  const latest = months.filter((m) => m.startsWith(latestYear));
  const flagged = new Set(underSupplied);
  const years: YearComparison[] = [];
  for (const year of [...new Set(months.map((m) => m.slice(0, 4)))].filter((y) => y < latestYear).sort()) {
    const after = latest.filter((m) => crimeByMonth.has(`${year}${m.slice(4)}`));
    if (!after.length) continue;
    const before = after.map((m) => `${year}${m.slice(4)}`);
    const keep = after.map((m, i) => !flagged.has(m) && !flagged.has(before[i]));
    const cleanAfter = after.filter((_, i) => keep[i]), cleanBefore = before.filter((_, i) => keep[i]);
    years.push({
      earlierYear: year,
      all: compare(after, before, rows, years.length === 0),
      withoutUnderSupplied: cleanAfter.length < after.length && cleanAfter.length ? compare(cleanAfter, cleanBefore, rows, false) : null
    });
  }
  const flaggedHeld = underSupplied.filter((m) => crimeByMonth.has(m));
  const warning = flaggedHeld.length ? `${describeMonths(flaggedHeld)} ${flaggedHeld.length === 1 ? "looks" : "look"} under-supplied: every crime type is lower than in the months around, as if police.uk had not received all records yet, so ${flaggedHeld.length === 1 ? "it is" : "they are"} shown with and without.` : null;
  const clauses = years.map((y, i) => {
    const main = i === 0 ? `Crime in ${y.all.words}` : y.all.words;
    if (!y.withoutUnderSupplied) return main;
    const dropped = [...y.all.before, ...y.all.after].filter((m) => flagged.has(m)).sort();
    return `${main}; leaving out ${describeMonths(dropped)}, which ${dropped.length === 1 ? "looks" : "look"} under-supplied, ${y.withoutUnderSupplied.words}`;
  });
  return {latestYear, years, underSupplied: flaggedHeld, sentence: clauses.length ? `${clauses.join("; ")}.` : null, warning};
}

/** Verdicts for the force and each of its areas, from the street-crime-monthly extract. */
export async function trendVerdicts(db: Db): Promise<{force: TrendVerdict; areas: Map<string, TrendVerdict>; underSupplied: string[]}> {
  const rows = await db.all<{area_code: string; month: string; crime_type: string; n: number}>(`
    SELECT area_code, month, crime_type, sum(count)::INTEGER AS n FROM street_crime_monthly GROUP BY ALL ORDER BY ALL`);
  const codes = new Set(areas.map((a) => a.code));
  const asRows = (list: typeof rows) => list.map((r) => ({month: r.month, crimeType: r.crime_type, count: r.n}));
  // The force: every record of its files (as police.uk counts them), wherever located.
  const forceRows = new Map<string, MonthTypeCount>();
  for (const r of rows) {
    const k = `${r.month}|${r.crime_type}`;
    const f = forceRows.get(k) ?? {month: r.month, crimeType: r.crime_type, count: 0};
    f.count += r.n;
    forceRows.set(k, f);
  }
  const underSupplied = underSuppliedMonths([...forceRows.values()]);
  const byArea = new Map<string, TrendVerdict>();
  for (const code of codes) byArea.set(code, trendVerdict(asRows(rows.filter((r) => r.area_code === code)), underSupplied));
  return {force: trendVerdict([...forceRows.values()], underSupplied), areas: byArea, underSupplied};
}
