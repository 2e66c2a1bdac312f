// The County lines story: are drugs and county lines a problem here, and what is being done? police.uk drug and
// weapons records and stop and search, then the force's own published figures on their own, never joined into one
// series. Every number in these steps comes from the facts (facts.ts) or is a published figure with its citation.
import {formatCount, formatMonth, formatPercent, formatRate} from "../../../src/components/format.ts";
import {monthsBetween, shiftMonth} from "../../../src/components/months.ts";
import {withExtracts} from "../../extracts/query.ts";
import {areas, force} from "../../lib/force.ts";
import {capital, describeMonths, during, lower, numberWord} from "../../lib/words.ts";
import {citationHtml, contactList, publishedFigure, publishedTable} from "../../site/components.ts";
import {html} from "../../site/html.ts";
import type {Step} from "../../site/scrolly.ts";
import {citation, periodText} from "../../sources/documents.ts";
import {findPublishedMeasure, readPublishedMeasures, type PublishedMeasure} from "../../sources/published.ts";
import type {StoryDefinition} from "../registry.ts";
import {ACTIVITY_CAVEAT, countyLinesCharts, drawnComparisons} from "./charts.ts";
import {blanksSentence, changeSentence, countyLinesDefinition, countyLinesFacts, DRUGS, monthsHeldSentence, nationalDrugMeasures, openOutcomesSentence,
  reportedDrugSpike, sameMonthsWords, spikeSentence, WEAPONS} from "./facts.ts";
import {REPORT_CONTACTS} from "./help.ts";

const cite = (m: PublishedMeasure) => citationHtml(citation(m), m.id);

export const story: StoryDefinition = {
  lede: html`Are drugs and county lines a problem in ${force.place}, and what is being done? What the open data shows, what it cannot show, and what the force reports.`,
  label: "The county lines and drugs story, step by step",
  charts: countyLinesCharts,
  steps
};

async function steps(): Promise<Step[]> {
  const f = await withExtracts(countyLinesFacts);
  const charts = await countyLinesCharts.load();
  const definition = countyLinesDefinition();
  const spike = reportedDrugSpike();
  const national = nationalDrugMeasures();
  const get = (id: string) => findPublishedMeasure(id);
  const arrests = get("county-lines-arrests-2024-10-2025-09"), type1 = get("county-lines-type1-closures-2024-10-2025-09"), type1Before = get("county-lines-type1-closures-2023-10-2024-09");
  const mapped = get("county-lines-mapped-lines-2025"), week = get("county-lines-week-arrests-2025-06"), weekSafe = get("county-lines-week-safeguarded-2025-06");
  const target = get("operation-target-drugs-arrests-2023-05-2024-04");
  const change = get("drug-offences-change-2024-10-2025-09"), parcels = get("drug-importation-offences-additional-2024-10-2025-09"), drugCrimes2023 = get("drug-crimes-2023");
  const staffordRate = get("stafford-drug-offences-rate-2024-25");
  const published = readPublishedMeasures().filter((m) => m.story === "county_lines");
  const comparisons = drawnComparisons(f);
  const top = f.byArea.areas[0];
  const topLsoa = f.lsoas[0];
  const first = f.outcomes[0];
  const s = f.stopSearch;
  const spikes = spikeSentence(f);
  // The months the force's +50% compares (its 24 months to September 2025), and those of them the snapshot holds.
  const changeMonths = change ? monthsBetween(...(change.period.split("..") as [string, string])) : [];
  const compareWindow = change ? monthsBetween(shiftMonth(changeMonths[0], -12), changeMonths.at(-1)!) : [];
  const heldOfWindow = compareWindow.filter((m) => f.months.includes(m));
  const held2023 = f.months.filter((m) => m.startsWith(drugCrimes2023?.period.slice(0, 4) ?? "none"));

  return [
    {
      id: "hook", heading: "What county lines are, and what the open data shows", chart: charts.trend,
      html: html`<p>The force defines them: “${definition.text}” ${citationHtml(definition.citation)}</p>
<p>The “line” is the mobile phone number that buyers call to order drugs. Gangs often take over the home of a vulnerable person to deal from it, which is called cuckooing.</p>
<p>Open data has no “county lines” category. The nearest is police.uk's “${DRUGS}” records, with “${WEAPONS}” beside them. ${capital(during(f.last12))}, police recorded ${formatCount(f.drugsLast12)} drug offences and ${formatCount(f.weaponsLast12)} weapons possession offences in ${force.place}.</p>
<p>The chart shows both, month by month. ${monthsHeldSentence(f)}</p>`
    },
    {
      id: "same-months", heading: "The same months, year on year", chart: charts.yearOnYear,
      html: html`<p>Only some months can be compared like for like: the snapshot holds ${comparisons.map((c) => sameMonthsWords(c)).join(", and ")}.</p>
<ul>${comparisons.map((c) => html`<li>${changeSentence("Drug offences", c.drugs, c)}; ${changeSentence(lower(WEAPONS) + " offences", c.weapons, c)}.</li>`)}</ul>
${f.sameMonths.filter((x) => x.clean).map((x) => html`<p>${describeMonths(x.all.before.filter((m) => !x.clean!.before.includes(m)))} are left out of the ${x.year} comparison because every crime type is low in them, as if police.uk had not yet received all records. With them in, ${lower(changeSentence("Drug offences", x.all.drugs, x.all))}.</p>`)}
${spikes && html`<p>${spikes}.${spike && html` The force's own report explains a spike in its recorded drug crime in ${spike.text}: drug offences first logged under temporary codes, while seized drugs were tested, were converted into recorded crimes then ${citationHtml(spike.citation)}.`}</p>`}
<p>${ACTIVITY_CAVEAT}</p>
<p>The chart now shows each comparison: the hollow dot is the earlier year, the arrow's head the later one.</p>`
    },
    {
      id: "areas", heading: `Across the ${numberWord(areas.length)} areas`, chart: charts.areas,
      html: html`<p>Per head of population, ${top.area.name} recorded the most drug offences ${during(f.last12)}: ${formatCount(top.count)}, or ${formatRate(top.rate)} for every 1,000 residents, against ${formatRate(f.byArea.force.rate)} across ${force.place}.</p>
<p>The chart now ranks the ${numberWord(f.byArea.areas.length)} council areas by drug offences per 1,000 residents; the grey bar is the whole force area.</p>`
    },
    {
      id: "where", heading: "Small areas with the most drug offences", chart: charts.map,
      html: html`<p>The map counts drug offences in each small area (Lower layer Super Output Area, LSOA) ${during(f.last12)}. The most in one LSOA was ${formatCount(topLsoa.count)}.</p>
<p>These are counts, not rates: this site has no population for each LSOA. A place with a town centre or a station, or one where police patrol and search often, records more.</p>`
    },
    {
      id: "outcomes", heading: "What happened next", chart: charts.outcomes,
      html: html`<p>Of the drug offences recorded ${during(f.last12)}, ${formatPercent(first.share)} ended with “${first.outcome}”. Drug offences usually have a suspect from the start, so their outcomes differ from crimes reported by victims: the chart's black marks show all crime.</p>
<p>${openOutcomesSentence(f)}</p>`
    },
    ...(s ? [{
      id: "stop-search", heading: "Stop and search", chart: charts.stopSearch,
      html: html`<p>${capital(during(s.months))}, officers made ${formatCount(s.searches)} stop and searches; ${formatCount(s.drugSearches)} (${formatPercent(s.drugSearches / s.searches)}) were for controlled drugs. In ${formatCount(s.drugLinked)} of those (${formatPercent(s.drugLinked / s.drugSearches)}), the outcome was linked to what officers were looking for: roughly, they found it.</p>
${f.blanks && html`<p>Who is searched cannot be shown. In the force's published records, ${blanksSentence(f.blanks)}. So the open data cannot show whether some groups are searched more than others (disproportionality).</p>`}
<p>The chart now shows how drug searches ended, with all searches marked in black. Only ${describeMonths(s.months)} are in the snapshot.</p>`
    } satisfies Step] : []),
    {
      id: "force", heading: "What the force reports", chart: charts.type1,
      html: html`<p>The force publishes its own figures on county lines. They come from its records, for its own reporting periods, so they stand on their own here: none is added to or compared with the police.uk counts above.</p>
${type1 && type1Before && html`<p>A “Type 1” closure is when the police seize the line (the phone number) and charge the line holder with a drug supply offence, so the line stops. The force reports ${formatCount(type1.value)} Type 1 closures in its reporting year to ${formatMonth(type1.period.split("..")[1])}, against ${formatCount(type1Before.value)} the year before ${cite(type1)}.</p>`}
${arrests && mapped && html`<p>It made ${formatCount(arrests.value)} arrests in its county lines work over ${periodText(arrests.period)} ${cite(arrests)}, and reports the number of county lines it has mapped in ${force.place} as ${lower(publishedFigure(mapped))} ${cite(mapped)}.</p>`}
${week && weekSafe && html`<p>In a week of action in ${periodText(week.period)} it made ${formatCount(week.value)} arrests and safeguarded ${formatCount(weekSafe.value)} people ${cite(week)}.</p>`}
${target && html`<p>Operation Target teams made ${formatCount(target.value)} drugs-related arrests from ${periodText(target.period)} ${cite(target)}: all drugs work, not only county lines.</p>`}
${publishedTable({id: "county-lines-published", caption: `Every county lines and drugs figure this site holds from the force's and the Commissioner's reports, as published`, measures: published})}
<p>The chart now shows the Type 1 closures of the last two reporting years, as the force published them.</p>`
    },
    {
      id: "why-differ", heading: "Drug offences: the force's figures and police.uk's",
      html: html`${change && parcels && html`<p>The force's late-2025 report says drug offences rose by ${formatCount(change.value)}% in ${periodText(change.period)} on the year before ${cite(change)}. Part of the rise is parcels of drugs addressed to people in ${force.place}, found in the post: ${formatCount(parcels.value)} more drug trafficking offences than the year before ${cite(parcels)}.</p>
<p>police.uk cannot check that figure here: it compares ${describeMonths(compareWindow)}, and this snapshot holds only ${describeMonths(heldOfWindow)} of those months.</p>`}
${drugCrimes2023 && html`<p>For ${periodText(drugCrimes2023.period)} the force counted ${formatCount(drugCrimes2023.value)} drug offences ${cite(drugCrimes2023)}.${held2023.length ? "" : ` This snapshot holds no police.uk files for ${drugCrimes2023.period.slice(0, 4)}.`} Even for the same months, the two would not match: police.uk publishes street-level records, not the force's recorded-crime statistics.</p>`}
${staffordRate && html`<p>Stafford's community safety assessment gives Stafford ${formatRate(staffordRate.value)} drug offences per 1,000 residents in ${periodText(staffordRate.period)}, with comparators as published: ${staffordRate.comparison} ${cite(staffordRate)}.</p>`}
<p>Nationally, the force says, this priority is measured through ${national.text} ${citationHtml(national.citation)}. Neither figure is in the force's reports or in the open data this site holds, so neither is shown.</p>
<p>The graphic still shows the force's Type 1 closures.</p>`
    },
    {
      id: "report", heading: "How to report it",
      html: html`<p>If you think someone is being exploited, or drugs are being dealt from a home near you, you can tell the police or tell Crimestoppers without giving your name.</p>
${contactList("Where to report drug dealing and exploitation", REPORT_CONTACTS)}
<p>See the figures for your own area on your <a href="/areas/">local area page</a>.</p>`
    },
    {
      id: "how", heading: "How we know",
      html: html`<p>Drug and weapons figures are police.uk street-level records for ${force.name}, ${describeMonths(f.months)}: the months this snapshot holds. They are not the Home Office's recorded-crime statistics, and police.uk revises past months. ${ACTIVITY_CAVEAT}</p>
${s && html`<p>Stop and search figures are police.uk's stop and search records for ${describeMonths(s.months)}.</p>`}
<p>Rates use Census 2021 residents. The force's figures are quoted from its published reports with document and section, and never joined with open data into one series. Download <a href="/downloads/street-crime-monthly.csv" download>the monthly records as CSV</a>, see the <a href="/data#street-crime-monthly">data dictionary</a>, or read <a href="/about">how this site works</a>.</p>`
    }
  ];
}
