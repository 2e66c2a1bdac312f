// Months whose police.uk files look under-supplied (every crime type low at once: police.uk had not received all
// the force's records when the file was published). One detection for every page: the area trends and the stories
// use it (loaders/areas/trend-verdict.ts re-exports it), so a month set aside on one page is set aside on all.
import type {Db} from "../lib/duckdb.ts";
import {ASB} from "./crime-facts.ts";

/** A month is under-supplied when its crime per day is this far below its year's median month… */
export const UNDER_SUPPLY_DROP = 0.2;
/** …and every crime type with at least this many records in a typical month of the year is below its median. */
export const UNDER_SUPPLY_MIN_TYPE = 50;

export interface MonthTypeCount {
  month: string;
  crimeType: string;
  count: number;
}

const daysIn = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Months that look under-supplied: crime per day at least UNDER_SUPPLY_DROP below the median month of the same
 * year, and every sizeable crime type below its median over the year's other months. Years with fewer than four
 * months held are not judged. Anti-social behaviour is left out (its supply varies on its own).
 */
export function underSuppliedMonths(rows: MonthTypeCount[]): string[] {
  const crime = rows.filter((r) => r.crimeType !== ASB);
  const months = [...new Set(crime.map((r) => r.month))].sort();
  const types = [...new Set(crime.map((r) => r.crimeType))];
  const count = new Map(crime.map((r) => [`${r.month}|${r.crimeType}`, r.count]));
  const get = (m: string, t: string) => count.get(`${m}|${t}`) ?? 0;
  const total = (m: string) => types.reduce((s, t) => s + get(m, t), 0);
  const out: string[] = [];
  for (const year of new Set(months.map((m) => m.slice(0, 4)))) {
    const held = months.filter((m) => m.startsWith(year));
    if (held.length < 4) continue;
    const typical = median(held.map((m) => total(m) / daysIn(m)));
    for (const m of held) {
      if (total(m) / daysIn(m) > typical * (1 - UNDER_SUPPLY_DROP)) continue;
      const others = held.filter((x) => x !== m);
      const sizeable = types.filter((t) => median(others.map((x) => get(x, t))) >= UNDER_SUPPLY_MIN_TYPE);
      if (sizeable.length && sizeable.every((t) => get(m, t) < median(others.map((x) => get(x, t))))) out.push(m);
    }
  }
  return out.sort();
}

/** The force's under-supplied months: every record of its files, wherever located. */
export async function forceUnderSuppliedMonths(db: Db): Promise<string[]> {
  const rows = await db.all<{month: string; crime_type: string; n: number}>(`SELECT month, crime_type, sum(count)::INTEGER AS n FROM street_crime_monthly GROUP BY ALL ORDER BY ALL`);
  return underSuppliedMonths(rows.map((r) => ({month: r.month, crimeType: r.crime_type, count: r.n})));
}
