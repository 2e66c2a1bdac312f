// Charts on the home page.
import type {ChartSpec} from "../../src/components/chart.ts";
import {formatCount, formatMonth, formatMonthRange} from "../../src/components/format.ts";
import {chartGroup} from "../charts/group.ts";
import {POLICE_UK_SOURCE} from "../charts/sources.ts";
import {crimePeriods} from "../extracts/periods.ts";
import {sqlList, type Db} from "../lib/duckdb.ts";
import {force} from "../lib/force.ts";

export const homeCharts = chartGroup("home", import.meta.url, async (db) => ({monthlyTrend: await homeMonthlyTrend(db)}));

/** Monthly crime (excluding anti-social behaviour) and ASB for the force, latest 12 months. */
export async function homeMonthlyTrend(db: Db): Promise<ChartSpec> {
  const {last12} = await crimePeriods(db);
  const data = await db.all<{month: string; series: string; count: number}>(`
    SELECT month, CASE WHEN crime_type = 'Anti-social behaviour' THEN 'Anti-social behaviour' ELSE 'Crime' END AS series, sum(count)::INTEGER AS count
    FROM street_crime_monthly WHERE month IN ${sqlList(last12)} GROUP BY ALL ORDER BY series DESC, month`);
  const crime = data.filter((d) => d.series === "Crime"), asb = data.filter((d) => d.series === "Anti-social behaviour");
  const peak = crime.reduce((a, b) => (b.count > a.count ? b : a));
  const low = crime.reduce((a, b) => (b.count < a.count ? b : a));
  const total = (rows: typeof data) => rows.reduce((s, d) => s + d.count, 0);
  return {
    id: "home-monthly-crime-asb",
    title: "Crime and anti-social behaviour recorded each month",
    subtitle: `${force.place}, ${formatMonthRange(last12[0], last12.at(-1)!)}, records published on police.uk`,
    description: `From ${formatMonthRange(last12[0], last12.at(-1)!)}, police.uk lists ${formatCount(total(crime))} crimes and ${formatCount(total(asb))} anti-social behaviour incidents in ${force.place}. Crime was highest in ${formatMonth(peak.month)} (${formatCount(peak.count)}) and lowest in ${formatMonth(low.month)} (${formatCount(low.count)}).`,
    plot: "monthlyLines",
    options: {series: ["Crime", "Anti-social behaviour"], yLabel: "Records per month"},
    data,
    columns: [{key: "month", label: "Month", kind: "month"}, {key: "series", label: "Type", kind: "text"}, {key: "count", label: "Records", kind: "count"}],
    source: POLICE_UK_SOURCE,
    updated: `Data to ${formatMonth(last12.at(-1)!)}`
  };
}
