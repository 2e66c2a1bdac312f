// The home page: what the site is, the headline numbers, the monthly chart, and where to go next.
import {formatCount, formatMonthRange} from "../../src/components/format.ts";
import {getChart} from "../charts/catalogue.ts";
import {crimePeriods} from "../extracts/periods.ts";
import {sqlList} from "../lib/duckdb.ts";
import {areas, force} from "../lib/force.ts";
import {withExtracts} from "../extracts/query.ts";
import {chartHtml, esc} from "../site/html.ts";
import {chartScript, existingStories, page} from "./markdown.ts";

export async function homePage(): Promise<string> {
  const {last12, totals} = await withExtracts(async (db) => {
    const {last12} = await crimePeriods(db);
    const totals = await db.all<{crime: number; asb: number}>(`SELECT
        sum(count) FILTER (WHERE crime_type <> 'Anti-social behaviour')::INTEGER AS crime,
        sum(count) FILTER (WHERE crime_type = 'Anti-social behaviour')::INTEGER AS asb
      FROM street_crime_monthly WHERE month IN ${sqlList(last12)}`);
    return {last12, totals: totals[0]};
  });
  const period = formatMonthRange(last12[0], last12.at(-1)!);
  const stories = existingStories();
  return page({title: "Home", toc: false}, `
# ${esc(force.siteTitle)}

<p class="lede">Crime, anti-social behaviour and road safety in ${esc(force.place)}, told from open data. Each number on this site comes from a published dataset or a cited report, and you can download the data behind every chart.</p>

<ul class="card-grid" aria-label="Headline numbers, ${esc(period)}">
<li><span class="headline-number">${formatCount(totals.crime)}</span> crimes recorded on police.uk, ${esc(period)}</li>
<li><span class="headline-number">${formatCount(totals.asb)}</span> anti-social behaviour incidents, ${esc(period)}</li>
</ul>

${chartHtml(await getChart("home-monthly-crime-asb"), {headingLevel: 2})}

## Your local area

${esc(force.place)} has ${areas.length} Community Safety Partnerships, one for each council area. Each has its own page with its trends, rates per 1,000 residents and how it compares.

<ul class="link-list">
${areas.map((a) => `<li><a href="/areas/${a.slug}">${esc(a.name)}</a></li>`).join("\n")}
</ul>

${stories.length ? `## Stories\n\n<ul class="link-list">\n${stories.map((s) => `<li><a href="${s.path}">${esc(s.title)}</a>: ${esc(s.summary)}</li>`).join("\n")}\n</ul>\n` : ""}
## Explore and reuse the data

- [Explore the data](/explore): filter crime by area, type and month.
- [Data and downloads](/data): every extract as CSV and Parquet, with a data dictionary.
- [About this site](/about): sources, methods, caveats and accessibility.

${chartScript(0)}
`);
}
