// The home page: what the site is, the headline numbers, the monthly chart, and where to go next.
import {formatCount, formatMonthRange} from "../../src/components/format.ts";
import {crimePeriods} from "../extracts/periods.ts";
import {withExtracts} from "../extracts/query.ts";
import {sqlList} from "../lib/duckdb.ts";
import {areas, force} from "../lib/force.ts";
import {headlineCards} from "../site/components.ts";
import {chartHtml} from "../site/chart-html.ts";
import {escapeText, html} from "../site/html.ts";
import {chartScript, page} from "../site/page.ts";
import {publishedStories} from "../stories/registry.ts";
import {homeCharts} from "./home-charts.ts";

export async function homePage(): Promise<string> {
  const {last12, totals} = await withExtracts(async (db) => {
    const {last12} = await crimePeriods(db);
    const totals = await db.all<{crime: number; asb: number}>(`SELECT
        sum(count) FILTER (WHERE crime_type <> 'Anti-social behaviour')::INTEGER AS crime,
        sum(count) FILTER (WHERE crime_type = 'Anti-social behaviour')::INTEGER AS asb
      FROM street_crime_monthly WHERE month IN ${sqlList(last12)}`);
    return {last12, totals: totals[0]};
  });
  const charts = await homeCharts.load();
  const period = formatMonthRange(last12[0], last12.at(-1)!);
  const stories = publishedStories();
  return page({title: "Home", toc: false},
    `# ${escapeText(force.siteTitle)}`,
    html`<p class="lede">Crime, anti-social behaviour and road safety in ${force.place}, told from open data. Each number on this site comes from a published dataset or a cited report, and you can download the data behind every chart.</p>`,
    headlineCards(`Headline numbers, ${period}`, [
      {number: formatCount(totals.crime), text: `crimes recorded on police.uk, ${period}`},
      {number: formatCount(totals.asb), text: `anti-social behaviour incidents, ${period}`}
    ]),
    chartHtml(charts.monthlyTrend, {headingLevel: 2}),
    "## Your local area",
    html`<p>${force.place} has ${areas.length} Community Safety Partnerships, one for each council area. Each has its own page with its trends, rates per 1,000 residents and how it compares.</p>`,
    html`<ul class="link-list">${areas.map((a) => html`<li><a href="/areas/${a.slug}">${a.name}</a></li>`)}</ul>`,
    stories.length > 0 && "## Stories",
    stories.length > 0 && html`<ul class="link-list">${stories.map((s) => html`<li><a href="${s.path}">${s.title}</a>: ${s.summary}</li>`)}</ul>`,
    "## Explore and reuse the data",
    `- [Explore the data](/explore): filter crime by area, type and month.
- [Data and downloads](/data): every extract as CSV and Parquet, with a data dictionary.
- [About this site](/about): sources, methods, caveats and accessibility.`,
    chartScript(0));
}
