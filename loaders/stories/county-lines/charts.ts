// The County lines story's charts: police.uk drug and weapons-possession records, stop and search, and the force's
// own published figures on their own. Every title, description and number comes from the facts (facts.ts) or from
// data/reference/published-measures.csv with its citation.
import type {ChartSpec} from "../../../src/components/chart.ts";
import {formatCount, formatMonth, formatMonthShort, formatPercent, formatRate} from "../../../src/components/format.ts";
import {areaRatesChart, lsoaCountsMapChart, monthlyTrendChart, outcomeSharesChart, trendGapNote} from "../../charts/crime.ts";
import {chartGroup} from "../../charts/group.ts";
import {CENSUS_SOURCE, POLICE_UK_SOURCE} from "../../charts/sources.ts";
import {force} from "../../lib/force.ts";
import {capital, describeMonths, during, lower, numberWord, periodWords} from "../../lib/words.ts";
import {citation, documentOf, periodText} from "../../sources/documents.ts";
import {findPublishedMeasure} from "../../sources/published.ts";
import {blanksSentence, changeSentence, countyLinesFacts, DRUGS, monthsHeldSentence, openOutcomesSentence, spikeSentence, WEAPONS,
  type CountyLinesFacts, type SameMonths} from "./facts.ts";

export const STOP_SEARCH_SOURCE = `data.police.uk stop and search, ${force.name} (Open Government Licence v3.0)`;

/** Beside every chart of drug records: what they measure. */
export const ACTIVITY_CAVEAT = "Drug offences are mostly found by the police rather than reported to them, so these counts measure police activity (searches, operations, intercepted parcels) as much as how much drug dealing there is.";

export const countyLinesCharts = chartGroup("county-lines", import.meta.url, async (db) => {
  const f = await countyLinesFacts(db);
  return {trend: trend(f), yearOnYear: yearOnYear(f), areas: areaRates(f), map: map(f), outcomes: outcomes(f), stopSearch: stopSearch(f), type1: type1Closures()};
});

const updated = (f: CountyLinesFacts) => `Data to ${formatMonth(f.months.at(-1)!)}`;

function trend(f: CountyLinesFacts): ChartSpec {
  const spikes = spikeSentence(f);
  return monthlyTrendChart({
    id: "county-lines-drugs-weapons-monthly",
    title: `${formatCount(f.drugsLast12)} drug offences and ${formatCount(f.weaponsLast12)} weapons possession offences were recorded ${during(f.last12)}`,
    subtitle: `"${DRUGS}" and "${WEAPONS}" records published on police.uk each month, ${describeMonths(f.months)} (the months this snapshot holds)`,
    description: `${capital(during(f.last12))}, police.uk recorded ${formatCount(f.drugsLast12)} drug offences and ${formatCount(f.weaponsLast12)} offences of possessing a weapon in ${force.place}. ${monthsHeldSentence(f)}${spikes ? ` ${spikes}.` : ""}`,
    note: `${ACTIVITY_CAVEAT} ${trendGapNote(f.months, f.underSupplied)}`,
    source: POLICE_UK_SOURCE,
    updated: updated(f)
  }, f.monthly, {yLabel: "Offences per month", labelWidth: 9});
}

/** The like-for-like comparisons the chart draws: each earlier year against the latest, without under-supplied months where some are. */
export const drawnComparisons = (f: CountyLinesFacts): SameMonths[] => f.sameMonths.map((s) => s.clean ?? s.all);

function yearOnYear(f: CountyLinesFacts): ChartSpec | undefined {
  const comparisons = drawnComparisons(f);
  if (!comparisons.length) return undefined;
  const latest = comparisons[0];
  const change = (c: {before: number; after: number}) => (c.after - c.before) / c.before;
  const data = comparisons.flatMap((s) => [DRUGS, WEAPONS].map((type) => {
    const c = type === DRUGS ? s.drugs : s.weapons;
    // Short labels fit a phone; the table's second column says it in full.
    const mon = (m: string) => formatMonthShort(m).slice(0, 3);
    return {label: `${type === DRUGS ? "Drugs" : "Weapons"}, ${mon(s.after[0])}–${mon(s.after.at(-1)!)}: ${s.before[0].slice(0, 4)} → ${s.after[0].slice(0, 4)}`,
      compared: `${type}: ${describeMonths(s.after)} against ${describeMonths(s.before)}`, before: c.before, after: c.after, change: c.after - c.before,
      ratio: c.before ? Math.round(change(c) * 1000) / 1000 : null};
  }));
  const left = f.sameMonths.filter((s) => s.clean).map((s) => s.all.before.filter((m) => !s.clean!.before.includes(m))).flat();
  const rose = change(latest.drugs) > 0;
  return {
    id: "county-lines-same-months",
    title: `Drug offences in ${describeMonths(latest.after)} were ${formatPercent(Math.abs(change(latest.drugs)))} ${rose ? "higher" : "lower"} than in the same months of ${latest.before[0].slice(0, 4)}`,
    subtitle: `police.uk records in the same calendar months of two years, only where the snapshot holds both. Hollow dot: the earlier year; filled dot at the arrow's head: ${latest.after[0].slice(0, 4)}.`,
    description: `${comparisons.map((s) => `${changeSentence("Drug offences", s.drugs, s)}; ${changeSentence(lower(WEAPONS) + " offences", s.weapons, s)}.`).join(" ")}${left.length ? ` ${describeMonths(left)} ${left.length === 1 ? "is" : "are"} left out: ${left.length === 1 ? "it looks" : "they look"} under-supplied (every crime type is low, as if police.uk had not received all records).` : ""}`,
    note: ACTIVITY_CAVEAT,
    plot: "beforeAfter",
    options: {valueLabel: "Offences", beforeLabel: "Earlier year", afterLabel: "Later year"},
    data,
    columns: [{key: "label", label: "Offences, months and years", kind: "text"}, {key: "compared", label: "Compared in full", kind: "text"}, {key: "before", label: "Earlier year", kind: "count"}, {key: "after", label: "Later year", kind: "count"},
      {key: "change", label: "Change", kind: "count"}, {key: "ratio", label: "Change (%)", kind: "percent"}],
    source: POLICE_UK_SOURCE,
    updated: updated(f)
  };
}

function areaRates(f: CountyLinesFacts): ChartSpec {
  const top = f.byArea.areas[0], bottom = f.byArea.areas.at(-1)!;
  return areaRatesChart({
    id: "county-lines-drugs-by-area",
    title: `${top.area.name} had the highest rate of recorded drug offences`,
    subtitle: `Drug offences per 1,000 residents, ${periodWords(f.last12)}, the ${numberWord(f.byArea.areas.length)} council areas and ${force.place} as a whole`,
    description: `${capital(during(f.last12))}, ${top.area.name} had ${formatRate(top.rate)} drug offences per 1,000 residents (${formatCount(top.count)} offences) and ${bottom.area.name} the fewest, ${formatRate(bottom.rate)} (${formatCount(bottom.count)}). Across ${force.place} the rate was ${formatRate(f.byArea.force.rate)}. ${formatCount(f.byArea.noLocation)} offences had no location and ${formatCount(f.byArea.outside)} were located just outside the force's areas; they are in no area's count.`,
    note: `${ACTIVITY_CAVEAT} Rates use where the offence was recorded and Census 2021 residents.`,
    source: `${POLICE_UK_SOURCE}; ${CENSUS_SOURCE}`,
    updated: updated(f)
  }, f.byArea, "Drug offences");
}

function map(f: CountyLinesFacts): ChartSpec {
  const top = f.lsoas[0];
  const total = f.lsoas.reduce((s, l) => s + l.count, 0);
  const top10 = f.lsoas.slice(0, 10).reduce((s, l) => s + l.count, 0);
  return lsoaCountsMapChart({
    id: "county-lines-drugs-lsoa-map",
    title: `Where in ${force.place} drug offences were recorded, by small area`,
    subtitle: `Drug offences located in each Lower layer Super Output Area (LSOA), ${periodWords(f.last12)}. Darker means more; the five with the most are outlined and numbered.`,
    description: `${capital(during(f.last12))}, police.uk located ${formatCount(total)} drug offences in ${formatCount(f.lsoas.length)} LSOAs of ${force.place}. The most in one LSOA was ${formatCount(top.count)}; the ten LSOAs with the most held ${formatPercent(top10 / total)} of them. The table ranks every LSOA.`,
    note: `These are counts, not rates: the snapshot has no population for each LSOA. LSOAs are built to hold roughly similar numbers of people (about 1,000 to 3,000 residents), but a town centre or a place police patrol often records more. ${ACTIVITY_CAVEAT} Locations are anonymised to a nearby street or place.`,
    source: `${POLICE_UK_SOURCE}; ONS LSOA boundaries (2011, and 2021 for split areas; Open Government Licence v3.0; contains OS data © Crown copyright and database right)`,
    updated: updated(f)
  }, f.lsoas, "Drug offences");
}

function outcomes(f: CountyLinesFacts): ChartSpec {
  const first = f.outcomes[0];
  const compare = f.allOutcomes.find((o) => o.outcome === first.outcome);
  return outcomeSharesChart({
    id: "county-lines-drug-outcomes",
    title: `The most common outcome of a drug offence was "${first.outcome}"`,
    subtitle: `Latest outcome of drug offences recorded ${periodWords(f.last12)}, share of drug offences; the black mark is all crime`,
    description: `Of ${formatCount(f.outcomes.reduce((s, o) => s + o.count, 0))} drug offences recorded ${during(f.last12)}, ${formatPercent(first.share)} ended with "${first.outcome}", against ${formatPercent(compare?.share ?? 0)} of all crime. ${openOutcomesSentence(f)}`,
    note: `Drug offences usually have a suspect from the start (the person found with the drugs), so their outcomes differ from crimes reported by victims. ${openOutcomesSentence(f)}`,
    source: POLICE_UK_SOURCE,
    updated: updated(f)
  }, f.outcomes, f.allOutcomes, "all crime");
}

function stopSearch(f: CountyLinesFacts): ChartSpec | undefined {
  const s = f.stopSearch;
  if (!s) return undefined;
  const first = s.drugOutcomes[0];
  const all = s.allOutcomes.find((o) => o.outcome === first.outcome);
  return outcomeSharesChart({
    id: "county-lines-stop-search-drugs",
    title: `${formatPercent(s.drugSearches / s.searches)} of stop and searches were for drugs; ${formatPercent(s.drugLinked / s.drugSearches)} found what officers were looking for`,
    subtitle: `Outcome of searches for controlled drugs, ${periodWords(s.months)}, share of drug searches; the black mark is all searches`,
    description: `${capital(during(s.months))}, officers made ${formatCount(s.searches)} stop and searches, ${formatCount(s.drugSearches)} of them for controlled drugs. ${formatPercent(first.share)} of drug searches ended with "${lower(first.outcome)}" (${formatPercent(all?.share ?? 0)} of all searches). In ${formatCount(s.drugLinked)} drug searches (${formatPercent(s.drugLinked / s.drugSearches)}) the outcome was linked to what officers were looking for.`,
    note: `${f.blanks ? `In the force's published records, ${blanksSentence(f.blanks)}, so they cannot show whether some groups are searched more than others (disproportionality). ` : ""}Only ${describeMonths(s.months)} are in the snapshot.`,
    source: STOP_SEARCH_SOURCE,
    updated: `Data for ${periodWords(s.months)}`
  }, s.drugOutcomes, s.allOutcomes, "all searches", 7, {outcome: "Outcome", count: "Searches", share: "Share of drug searches"});
}

/** The force's Type 1 closures in two reporting years of the same report and definition, as published. */
function type1Closures(): ChartSpec | undefined {
  const latest = findPublishedMeasure("county-lines-type1-closures-2024-10-2025-09"), before = findPublishedMeasure("county-lines-type1-closures-2023-10-2024-09");
  if (!latest || !before) return undefined;
  const data = [before, latest].map((m) => ({label: `${periodText(m.period)} (reporting year)`, value: m.value, role: m === latest ? "this" : "other"}));
  return {
    id: "county-lines-type1-closures",
    title: `The force reports ${formatCount(latest.value)} Type 1 county line closures in its latest reporting year, against ${formatCount(before.value)} the year before`,
    subtitle: "County lines closed by seizing the line and charging the line holder with a drug supply offence, as the force published them",
    description: `The force's report gives ${formatCount(latest.value)} Type 1 closures for ${periodText(latest.period)} and ${formatCount(before.value)} for ${periodText(before.period)}. These are the force's own figures, not open data.`,
    note: `Force figures: ${citation(latest)}. The report says "this year" and "the previous reporting year"; read as its twelve months to September 2025 and the twelve months before.`,
    plot: "rankedBars",
    options: {valueLabel: "Type 1 closures", format: "count"},
    data,
    columns: [{key: "label", label: "Period", kind: "text"}, {key: "value", label: "Type 1 closures", kind: "count"}],
    source: citation(latest),
    updated: `Published ${formatMonth(documentOf(latest.document).date.slice(0, 7))}`
  };
}
