// /forces: how the force compares with the other forces of England and Wales in the latest year of the national
// police.uk counts — crime per 1,000 residents ranked, its neighbours, by crime type, the ranks its own reports give
// among its "most similar forces" (cited) beside what open data shows for all forces, and which forces are missing.
import {formatCount, formatRate, formatRate2} from "../../src/components/format.ts";
import {withExtracts} from "../extracts/query.ts";
import {force} from "../lib/force.ts";
import {capital, comparedWith, listWords, lower, numberWord, ordinal, ordinalHighest, ordinalLowest, periodWords, possessive, rankWords} from "../lib/words.ts";
import {HOME_FLOOR} from "../geo/force-areas.ts";
import {chartHtml} from "../site/chart-html.ts";
import {headlineCards, tableRegion} from "../site/components.ts";
import {escapeText, html, type Html} from "../site/html.ts";
import {AREAS_STYLE, chartScript, page, pageExists} from "../site/page.ts";
import {citation, periodText, quoteText} from "../sources/documents.ts";
import {policeUkCrimeType, readPublishedMeasures, type PublishedMeasure} from "../sources/published.ts";
import {averageLabel, comparedWords, forcesCharts} from "./charts.ts";
import {forcesFacts, type ForcesFacts} from "./facts.ts";

/** The page's title, from the force profile. */
export const forcesTitle = (): string => `${force.name} among the forces`;

/** The opening sentences: the force's crime, rate, rank and the average. */
export function summarySentences(f: ForcesFacts): string[] {
  const r = f.force;
  return [
    `In ${f.year}, police.uk recorded ${formatCount(r.crime)} crimes (not counting anti-social behaviour) for ${force.name}, whose area of ${numberWord(r.districts)} council districts has ${formatCount(r.population)} residents: ${formatRate(r.rate)} for every 1,000 residents.`,
    `That is ${rankWords(r.rank, f.compared.length, "forces")} with all ${f.months.length} months of ${f.year} in the data, and ${comparedWith(r.rate, f.average.meanRate)} the average of their rates (${formatRate(f.average.meanRate)}; ${formatRate(f.average.pooledRate)} counting all ${formatCount(f.average.population)} of their residents together).`
  ];
}

/** The neighbours in words: which had higher and lower rates, and any bordering district with no force in the data. */
export function neighbourSentences(f: ForcesFacts): string[] {
  const named = (list: typeof f.neighbours) => listWords(list.map((n) => `${n.name} (${formatRate(n.rate!)})`));
  const compared = f.neighbours.filter((n) => n.rate !== null);
  const higher = compared.filter((n) => n.rate! > f.force.rate), lowerRate = compared.filter((n) => n.rate! <= f.force.rate);
  const out = [`${force.name} shares a boundary with ${numberWord(f.neighbours.length)} ${f.neighbours.length === 1 ? "force" : "forces"} in the data.`];
  if (higher.length) out.push(`${capital(numberWord(higher.length))} had more crime per 1,000 residents in ${f.year}: ${named(higher)}.`);
  if (lowerRate.length) out.push(`${capital(numberWord(lowerRate.length))} had less: ${named(lowerRate)}.`);
  const notCompared = f.neighbours.filter((n) => n.rate === null);
  if (notCompared.length) out.push(`${listWords(notCompared.map((n) => n.name))} ${notCompared.length === 1 ? "is" : "are"} not compared (see forces not shown).`);
  if (f.neighbourDistrictsWithoutForce.length) out.push(`Its area also borders ${listWords(f.neighbourDistrictsWithoutForce.map((d) => d.name))}, which belong to no force in these counts: their force's files are missing (see forces not shown).`);
  return out;
}

function neighboursTable(f: ForcesFacts): Html {
  const rows = [{force: f.force.force, name: f.force.name, sharedBorders: null as number | null, rate: f.force.rate, rank: f.force.rank as number | null, missing: null as string | null}, ...f.neighbours]
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1));
  return tableRegion({id: "neighbours-table", className: "rate-table", testId: "neighbours-table",
    caption: `${force.name} and its neighbouring forces: crimes per 1,000 residents, ${f.year}`,
    columns: [{label: "Force"}, {label: "District boundaries shared", numeric: true}, {label: "Crimes per 1,000 residents", numeric: true}, {label: `Rank of ${formatCount(f.compared.length)} (1 = highest)`, numeric: true}],
    rows: rows.map((n) => ({header: n.force === f.force.force ? html`<strong>${n.name}</strong> (this force)` : n.name, className: n.force === f.force.force ? "is-this" : undefined,
      cells: [n.sharedBorders === null ? "–" : formatCount(n.sharedBorders), n.rate === null ? "not compared" : formatRate(n.rate), n.rank === null ? "–" : formatCount(n.rank)]}))});
}

function typesTable(f: ForcesFacts): Html {
  return tableRegion({id: "types-table", testId: "types-table",
    caption: `${force.name}: crimes per 1,000 residents by type, ${f.year}, against ${lower(averageLabel(f))}`,
    columns: [{label: "Crime type"}, {label: "Crimes", numeric: true}, {label: "Per 1,000 residents", numeric: true}, {label: averageLabel(f), numeric: true},
      {label: `Rank of ${formatCount(f.compared.length)} (1 = highest)`, numeric: true}],
    rows: f.byType.map((t) => ({header: t.crimeType, cells: [formatCount(t.count), formatRate2(t.rate), formatRate2(t.meanRate), formatCount(t.rank)]}))});
}

/** A published rank in words: "2nd of 8 most similar forces (MSF)". */
const rankText = (m: PublishedMeasure) => `${ordinal(m.value)} ${m.comparison}`;

interface ReportRank {
  /** the kind of crime, as the report names it */
  measure: string;
  msf: PublishedMeasure;
  national: PublishedMeasure | undefined;
}

/** The reports' ranks among the most similar forces, each with its rank among all forces from the same sentence. */
export function reportRanks(): ReportRank[] {
  const rows = readPublishedMeasures().filter((m) => m.story === "forces" && m.unit === "rank");
  return rows.filter((m) => /most similar/.test(m.comparison)).map((msf) => ({
    measure: msf.measure.replace(/:.*$/, ""),
    msf,
    national: rows.find((n) => n !== msf && n.document === msf.document && n.quote === msf.quote)
  }));
}

/** What open data shows for a report's kind of crime: the police.uk category, its 2025 rate and rank among the forces compared. */
export function openDataRank(f: ForcesFacts, m: PublishedMeasure): {crimeType: string; differs: string | null; rate: number; rank: number} | null {
  const recipe = policeUkCrimeType(m.openDataEquivalent);
  if (!recipe) return null;
  const t = f.byType.find((x) => x.crimeType === recipe.crimeType);
  if (!t) throw new Error(`published measure ${m.id}: police.uk has no crime type "${recipe.crimeType}" in the ${f.year} counts`);
  return {crimeType: t.crimeType, differs: recipe.differs, rate: t.rate, rank: t.rank};
}

function reportsSection(f: ForcesFacts): Html {
  const ranks = reportRanks();
  if (!ranks.length) return html``;
  const n = f.compared.length;
  const rows = ranks.map((r) => {
    const open = openDataRank(f, r.msf);
    return {header: r.measure, cells: [
      rankText(r.msf), r.national ? rankText(r.national) : "–", periodText(r.msf.period),
      open ? html`${open.crimeType}${open.differs ? html` <span class="muted">(${open.differs})</span>` : ""}` : "no such category",
      open ? formatRate2(open.rate) : "–", open ? `${ordinalHighest(open.rank)} (${ordinalLowest(n - open.rank + 1)})` : "–"
    ]};
  });
  const documents = [...new Set(ranks.map((r) => r.msf.document))];
  return html`<h2 id="reports">What the force's reports say: “most similar forces”</h2>
<p>The force's performance reports rank ${force.name} among its “most similar forces” (MSF): a group of forces the reports do not name. They use police recorded crime, over their own periods, and do not say whether first place is the lowest or the highest rate. Open data cannot rank the force within a group whose members it does not know, so beside each of the reports' ranks is what police.uk shows for ${f.year} among ${comparedWords(f)}, counted from the highest rate and from the lowest. Where police.uk's category is wider than the report's, the table says so: that is not a like-for-like comparison.</p>
${tableRegion({id: "reports-table", testId: "reports-table", caption: `Ranks in the force's reports beside police.uk ${f.year}`,
    columns: [{label: "Kind of crime (report)"}, {label: "Report: among most similar forces"}, {label: "Report: among all forces"}, {label: "Report's period"},
      {label: `police.uk category`}, {label: `police.uk ${f.year}: per 1,000 residents`, numeric: true}, {label: `police.uk ${f.year}: rank of ${formatCount(n)}`}],
    rows})}
<h3>What the reports say, in their words</h3>
<ul class="published-list">${ranks.map((r) => html`<li><p><strong>${r.measure}</strong> (${periodText(r.msf.period)})</p>
<blockquote><p>“${quoteText(r.msf.quote)}”</p></blockquote>
<p class="published-cite">Source: ${citation(r.msf)}.${r.msf.notes && ` Note: ${r.msf.notes}`}</p></li>`)}</ul>
<p class="muted">From ${numberWord(documents.length)} ${documents.length === 1 ? "report" : "reports"}; every quote is checked against the report's text when the site is tested.</p>`;
}

function missingSection(f: ForcesFacts): Html {
  return html`<h2 id="missing">Forces not shown</h2>
<p>${capital(numberWord(f.missing.length))} forces in police.uk's files, or known to publish none, are not in the comparison:</p>
<ul data-testid="missing-forces">${f.missing.map((m) => html`<li><strong>${m.name}</strong>: ${m.reason}.</li>`)}</ul>
<p>So the average here is of ${comparedWords(f)}, not of every force in England and Wales, and the ranks are among those forces only.</p>`;
}

export async function forcesPage(): Promise<string> {
  const f = await withExtracts((db) => forcesFacts(db));
  const charts = await forcesCharts.load();
  const chart = (spec: typeof charts.rates) => chartHtml(spec, {headingLevel: 3});
  const period = periodWords(f.months);
  const sections: [string, string][] = [["ranking", "Every force compared"], ["neighbours", "Neighbouring forces"], ["by-type", "By type of crime"],
    ...(reportRanks().length ? [["reports", "What the force's reports say"] as [string, string]] : []), ["missing", "Forces not shown"], ["caveats", "About these numbers"]];
  return page({title: forcesTitle(), toc: false, style: AREAS_STYLE},
    `# ${escapeText(forcesTitle())}`,
    html`<p class="lede">How much crime police.uk recorded in ${force.place} in ${f.year}, for every 1,000 residents, beside the other police forces of England and Wales.</p>`,
    headlineCards(`Headline numbers, ${period}`, [
      {number: formatRate(f.force.rate), measure: "force-rate", text: `crimes per 1,000 residents in ${f.year}, not counting anti-social behaviour.`},
      {number: ordinal(f.force.rank), measure: "force-rank", text: `highest rate of ${comparedWords(f)}.`},
      {number: formatRate(f.average.meanRate), measure: "average-rate", text: `crimes per 1,000 residents: ${lower(averageLabel(f))}.`}
    ], "card-grid area-headlines"),
    html`${summarySentences(f).map((s) => html`<p>${s}</p>`)}`,
    html`<p class="caveat">${f.caveat}</p>`,
    html`<nav class="area-contents" aria-labelledby="contents-heading"><h2 id="contents-heading" class="contents-heading">On this page</h2><ol>${sections.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}</ol></nav>`,
    html`<h2 id="ranking">Every force compared</h2>
${chart(charts.rates)}
<h2 id="neighbours">Neighbouring forces</h2>
${neighbourSentences(f).map((s) => html`<p>${s}</p>`)}
${neighboursTable(f)}
<h2 id="by-type">By type of crime</h2>
<p>${possessive(force.name)} rank differs by type of crime. ${typeSentence(f)}</p>
${typesTable(f)}
${chart(charts.byType)}
${reportsSection(f)}
${missingSection(f)}
<h2 id="caveats">About these numbers</h2>
<ul class="caveat-list">
<li><strong>Not official statistics.</strong> ${f.caveat}</li>
<li><strong>Crime</strong> is every police.uk street-level record of ${f.year} except anti-social behaviour, wherever the force located it.</li>
<li><strong>Residents</strong> are the Census 2021 usual residents of the council districts each force covers: a district belongs to the force with the most records there, if those come to at least ${HOME_FLOOR} a year for every 1,000 residents (a force's records just across its boundary stay far below that).</li>
<li><strong>The average</strong> is the mean of the forces' rates, each force counting once; counting all their residents together gives ${formatRate(f.average.pooledRate)} per 1,000.</li>
<li><strong>Ranks</strong> count from the highest rate: 1st has the most crime per resident. A force's place can move several steps on small differences in rate.</li>
<li><strong>Visitors</strong>: forces whose areas draw many commuters, shoppers or tourists have more crime per resident than their residents alone would suggest.</li>
</ul>
<ul class="link-list">
<li><a href="/areas/">The ${force.place} areas compared</a>: the same kind of rate for each Community Safety Partnership.</li>
${pageExists("/data") && html`<li><a href="/data">Data and downloads</a>: every force's counts as CSV and Parquet, with a data dictionary.</li>`}
</ul>`,
    chartScript(0));
}

/** Which types the force ranks highest and lowest among the forces. */
export function typeSentence(f: ForcesFacts): string {
  const byRank = [...f.byType].sort((a, b) => a.rank - b.rank || a.crimeType.localeCompare(b.crimeType));
  const high = byRank[0], low = byRank.at(-1)!, n = f.compared.length;
  return `Among ${comparedWords(f)}, its rate was the ${ordinalHighest(high.rank)} for ${lower(high.crimeType)} (${formatRate2(high.rate)} per 1,000 residents) and the ${ordinalLowest(n - low.rank + 1)} for ${lower(low.crimeType)} (${formatRate2(low.rate)}).`;
}
