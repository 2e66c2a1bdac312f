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
import {trendVerdicts} from "../areas/trend-verdict.ts";
import {verdictHtml} from "../areas/verdict-block.ts";
import {forcesFacts} from "../forces/facts.ts";
import {forcesTitle, summarySentences} from "../forces/page.ts";
import {pageExists} from "../site/page.ts";
import {homeCharts} from "./home-charts.ts";

export async function homePage(): Promise<string> {
  const {last12, totals, verdict, forces} = await withExtracts(async (db) => {
    const {last12} = await crimePeriods(db);
    const totals = await db.all<{crime: number; asb: number}>(`SELECT
        sum(count) FILTER (WHERE crime_type <> 'Anti-social behaviour')::INTEGER AS crime,
        sum(count) FILTER (WHERE crime_type = 'Anti-social behaviour')::INTEGER AS asb
      FROM street_crime_monthly WHERE month IN ${sqlList(last12)}`);
    return {last12, totals: totals[0], verdict: (await trendVerdicts(db)).force, forces: await forcesFacts(db)};
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
    verdictHtml(verdict),
    chartHtml(charts.monthlyTrend, {headingLevel: 2}),
    pageExists("/forces") && html`<h2 id="forces">Compared with other forces</h2>
<p>${summarySentences(forces).join(" ")}</p>
<p><a href="/forces">${forcesTitle()}</a>: every force's rate, the neighbouring forces, each type of crime and what the force's own reports say.</p>`,
    "## Your local area",
    html`<p>${force.place} has ${areas.length} Community Safety Partnerships, one for each council area. Each has its own page with its trends, rates per 1,000 residents and how it compares.</p>`,
    html`<ul class="link-list">${areas.map((a) => html`<li><a href="/areas/${a.slug}">${a.name}</a></li>`)}</ul>`,
    stories.length > 0 && "## Stories",
    stories.length > 0 && html`<ul class="link-list">${stories.map((s) => html`<li><a href="${s.path}">${s.title}</a>: ${s.summary}</li>`)}</ul>`,
    "## Explore and reuse the data",
    `- [Explore the data](/explore): filter crime by area, type and month.
- [What the force reports, and what open data shows](/figures): every published figure the site cites, beside open data.
- [Data and downloads](/data): every extract as CSV and Parquet, with a data dictionary.
- [About this site](/about): sources, methods, caveats and accessibility.`,
    chartScript(0));
}
