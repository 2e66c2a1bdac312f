// Charts on the home page.
import type {ChartSpec} from "../../src/components/chart.ts";
import {formatCount, formatMonth} from "../../src/components/format.ts";
import {monthlyTrendChart, trendGapNote} from "../charts/crime.ts";
import {chartGroup} from "../charts/group.ts";
import {POLICE_UK_SOURCE} from "../charts/sources.ts";
import {ASB, crimeTypes, monthlyCounts, monthsHeld} from "../extracts/crime-facts.ts";
import {crimePeriods} from "../extracts/periods.ts";
import type {Db} from "../lib/duckdb.ts";
import {force} from "../lib/force.ts";
import {trendVerdicts} from "../areas/trend-verdict.ts";
import {capital, describeMonths, during} from "../lib/words.ts";

export const homeCharts = chartGroup("home", import.meta.url, async (db) => ({monthlyTrend: await homeMonthlyTrend(db)}));

/** Monthly crime (excluding anti-social behaviour) and ASB for the force, every month the snapshot holds. */
export async function homeMonthlyTrend(db: Db): Promise<ChartSpec> {
  const {last12} = await crimePeriods(db);
  const {months} = await monthsHeld(db);
  const types = await crimeTypes(db);
  const data = await monthlyCounts(db, [{label: "Crime", types: types.filter((t) => t !== ASB)}, {label: "Anti-social behaviour", types: [ASB]}]);
  const {underSupplied} = await trendVerdicts(db);
  const latest = (series: string) => data.filter((d) => d.series === series && last12.includes(d.month));
  const crime = latest("Crime"), asb = latest("Anti-social behaviour");
  const peak = crime.reduce((a, b) => (b.count > a.count ? b : a));
  const low = crime.reduce((a, b) => (b.count < a.count ? b : a));
  const total = (rows: typeof data) => rows.reduce((s, d) => s + d.count, 0);
  return monthlyTrendChart({
    id: "home-monthly-crime-asb",
    title: "Crime and anti-social behaviour recorded each month",
    subtitle: `${force.place}, records published on police.uk, ${describeMonths(months)} (the months this snapshot holds)`,
    description: `${capital(during(last12))}, police.uk lists ${formatCount(total(crime))} crimes and ${formatCount(total(asb))} anti-social behaviour incidents in ${force.place}. In those months crime was highest in ${formatMonth(peak.month)} (${formatCount(peak.count)}) and lowest in ${formatMonth(low.month)} (${formatCount(low.count)}).`,
    note: `police.uk updates past months when records are reclassified or moved, so counts can change slightly between downloads. ${trendGapNote(months, underSupplied)}`,
    source: POLICE_UK_SOURCE,
    updated: `Data to ${formatMonth(months.at(-1)!)}`
  }, data);
}
