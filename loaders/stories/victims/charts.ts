// The Victims story's charts: what police.uk says happened to each crime (in plain groups), by crime type and area,
// how outcomes settle as crimes age, the force beside every other force, and what victims told the surveys the force
// and the Commissioner report. Every title, description and number comes from the facts (facts.ts) or a cited row.
import type {ChartSpec} from "../../../src/components/chart.ts";
import {formatCount, formatMonth, formatPercent} from "../../../src/components/format.ts";
import {chartGroup} from "../../charts/group.ts";
import {POLICE_UK_NATIONAL_SOURCE, POLICE_UK_SOURCE} from "../../charts/sources.ts";
import {shareOf} from "../../extracts/outcome-groups.ts";
import {areas, force} from "../../lib/force.ts";
import {capital, describeMonths, listWords, lower, numberWord, periodWords, rankWords} from "../../lib/words.ts";
import {citation, documentOf} from "../../sources/documents.ts";
import {publishedMeasure} from "../../sources/published.ts";
import {
  dateWords, fractionWords, inMonths, GROUP_WORDS, NO_ACTION, noActionShare, noSuspectShare, outcomesSentence, periodText, shownGroups, surveyLabel, SURVEYS,
  victimFacts, type FileSet, type Outcomes, type SameAge, type VictimFacts
} from "./facts.ts";

export const victimsCharts = chartGroup("victims", import.meta.url, async (db) => {
  const f = await victimFacts(db);
  return {outcomes: outcomes(f), byType: byType(f), byArea: byArea(f), ages: ages(f), forces: forces(f), surveys: surveys()};
});

const round = (n: number) => Math.round(n * 1000) / 1000;
const updated = (f: VictimFacts) => `Data for ${periodWords(f.months)}, as published by ${dateWords(f.takenBy)} at the latest`;

/** The columns every "by crime type" or "by area" table shares: its crimes and the main groups' shares. */
const shareColumns = (label: string) => [
  {key: "label", label, kind: "text" as const}, {key: "crimes", label: "Crimes", kind: "count" as const},
  {key: "value", label: "No suspect identified", kind: "percent" as const}, {key: "notProsecuted", label: "Suspect identified, not prosecuted", kind: "percent" as const},
  {key: "charged", label: "Charged: went to court", kind: "percent" as const}, {key: "open", label: "Still open or no update", kind: "percent" as const}
];
const shareRow = (label: string, o: Outcomes, role: string) => ({label, crimes: o.total, value: round(noSuspectShare(o)), notProsecuted: round(shareOf(o.groups, "not-prosecuted").share),
  charged: round(shareOf(o.groups, "charged").share), open: round(shareOf(o.groups, "open").share), role});

function outcomes(f: VictimFacts): ChartSpec {
  const groups = shownGroups(f.all);
  return {
    id: "victims-outcomes",
    title: `${capital(fractionWords(noActionShare(f.all)))} crimes recorded in ${f.year} ended without a charge, caution or local resolution`,
    subtitle: `The last outcome police.uk gives for each of the ${formatCount(f.all.total)} crimes ${force.name} recorded ${inMonths(f.months)}, in plain groups`,
    description: `Of ${formatCount(f.all.total)} crimes recorded ${inMonths(f.months)}, ${outcomesSentence(f.all)}.`,
    note: `Anti-social behaviour has no outcome and is not counted. "Still open or no update" includes ${formatCount(f.awaitingCourt)} crimes (${formatPercent(f.awaitingCourt / f.all.total)}) awaiting a court outcome. Outcomes are as the files stood when taken, no later than ${dateWords(f.takenBy)}.`,
    plot: "rankedBars",
    options: {valueLabel: "Share of crimes", format: "percent"},
    data: groups.map((g) => ({label: g.label, value: round(g.share), count: g.count, role: NO_ACTION.includes(g.key) ? "this" : "other"})),
    columns: [{key: "label", label: "Last outcome", kind: "text"}, {key: "count", label: "Crimes", kind: "count"}, {key: "value", label: "Share", kind: "percent"}],
    source: POLICE_UK_SOURCE,
    updated: updated(f)
  };
}

function byType(f: VictimFacts): ChartSpec {
  const top = f.byType[0], bottom = f.byType.at(-1)!;
  const data = [...f.byType.map((t) => shareRow(t.crimeType, t, "other")), shareRow("All crime", f.all, "force")].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  return {
    id: "victims-no-suspect-by-type",
    title: `${capital(top.crimeType)} most often ended with no suspect identified`,
    subtitle: `Share of crimes ending with the investigation complete and no suspect identified, by crime type, ${periodWords(f.months)}`,
    description: `No suspect was identified for ${formatPercent(noSuspectShare(top))} of ${lower(top.crimeType)} crimes (${formatCount(shareOf(top.groups, "no-suspect").count)} of ${formatCount(top.total)}), the highest share of any crime type, and for ${formatPercent(noSuspectShare(bottom))} of ${lower(bottom.crimeType)} crimes, the lowest. Across all crime the share was ${formatPercent(noSuspectShare(f.all))}.`,
    note: "The table also gives each type's share with a suspect identified but not prosecuted, charged, and still open.",
    plot: "rankedBars",
    options: {valueLabel: "Share with no suspect identified", format: "percent"},
    data,
    columns: shareColumns("Crime type"),
    source: POLICE_UK_SOURCE,
    updated: updated(f)
  };
}

function byArea(f: VictimFacts): ChartSpec {
  const top = f.byArea[0], bottom = f.byArea.at(-1)!;
  const data = [...f.byArea.map((a) => shareRow(a.name, a, "other")), shareRow(`${force.place} (all crimes)`, f.all, "force")].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  return {
    id: "victims-no-suspect-by-area",
    title: `${top.name} had the highest share of crimes with no suspect identified`,
    subtitle: `Share of crimes ending with no suspect identified, by the area where the crime was located, ${periodWords(f.months)}`,
    description: `In ${top.name}, ${formatPercent(noSuspectShare(top))} of crimes ended with no suspect identified; in ${bottom.name}, ${formatPercent(noSuspectShare(bottom))}, the lowest of the ${numberWord(areas.length)} areas. Across all of ${force.place}'s crimes the share was ${formatPercent(noSuspectShare(f.all))}.`,
    note: `An area's share depends on its mix of crimes (the chart by crime type shows how much that matters). ${formatCount(f.noLocation)} crimes with no location and ${formatCount(f.outside)} located outside the ${numberWord(areas.length)} areas are in the force total only.`,
    plot: "rankedBars",
    options: {valueLabel: "Share with no suspect identified", format: "percent"},
    data,
    columns: shareColumns("Area"),
    source: POLICE_UK_SOURCE,
    updated: updated(f)
  };
}

/** A file set's name on the chart: its year when it holds one year's months, else its months. */
export const setLabel = (s: FileSet): string => (new Set(s.months.map((m) => m.slice(0, 4))).size === 1 ? `${s.months[0].slice(0, 4)} files` : `${s.period} files`);

/** "about two months" when the date pins the file close to its latest month, else "up to eleven months". */
export const lagWords = (s: FileSet): string => `${s.lag <= 2 ? "about" : "up to"} ${numberWord(s.lag)} ${s.lag === 1 ? "month" : "months"}`;

/** "the January to November 2022 files were taken no later than 29 January 2023, about two months after November 2022, the latest month in them" */
export const takenWords = (s: FileSet): string =>
  `the ${s.period} files were taken no later than ${dateWords(s.takenBy)}, ${lagWords(s)} after ${formatMonth(s.months.at(-1)!)}, the latest month in them`;

/** "at the same ages (2 to 5 months), 34% of crimes from August to November 2022 were still open or had no update when their files were taken, against 47% of crimes from January to April 2024" */
export function sameAgeWords(c: SameAge): string {
  const open = (o: Outcomes) => formatPercent(shareOf(o.groups, "open").share);
  return `at the same ages (${c.ages.at(-1)} to ${c.ages[0]} months, at most), ${open(c.earlier)} of crimes from ${describeMonths(c.earlier.months)} were still open or had no update when their files were taken, against ${open(c.later)} of crimes from ${describeMonths(c.later.months)}`;
}

function ages(f: VictimFacts): ChartSpec {
  const series = f.fileSets.map(setLabel);
  const labelOf = new Map(f.fileSets.map((s) => [s.period, setLabel(s)]));
  const data = f.ages.map((a) => ({series: labelOf.get(a.set)!, month: a.month, age: a.age, share: round(shareOf(a.groups, "open").share), open: shareOf(a.groups, "open").count,
    crimes: a.total, underSupplied: a.underSupplied, underSuppliedText: a.underSupplied ? "Yes" : "No"}));
  const youngestHigher = f.fileSets.every((s) => {
    const rows = f.ages.filter((a) => s.months.includes(a.month)).sort((a, b) => a.age - b.age);
    return rows.length < 2 || shareOf(rows[0].groups, "open").share > shareOf(rows.at(-1)!.groups, "open").share;
  });
  return {
    id: "victims-open-by-age",
    title: youngestHigher ? "The more recent the month, the more of its crimes are still open" : "Share of crimes still open, by their age when the file was taken",
    subtitle: "Share of each month's crimes still open or with no update, by the months between the crime month and the date its file was taken (at most); one line for each set of files",
    description: `${capital(listWords(f.fileSets.map(takenWords)))}. ${f.sameAge.length ? f.sameAge.map((x) => `${capital(sameAgeWords(x))}.`).join(" ") : "No two sets of files hold months of the same age."}`,
    note: `Ages are at most these: each date is the latest the files can have been taken.${f.underSupplied.length ? ` Hollow points are months that look under-supplied (${periodWords(f.underSupplied)}), left out of comparisons.` : ""}`,
    plot: "ageLines",
    options: {series, xLabel: "Months between the crime month and the file being taken (at most)", yLabel: "Share still open or with no update"},
    data,
    columns: [{key: "month", label: "Month", kind: "month"}, {key: "series", label: "Files", kind: "text"}, {key: "age", label: "Age when taken (months, at most)", kind: "count"},
      {key: "crimes", label: "Crimes", kind: "count"}, {key: "open", label: "Still open or no update", kind: "count"}, {key: "share", label: "Share still open", kind: "percent"},
      {key: "underSuppliedText", label: "Looks under-supplied", kind: "text"}],
    source: POLICE_UK_SOURCE,
    updated: `Data for ${listWords(f.fileSets.map((s) => s.period))}`
  };
}

/** The two groups where the force is furthest from the other forces' middle, and which way. */
export function furthestGroups(f: VictimFacts) {
  return [...f.forces.byGroup].filter((g) => shownGroups(f.forces.own, ...f.forces.compared).some((s) => s.key === g.key))
    .sort((a, b) => Math.abs(b.own - b.median) - Math.abs(a.own - a.median)).slice(0, 2)
    .map((g) => ({...g, more: g.own > g.median}));
}

function forces(f: VictimFacts): ChartSpec {
  const c = f.forces;
  const shown = shownGroups(c.own, ...c.compared);
  const others = c.compared.length - 1;
  const far = furthestGroups(f);
  const data = shown.flatMap((g) => c.compared.map((o) => ({group: g.label, force: o.name, share: round(shareOf(o.groups, g.key).share), role: o === c.own ? "this" : "other"})));
  const byGroup = c.byGroup.filter((g) => shown.some((s) => s.key === g.key));
  return {
    id: "victims-outcomes-by-force",
    title: `Beside ${formatCount(others)} other forces, ${force.name} ended ${far.map((g) => `${g.more ? "more" : "fewer"} crimes ${GROUP_WORDS[g.key]}`).join(" and ")}`,
    subtitle: `Share of crimes by last outcome, ${periodWords(c.months)}: each grey line is one of ${formatCount(others)} other forces with a full year of files; the dot is ${force.name}`,
    description: byGroup.map((g) => `${g.label}: ${force.name} ${formatPercent(g.own)}, ${rankWords(g.rank, c.compared.length, "forces")} (other forces from ${formatPercent(g.lowest)} to ${formatPercent(g.highest)}, middle ${formatPercent(g.median)})`).join(". ") + ".",
    note: `Not compared: ${c.missing.map((m) => `${m.name}: ${m.reason}`).join("; ")}. Forces record and publish outcomes differently, so a gap between forces is not only a difference in what happened to crimes. Every force's files were taken at the same time, no later than ${dateWords(c.takenBy)}.`,
    plot: "forceStrips",
    options: {valueLabel: "Share of crimes", medianLabel: "other forces' middle"},
    data,
    columns: [{key: "force", label: "Force", kind: "text"}, {key: "group", label: "Last outcome", kind: "text"}, {key: "share", label: "Share of its crimes", kind: "percent"}],
    table: {
      note: `${force.name} beside the other ${formatCount(others)} forces, outcome by outcome; the CSV download gives every force's share.`,
      columns: [{key: "label", label: "Last outcome", kind: "text"}, {key: "own", label: force.name, kind: "percent"}, {key: "rank", label: `Rank of ${formatCount(c.compared.length)} (1 = highest)`, kind: "count"},
        {key: "median", label: "Other forces' middle", kind: "percent"}, {key: "lowest", label: "Lowest", kind: "percent"}, {key: "highest", label: "Highest", kind: "percent"}],
      data: byGroup.map((g) => ({label: g.label, own: round(g.own), rank: g.rank, median: round(g.median), lowest: round(g.lowest), highest: round(g.highest)}))
    },
    source: POLICE_UK_NATIONAL_SOURCE,
    updated: `Data for ${periodWords(c.months)}, as published by ${dateWords(c.takenBy)} at the latest`
  };
}

/** The published survey figures as data rows, one per figure, under their survey. */
export function surveyRows() {
  return SURVEYS.flatMap(({survey, ids}) => ids.map((id) => {
    const m = publishedMeasure(id);
    if (m.unit !== "percent") throw new Error(`${id}: the survey chart shows percentages, but this figure's unit is ${m.unit}`);
    return {id, survey, label: surveyLabel(m), period: periodText(m.period), value: m.value, citation: citation(m)};
  }));
}

function surveys(): ChartSpec {
  const rows = surveyRows();
  return {
    id: "victims-satisfaction-surveys",
    title: `What victims told ${numberWord(SURVEYS.length)} different surveys, each figure on its own`,
    subtitle: "Share of people surveyed who were satisfied (or had a more positive view of the police), as the force's and the Commissioner's reports give them",
    description: SURVEYS.map(({survey}) => `${survey}: ${rows.filter((r) => r.survey === survey).map((r) => `${lower(r.label.replace(/, [^,]+$/, ""))}, ${r.period}, ${r.value}%`).join("; ")}`).join(". ") + ".",
    note: "Each survey asks its own questions of its own people, and periods differ: the figures are never joined into one series, even where they share a name such as \"kept informed\".",
    plot: "surveyBars",
    options: {surveys: SURVEYS.map((s) => s.survey), valueLabel: "Per cent"},
    data: rows.map(({survey, label, period, value, citation}) => ({survey, label, period, value, citation})),
    columns: [{key: "survey", label: "Survey", kind: "text"}, {key: "label", label: "Measure", kind: "text"}, {key: "period", label: "Period", kind: "text"}, {key: "value", label: "Per cent", kind: "rate"}, {key: "citation", label: "Source", kind: "text"}],
    source: [...new Set(rows.map((r) => r.citation))].join("; "),
    updated: `From ${listWords([...new Set(rows.map((r) => documentOf(publishedMeasure(r.id).document).shortTitle))])}`
  };
}

