// The deprivation section of an area page: how the area's recorded crime is spread across its LSOAs by England's
// IMD 2019 deciles (facts in deprivation.ts), as sentences, a table and a chart, with the caveats beside them.
import type {ChartSpec} from "../../src/components/chart.ts";
import {formatCount, formatMonth, formatPercent} from "../../src/components/format.ts";
import {POLICE_UK_SOURCE} from "../charts/sources.ts";
import {withExtracts} from "../extracts/query.ts";
import {areaByCode, force} from "../lib/force.ts";
import {capital, comparedWith, during, periodWords, possessive} from "../lib/words.ts";
import {tableRegion} from "../site/components.ts";
import {html, type Html} from "../site/html.ts";
import {DEPRIVATION_CAVEATS, deprivationFacts, type AreaDeprivation, type DeprivationShare} from "./deprivation.ts";

export const IMD_SOURCE = "MHCLG English Indices of Deprivation 2019, national deciles by LSOA (Open Government Licence v3.0)";

const decileLabel = (decile: number) => `Decile ${decile}${decile === 1 ? " (most deprived 10%)" : decile === 10 ? " (least deprived 10%)" : ""}`;

/** "18.6%" for tables and chart data; prose uses whole percents. */
const share1 = (fraction: number) => formatPercent(fraction, 1);

/**
 * One sentence for a band of deprivation: "In Tamworth, 8% of recorded crime (1,234) was in the 4 of its 51 LSOAs
 * among England's most deprived 10%, which are 8% of its LSOAs."
 */
function bandSentence(d: AreaDeprivation, s: DeprivationShare, band: string): string {
  if (!s.lsoas) return `None of ${possessive(d.name)} ${formatCount(d.lsoas)} LSOAs is among England's most deprived ${band}.`;
  const more = comparedWith(s.crimeShare, s.lsoaShare);
  const compared = `${more === "about the same as" ? "about the same as" : more === "above" ? "more than" : "less than"} their share of its LSOAs (${formatPercent(s.lsoaShare)})`;
  return `${formatPercent(s.crimeShare)} of ${possessive(d.name)} recorded crime (${formatCount(s.crime)} of ${formatCount(d.crime)}) was in the ${formatCount(s.lsoas)} of its ${formatCount(d.lsoas)} LSOAs among England's most deprived ${band}: ${compared}.`;
}

/** The section's sentences, from the area's and the force's facts. */
export function deprivationSentences(d: AreaDeprivation, all: AreaDeprivation): string[] {
  const sentences = [`${capital(during(d.months))}, police.uk recorded ${formatCount(d.crime)} crimes (not counting anti-social behaviour) in ${possessive(d.name)} ${formatCount(d.lsoas)} LSOAs.`,
    bandSentence(d, d.mostDeprived10, "10%")];
  if (d.mostDeprived20.lsoas !== d.mostDeprived10.lsoas || !d.mostDeprived20.lsoas) sentences.push(bandSentence(d, d.mostDeprived20, "20%"));
  sentences.push(`Across ${force.place}, ${formatPercent(all.mostDeprived10.crimeShare)} of recorded crime was in the ${formatPercent(all.mostDeprived10.lsoaShare)} of LSOAs among England's most deprived 10%, and ${formatPercent(all.mostDeprived20.crimeShare)} in the ${formatPercent(all.mostDeprived20.lsoaShare)} among the most deprived 20%.`);
  if (d.noDecile.lsoas) sentences.push(`${formatCount(d.noDecile.lsoas)} LSOAs (${formatCount(d.noDecile.crime)} crimes) have no IMD 2019 decile and are counted in the totals only.`);
  return sentences;
}

/** What the chart shows, in words: the decile with the most crime, and the most deprived 10%. */
function chartDescription(d: AreaDeprivation): string {
  const top = [...d.byDecile].sort((a, b) => b.crime - a.crime || a.decile - b.decile)[0];
  const share = (n: number, of: number) => formatPercent(of ? n / of : 0);
  return `Bars show the share of ${possessive(d.name)} ${formatCount(d.crime)} crimes ${during(d.months)} recorded in each national IMD 2019 decile; black marks show the share of its ${formatCount(d.lsoas)} LSOAs. The most crime was in decile ${top.decile}: ${share(top.crime, d.crime)} of crimes, in ${share(top.lsoas, d.lsoas)} of LSOAs. ${bandSentence(d, d.mostDeprived10, "10%")}`;
}

/** The area's crime and LSOAs in each national decile: bars for crime, a black mark for LSOAs. */
export function deprivationChart(d: AreaDeprivation, all: AreaDeprivation): ChartSpec {
  const area = areaByCode.get(d.code)!;
  const period = periodWords(d.months);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const data = d.byDecile.map((x) => ({label: decileLabel(x.decile), lsoas: x.lsoas, compare: d.lsoas ? round(x.lsoas / d.lsoas) : 0,
    count: x.crime, share: d.crime ? round(x.crime / d.crime) : 0}));
  return {
    id: `area-${area.slug}-deprivation`,
    title: d.mostDeprived10.lsoas
      ? `${formatPercent(d.mostDeprived10.crimeShare)} of ${possessive(d.name)} crime was recorded in its LSOAs among England's most deprived 10%`
      : `None of ${possessive(d.name)} LSOAs is among England's most deprived 10%`,
    subtitle: `Share of crimes (excluding anti-social behaviour, bar) and of LSOAs (black mark) in each national IMD 2019 decile, ${period}. Decile 1 is England's most deprived 10% of LSOAs.`,
    description: chartDescription(d),
    plot: "shareBars",
    options: {valueLabel: `Share of ${possessive(d.name)} crimes`, compareLabel: "LSOAs"},
    data,
    columns: [{key: "label", label: "IMD 2019 decile (England)", kind: "text"}, {key: "lsoas", label: "LSOAs", kind: "count"}, {key: "compare", label: "Share of LSOAs", kind: "percent"},
      {key: "count", label: `Crimes, ${period}`, kind: "count"}, {key: "share", label: "Share of crimes", kind: "percent"}],
    source: `${POLICE_UK_SOURCE}; ${IMD_SOURCE}`,
    updated: `Data to ${formatMonth(d.months.at(-1)!)}`,
    note: DEPRIVATION_CAVEATS.join(" ")
  };
}

/** The table: the area's and the force's LSOAs and crime in England's most deprived 10% and 20%. */
function deprivationTable(d: AreaDeprivation, all: AreaDeprivation): Html {
  const row = (label: string, a: DeprivationShare, f: DeprivationShare) => ({header: label,
    cells: [formatCount(a.lsoas), share1(a.lsoaShare), formatCount(a.crime), share1(a.crimeShare), share1(f.lsoaShare), share1(f.crimeShare)]});
  const whole = (x: AreaDeprivation): DeprivationShare => ({lsoas: x.lsoas, crime: x.crime, lsoaShare: 1, crimeShare: 1});
  return tableRegion({id: "deprivation-table", testId: "deprivation-table",
    caption: `Crime in ${possessive(d.name)} LSOAs among England's most deprived, ${periodWords(d.months)}, beside ${force.place}`,
    columns: [{label: "LSOAs in England's…"}, {label: "LSOAs", numeric: true}, {label: "Share of the area's LSOAs", numeric: true},
      {label: "Crimes", numeric: true}, {label: "Share of the area's crimes", numeric: true},
      {label: `${force.place}: share of LSOAs`, numeric: true}, {label: `${force.place}: share of crimes`, numeric: true}],
    rows: [row("Most deprived 10%", d.mostDeprived10, all.mostDeprived10), row("Most deprived 20%", d.mostDeprived20, all.mostDeprived20),
      row("All LSOAs", whole(d), whole(all))]});
}

/** The whole section for one area (by ONS code), with its chart already rendered. */
export async function deprivationSection(code: string, chart: Html): Promise<Html> {
  const facts = await withExtracts((db) => deprivationFacts(db));
  const d = facts.areas.find((a) => a.code === code);
  if (!d) throw new Error(`no deprivation facts for ${code}`);
  return html`<h2 id="deprivation">Crime and deprivation</h2>
<p>England's Index of Multiple Deprivation (IMD 2019) ranks every small area (LSOA) in England from most to least deprived, on income, employment, health, education, housing, crime and living environment. Here is how ${possessive(d.name)} recorded crime is spread across its LSOAs by that national ranking.</p>
${deprivationSentences(d, facts.force).map((s) => html`<p>${s}</p>`)}
${deprivationTable(d, facts.force)}
${chart}
<ul class="caveat-list">${DEPRIVATION_CAVEATS.map((c) => html`<li>${c}</li>`)}<li>IMD 2019 counts crime among its seven domains, so part of the link between deprivation and crime is built into the index.</li><li>Where a crime is recorded says nothing about who committed it or who it happened to: an LSOA with a town centre, shops or a station draws people from elsewhere.</li></ul>`;
}
