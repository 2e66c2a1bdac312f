// The VAWG story's charts: police.uk "Violence and sexual offences" (by month with the recording change marked, by
// area, last outcomes) and the force's own VAWG figures as published, each on its own. Nothing finer than a council
// area is drawn, and any area's count below SMALL_COUNT is shown only as "fewer than 5".
import type {ChartSpec} from "../../../src/components/chart.ts";
import {formatMonth, formatPercent, formatRate} from "../../../src/components/format.ts";
import {areaRatesChart, monthlyTrendChart, outcomeSharesChart, trendGapNote} from "../../charts/crime.ts";
import {chartGroup} from "../../charts/group.ts";
import {CENSUS_SOURCE, POLICE_UK_SOURCE} from "../../charts/sources.ts";
import type {CountsByArea} from "../../extracts/crime-facts.ts";
import {force} from "../../lib/force.ts";
import {capital, describeMonths, during, listWords, lower, numberWord, periodWords} from "../../lib/words.ts";
import {countText, SMALL_COUNT} from "../../site/components.ts";
import {citation, documentOf, periodText} from "../../sources/documents.ts";
import {findPublishedMeasure} from "../../sources/published.ts";
import {affectedByConductChange, areaCount, CATEGORY_CAVEAT, conductCrimesChange, openOutcomesSentence, VSO, vawgFacts, type VawgFacts} from "./facts.ts";

export const vawgCharts = chartGroup("vawg", import.meta.url, async (db) => {
  const f = await vawgFacts(db);
  return {trend: trend(f), areas: areaRates(f), outcomes: outcomes(f), split: domesticSplit(), offences: offences2023()};
});

const updated = (f: VawgFacts) => `Data to ${formatMonth(f.months.at(-1)!)}`;

function trend(f: VawgFacts): ChartSpec {
  const change = conductCrimesChange();
  const heldAround = f.months.some((m) => m.slice(0, 7) === change.month);
  return monthlyTrendChart({
    id: "vawg-violence-sexual-offences-monthly",
    title: `${countText(f.last12Count)} violence and sexual offences were recorded ${during(f.last12)}`,
    subtitle: `"${VSO}" records published on police.uk each month, ${describeMonths(f.months)} (the months this snapshot holds). The dashed line marks the ${change.words} change to recording conduct crimes.`,
    description: `${capital(during(f.last12))}, police.uk recorded ${countText(f.last12Count)} violence and sexual offences in ${force.place}. The snapshot holds ${describeMonths(f.months)}; ${listWords(f.gaps.map((g) => periodWords([g.from, g.to])))} ${f.gaps.length === 1 ? "is" : "are"} not held, so the line breaks there. The dashed line marks ${change.words}, when the rules for recording harassment, stalking and controlling or coercive behaviour changed${heldAround ? "" : " (a month this snapshot does not hold)"}: counts before and after it are not like for like.`,
    note: `${CATEGORY_CAVEAT} ${trendGapNote(f.months, f.underSupplied)} Recording change: ${change.citation}.`,
    source: POLICE_UK_SOURCE,
    updated: updated(f)
  }, f.monthly, {yLabel: "Offences per month", labelWidth: 9, events: [{month: change.month, label: `${change.words}: conduct crimes recorded differently`}]});
}

/**
 * Rates by area with small counts withheld: an area with fewer than SMALL_COUNT offences is not drawn (its rate would
 * give its count away) and the note names it with "fewer than 5" (countText).
 */
export function areaRatesWithheld(counts: CountsByArea, base: ReturnType<typeof areaRatesChart>): ChartSpec {
  const small = counts.areas.filter((a) => a.count < SMALL_COUNT);
  if (!small.length) return base;
  const names = new Set(small.map((a) => a.area.name));
  return {
    ...base,
    data: base.data.filter((d) => !names.has(String(d.label).replace(/ \(this area\)$/, ""))),
    note: `${base.note ? `${base.note} ` : ""}Not drawn, to protect the people behind small numbers: ${listWords(small.map((a) => `${a.area.name} (${countText(a.count)} offences)`))}.`
  };
}

function areaRates(f: VawgFacts): ChartSpec {
  const shown = f.byArea.areas.filter((a) => a.count >= SMALL_COUNT);
  const top = shown[0], bottom = shown.at(-1)!;
  return areaRatesWithheld(f.byArea, areaRatesChart({
    id: "vawg-violence-sexual-offences-by-area",
    title: `${top.area.name} had the highest rate of recorded violence and sexual offences`,
    subtitle: `Violence and sexual offences per 1,000 residents, ${periodWords(f.last12)}, the ${numberWord(f.byArea.areas.length)} council areas and ${force.place} as a whole`,
    description: `${capital(during(f.last12))}, ${top.area.name} had ${formatRate(top.rate)} violence and sexual offences per 1,000 residents (${areaCount(top.count)} offences) and ${bottom.area.name} the lowest rate, ${formatRate(bottom.rate)} (${areaCount(bottom.count)}). Across ${force.place} the rate was ${formatRate(f.byArea.force.rate)}.`,
    note: `${CATEGORY_CAVEAT} Rates use where the offence was recorded and Census 2021 residents. Nothing smaller than a council area is shown in this story.`,
    source: `${POLICE_UK_SOURCE}; ${CENSUS_SOURCE}`,
    updated: updated(f)
  }, f.byArea, "Violence and sexual offences"));
}

function outcomes(f: VawgFacts): ChartSpec {
  const first = f.outcomes[0];
  const compare = f.allOutcomes.find((o) => o.outcome === first.outcome);
  return outcomeSharesChart({
    id: "vawg-violence-sexual-offences-outcomes",
    title: `The most common outcome of a violence or sexual offence was "${first.outcome}"`,
    subtitle: `Latest outcome of violence and sexual offences recorded ${periodWords(f.last12)}, share of those offences; the black mark is all crime`,
    description: `Of ${countText(f.outcomes.reduce((s, o) => s + o.count, 0))} violence and sexual offences recorded ${during(f.last12)}, ${formatPercent(first.share)} ended with "${first.outcome}", against ${formatPercent(compare?.share ?? 0)} of all crime. ${openOutcomesSentence(f)}`,
    note: `"Unable to prosecute suspect" groups several police outcomes, including cases where the victim did not support further action or the evidence was not enough; police.uk does not separate them. ${openOutcomesSentence(f)}`,
    source: POLICE_UK_SOURCE,
    updated: updated(f)
  }, f.outcomes, f.allOutcomes, "all crime");
}

/** The force's 2023 VAWG crimes split into domestic and non-domestic: one report, one definition, one period. */
function domesticSplit(): ChartSpec | undefined {
  const domestic = findPublishedMeasure("vawg-domestic-2023"), other = findPublishedMeasure("vawg-non-domestic-2023"), all = findPublishedMeasure("vawg-crimes-2023");
  if (!domestic || !other || !all) return undefined;
  const period = periodText(domestic.period);
  return {
    id: "vawg-domestic-split-2023",
    title: `The force counted ${countText(all.value)} violence against women and girls crimes in ${period}; ${countText(domestic.value)} were domestic`,
    subtitle: `Crimes in the force's violence against women and girls measure (Beating Crime Plan definition), ${period}, as the force published them`,
    description: `The force's January 2024 report counts ${countText(all.value)} violence against women and girls crimes in ${period}: ${countText(domestic.value)} domestic (${domestic.comparison}) and ${countText(other.value)} non-domestic (${other.comparison}). These are the force's own figures, not open data, and its definition counts these crimes whatever the victim's sex or age.`,
    note: `Force figures: ${citation(all)}. ${all.notes.match(/Affected by[^.]*\./)?.[0] ?? ""}`.trim(),
    plot: "rankedBars",
    options: {valueLabel: "Crimes", format: "count"},
    data: [{label: "Domestic", value: domestic.value, role: "this"}, {label: "Non-domestic", value: other.value, role: "other"}],
    columns: [{key: "label", label: "Crimes", kind: "text"}, {key: "value", label: `Crimes, ${period}`, kind: "count"}],
    source: citation(all),
    updated: `Published ${formatMonth(documentOf(all.document).date.slice(0, 7))}`
  };
}

/** Rape, stalking and harassment in the force's 2023 VAWG table, the conduct crimes marked as affected by the recording change. */
function offences2023(): ChartSpec | undefined {
  const rows = ["vawg-rape-2023", "vawg-stalking-2023", "vawg-harassment-2023"].map(findPublishedMeasure).filter((m) => m !== undefined);
  if (rows.length < 2) return undefined;
  const change = conductCrimesChange();
  const period = periodText(rows[0].period);
  // Short enough for a phone: the subtitle says what "rule change" means.
  const label = (m: (typeof rows)[number]) => `${m.measure.replace(/ offences \(VAWG table\)$/, "")}${affectedByConductChange(m.notes) ? " (rule change)" : ""}`;
  const affected = rows.filter((m) => affectedByConductChange(m.notes));
  return {
    id: "vawg-offences-2023",
    title: `Harassment, stalking and rape in the force's ${period} figures, as published`,
    subtitle: `Offences in the force's violence against women and girls table, ${period}. “Rule change”: recorded differently from ${change.words}, so not like for like with earlier years.`,
    description: `For ${period} the force's table gives ${listWords(rows.map((m) => `${countText(m.value)} ${lower(m.measure.replace(/ offences \(VAWG table\)$/, ""))} offences (${m.comparison})`))}. ${capital(listWords(affected.map((m) => lower(m.measure.replace(/ offences \(VAWG table\)$/, "")))))} ${affected.length === 1 ? "is" : "are"} affected by the ${change.words} change to recording conduct crimes, so ${affected.length === 1 ? "its" : "their"} rise on the year before is partly a change in counting.`,
    note: `Force figures: ${citation(rows[0])}. These count all victims, whatever their sex or age.`,
    plot: "rankedBars",
    options: {valueLabel: "Offences", format: "count"},
    data: rows.map((m) => ({label: label(m), value: m.value, role: affectedByConductChange(m.notes) ? "other" : "this", comparison: m.comparison})),
    columns: [{key: "label", label: "Offence", kind: "text"}, {key: "value", label: `Offences, ${period}`, kind: "count"}, {key: "comparison", label: "As the report compares it", kind: "text"}],
    source: citation(rows[0]),
    updated: `Published ${formatMonth(documentOf(rows[0].document).date.slice(0, 7))}`
  };
}
