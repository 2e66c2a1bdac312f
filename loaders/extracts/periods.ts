// Which months the snapshot holds, and the "latest 12 months" every headline uses.
import {shiftMonth} from "../../src/components/months.ts";
import type {Db} from "../lib/duckdb.ts";

export interface Periods {
  months: string[];
  latest: string;
  /** the 12 months ending at the latest month, where all 12 are present; otherwise the months present */
  last12: string[];
  /** the same months a year earlier that the snapshot also holds */
  yearEarlier: string[];
}

export async function crimePeriods(db: Db): Promise<Periods> {
  const months = (await db.all<{month: string}>(`SELECT DISTINCT month FROM street_crime_monthly ORDER BY month`)).map((d) => d.month);
  const latest = months.at(-1)!;
  const held = new Set(months);
  const last12 = Array.from({length: 12}, (_, i) => shiftMonth(latest, i - 11)).filter((m) => held.has(m));
  const yearEarlier = last12.map((m) => shiftMonth(m, -12)).filter((m) => held.has(m));
  return {months, latest, last12, yearEarlier};
}
