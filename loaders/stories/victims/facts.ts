// Every number the Victims story states from open data: the last outcome police.uk gives for each crime, in plain
// groups (loaders/extracts/outcome-groups.ts), for the latest year held, by crime type and by area; how outcomes
// settle as crimes age, with each month's age when its file was taken (data/reference/police-uk-file-dates.csv) and
// only months of the same age compared; and the force's shares beside every other force with a full year.
import {formatMonthShort, formatPercent} from "../../../src/components/format.ts";
import {ASB, monthsHeld, outcomeCountsBy} from "../../extracts/crime-facts.ts";
import {groupShares, shareOf, type GroupShare, type OutcomeGroupKey} from "../../extracts/outcome-groups.ts";
import {forceUnderSuppliedMonths} from "../../extracts/under-supply.ts";
import {forceCoverage, type MissingForce} from "../../forces/facts.ts";
import type {Db} from "../../lib/duckdb.ts";
import {areas, force} from "../../lib/force.ts";
import {during, periodWords} from "../../lib/words.ts";
import {dateWords, periodText} from "../../sources/documents.ts";
import {ageWhenTaken, FILE_DATES_FILE, fileDatesOf, readFileDates, type FileDates} from "../../sources/police-uk-dates.ts";

export interface Outcomes {
  /** crimes counted (anti-social behaviour has no outcome and is not among them) */
  total: number;
  groups: GroupShare[];
}

export interface FileSet extends FileDates {
  /** the months of the set the snapshot holds */
  months: string[];
  /** "January to November 2022" */
  period: string;
  /** whole months from the set's latest month to the month it was taken (at most) */
  lag: number;
}

export interface MonthAge extends Outcomes {
  month: string;
  /** the file set's period */
  set: string;
  /** whole months from the crime's month to when its file was taken (at most) */
  age: number;
  underSupplied: boolean;
}

export interface SameAge {
  /** the ages both sets hold in a month that is not under-supplied, oldest first */
  ages: number[];
  earlier: {set: FileSet; months: string[]} & Outcomes;
  later: {set: FileSet; months: string[]} & Outcomes;
}

export interface ForceOutcomes extends Outcomes {
  force: string;
  name: string;
}

export interface GroupAmongForces {
  key: OutcomeGroupKey;
  label: string;
  own: number;
  /** the median share of the other forces compared */
  median: number;
  lowest: number;
  highest: number;
  /** 1 = the highest share among all the forces compared */
  rank: number;
}

export interface ForcesComparison {
  year: string;
  months: string[];
  /** when the national counts' files were taken (no later than) */
  takenBy: string;
  /** every force compared, the force itself included, by name */
  compared: ForceOutcomes[];
  own: ForceOutcomes;
  byGroup: GroupAmongForces[];
  missing: MissingForce[];
}

export interface VictimFacts {
  /** the latest year held, and its months */
  year: string;
  months: string[];
  /** when that year's files were taken (no later than), and each month's age then: [youngest, oldest] */
  takenBy: string;
  ageRange: [number, number];
  all: Outcomes;
  /** of `all`, crimes awaiting a court outcome (a suspect charged; in the "still open" group) */
  awaitingCourt: number;
  /** every crime type, the highest share with no suspect identified first */
  byType: ({crimeType: string} & Outcomes)[];
  /** the force's areas, the highest share with no suspect identified first (by where the crime was located) */
  byArea: ({code: string; name: string} & Outcomes)[];
  /** crimes with no location, or located outside the force's areas: in `all`, in no area */
  noLocation: number;
  outside: number;
  fileSets: FileSet[];
  ages: MonthAge[];
  underSupplied: string[];
  /** each pair of file sets that hold months of the same age, earlier set first */
  sameAge: SameAge[];
  forces: ForcesComparison;
}

const sum = (rows: {count: number}[]) => rows.reduce((s, r) => s + r.count, 0);
const byKey = (rows: {key: string; outcome: string; count: number}[]) => {
  const out = new Map<string, {outcome: string; count: number}[]>();
  for (const r of rows) out.set(r.key, [...(out.get(r.key) ?? []), r]);
  return out;
};
const noSuspect = (o: Outcomes) => shareOf(o.groups, "no-suspect").share;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function victimFacts(db: Db): Promise<VictimFacts> {
  const {months: held} = await monthsHeld(db);
  const underSupplied = await forceUnderSuppliedMonths(db);
  const dates = readFileDates();
  const setOf = (month: string) => {
    const row = fileDatesOf(dates, "police-uk", month);
    if (!row) throw new Error(`${FILE_DATES_FILE}: no row of source police-uk covers ${month}, a month the street files hold: add when its file was taken`);
    return row;
  };
  const fileSets: FileSet[] = [];
  for (const month of held) {
    const row = setOf(month);
    let set = fileSets.find((s) => s.line === row.line);
    if (!set) fileSets.push(set = {...row, months: [], period: "", lag: 0});
    set.months.push(month);
  }
  for (const s of fileSets) {
    s.period = periodWords(s.months);
    s.lag = ageWhenTaken(s.months.at(-1)!, s.takenBy);
  }

  const year = held.at(-1)!.slice(0, 4);
  const months = held.filter((m) => m.startsWith(year));
  const yearSet = setOf(months[0]);
  if (months.some((m) => setOf(m).line !== yearSet.line)) throw new Error(`${year}'s months come from files taken at different times (${FILE_DATES_FILE}): the story compares one year's outcomes as one set`);

  const monthRows = byKey(await outcomeCountsBy(db, "month", held));
  const ages: MonthAge[] = held.map((month) => ({month, set: fileSets.find((s) => s.months.includes(month))!.period, age: ageWhenTaken(month, setOf(month).takenBy),
    underSupplied: underSupplied.includes(month), ...groupShares(monthRows.get(month) ?? [])}));

  const yearRows = months.flatMap((m) => monthRows.get(m) ?? []);
  const typeRows = byKey(await outcomeCountsBy(db, "crime_type", months));
  const areaRows = byKey(await outcomeCountsBy(db, "area_code", months));
  const byType = [...typeRows].filter(([t]) => t !== ASB).map(([crimeType, rows]) => ({crimeType, ...groupShares(rows)}))
    .sort((a, b) => noSuspect(b) - noSuspect(a) || a.crimeType.localeCompare(b.crimeType));
  const byArea = areas.map((a) => ({code: a.code, name: a.name, ...groupShares(areaRows.get(a.code) ?? [])}))
    .sort((a, b) => noSuspect(b) - noSuspect(a) || a.name.localeCompare(b.name));
  const yearAges = months.map((m) => ageWhenTaken(m, yearSet.takenBy));

  return {
    year, months, takenBy: yearSet.takenBy, ageRange: [Math.min(...yearAges), Math.max(...yearAges)],
    all: groupShares(yearRows), awaitingCourt: sum(yearRows.filter((r) => r.outcome === "Awaiting court outcome")), byType, byArea,
    noLocation: sum(areaRows.get("unknown") ?? []), outside: sum(areaRows.get("outside") ?? []),
    fileSets, ages, underSupplied, sameAge: sameAgeComparisons(fileSets, ages), forces: await forcesComparison(db, dates)
  };
}

/** For each pair of file sets, the months of ages both hold (months that look under-supplied left out), summed. */
export function sameAgeComparisons(sets: FileSet[], ages: MonthAge[]): SameAge[] {
  const usable = ages.filter((a) => !a.underSupplied);
  const out: SameAge[] = [];
  sets.forEach((earlier, i) => sets.slice(i + 1).forEach((later) => {
    const of = (s: FileSet) => usable.filter((a) => s.months.includes(a.month));
    const laterAges = new Set(of(later).map((a) => a.age));
    const shared = [...new Set(of(earlier).map((a) => a.age))].filter((age) => laterAges.has(age)).sort((a, b) => b - a);
    if (!shared.length) return;
    const side = (s: FileSet) => {
      const rows = of(s).filter((a) => shared.includes(a.age));
      const counts = rows.flatMap((a) => a.groups.map((g) => ({key: g.key, count: g.count})));
      const total = rows.reduce((n, a) => n + a.total, 0);
      return {set: s, months: rows.map((a) => a.month), total,
        groups: rows[0].groups.map((g) => {
          const count = counts.filter((c) => c.key === g.key).reduce((n, c) => n + c.count, 0);
          return {...g, count, share: total ? count / total : 0};
        })};
    };
    out.push({ages: shared, earlier: side(earlier), later: side(later)});
  }));
  return out;
}

/** The force's outcome shares beside every force with a full year of the national counts (taken at one time). */
async function forcesComparison(db: Db, dates: FileDates[]): Promise<ForcesComparison> {
  const coverage = await forceCoverage(db);
  const taken = fileDatesOf(dates, "police-uk-national", coverage.months[0]);
  if (!taken || coverage.months.some((m) => fileDatesOf(dates, "police-uk-national", m)?.line !== taken.line)) {
    throw new Error(`${FILE_DATES_FILE}: no one row of source police-uk-national covers ${periodWords(coverage.months)}, the months of the national counts`);
  }
  const rows = await db.all<{force: string; outcome: string; n: number}>(`SELECT force, outcome_category AS outcome, sum(count)::INTEGER AS n
    FROM force_outcomes_monthly WHERE month LIKE '${coverage.year}-%' AND crime_type <> '${ASB}' GROUP BY ALL ORDER BY ALL`);
  const compared = coverage.full.map((f) => ({force: f, name: coverage.names.get(f) ?? f, ...groupShares(rows.filter((r) => r.force === f).map((r) => ({outcome: r.outcome, count: r.n})))}))
    .sort((a, b) => a.name.localeCompare(b.name));
  const own = compared.find((c) => c.force === force.id);
  if (!own) throw new Error(`${force.id} is not among the forces with a full year of national counts: ${coverage.missing.find((m) => m.force === force.id)?.reason ?? "no data"}`);
  const others = compared.filter((c) => c !== own);
  const byGroup = own.groups.map((g) => {
    const shares = others.map((o) => shareOf(o.groups, g.key).share);
    return {key: g.key, label: g.label, own: g.share, median: median(shares), lowest: Math.min(...shares), highest: Math.max(...shares),
      rank: compared.filter((c) => shareOf(c.groups, g.key).share > g.share).length + 1};
  });
  return {year: coverage.year, months: coverage.months, takenBy: taken.takenBy, compared, own, byGroup, missing: coverage.missing};
}

// Wording that more than one place states (a chart's title or description and a step), as functions of the facts.

/** 0.79 → "about 8 in 10"; 0.053 → "about 1 in 19" */
export function fractionWords(share: number): string {
  if (share <= 0) return "none";
  return share >= 0.15 ? `about ${Math.round(share * 10)} in 10` : `about 1 in ${Math.round(1 / share)}`;
}

/** The groups that end a crime without a charge, caution or local resolution, and with no outcome still to come. */
export const NO_ACTION: OutcomeGroupKey[] = ["no-suspect", "not-prosecuted", "other-decision"];
export const noActionShare = (o: Outcomes): number => NO_ACTION.reduce((s, k) => s + shareOf(o.groups, k).share, 0);

/** The groups a chart shows: those with any crime in them (a group empty everywhere is left out). */
export const shownGroups = (o: Outcomes, ...more: Outcomes[]): GroupShare[] =>
  o.groups.filter((g) => [o, ...more].some((x) => shareOf(x.groups, g.key).count > 0));

/** What each group means after "crimes …": "crimes with no suspect identified". */
export const GROUP_WORDS: Record<OutcomeGroupKey, string> = {
  "no-suspect": "with no suspect identified", "not-prosecuted": "with a suspect identified but not prosecuted",
  "other-decision": "with another decision not to go further", "charged": "with a suspect charged and sent to court",
  "caution": "with a caution, warning or penalty notice", "local-resolution": "with a local resolution",
  "open": "still open or with no update", "none": "with no outcome published"
};

/** "25% ended with no suspect identified, 51% with a suspect identified but not prosecuted, … and 10% were still open or with no update" */
export function outcomesSentence(o: Outcomes): string {
  const parts = shownGroups(o).map((g) => `${formatPercent(g.share)} ${g.key === "open" ? "were " : ""}${GROUP_WORDS[g.key]}`);
  parts[0] = parts[0].replace(/^(\S+) (?!were)/, "$1 ended ");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** The share of a crime type's or area's crimes with no suspect identified. */
export const noSuspectShare = noSuspect;

/** The published survey figures, grouped by the survey (or report) each comes from: never joined across groups. */
export const SURVEYS: {survey: string; ids: string[]}[] = [
  {survey: "The force's victim satisfaction survey (victims of certain crime types, rolling 12 months)", ids: [
    "victims-initial-contact-force-survey-2024-10-2025-09", "victims-kept-informed-force-survey-2023", "victims-kept-informed-force-survey-2024-10-2025-09",
    "victims-satisfied-investigation-force-survey-2023", "victims-more-positive-after-contact-force-survey-2023"]},
  {survey: "The force's survey of domestic abuse victims (begun in 2024)", ids: ["victims-da-satisfied-initial-contact-2024-10-2025-09", "victims-da-satisfied-after-contact-2024-10-2025-09"]},
  {survey: "The Commissioner's annual report (survey not named)", ids: ["victims-kept-informed-commissioner-2022-23", "victims-kept-informed-commissioner-2023-24", "victims-satisfied-investigation-commissioner-2023-24"]},
  {survey: "The end-to-end criminal justice survey of victims and witnesses (since March 2023)", ids: ["victims-kept-informed-cjs-survey-2023-03-2025-09"]}
];

/** The force's own measures of the Victims' Code, the Victim Gateway, the Victims' Portal and repeat victims. */
export const CODE_MEASURES: string[] = ["victims-contract-2023", "victims-contract-commissioner-2023-24", "victims-contract-2024-10-2025-09",
  "victims-gateway-referrals-2023-24", "victims-gateway-48-hours-2023-24", "victims-portal-use-2024-12-2025-09", "victims-repeat-2023", "victims-repeat-2024-10-2025-09"];

// Dates and periods of published figures are worded in one place (loaders/sources/documents.ts).
export {dateWords, periodText};

/** A published measure's name without its bracketed source: "Victims satisfied with initial contact". */
export const measureWords = (measure: string): string => measure.replace(/\s*\([^)]*\)\s*$/, "");

/** A survey figure's label under its survey's heading, which already says who was asked: "Satisfied with initial contact, Oct 2024 to Sep 2025". */
export function surveyLabel(m: {measure: string; period: string}): string {
  const what = measureWords(m.measure).replace(/^(Domestic abuse victims|Victims and witnesses|Victims)( who)? /, "");
  const [a, b] = m.period.split("..");
  const short = /^\d{4}-\d{2}$/.test(a) && /^\d{4}-\d{2}$/.test(b ?? "") ? `${formatMonthShort(a)} to ${formatMonthShort(b)}` : periodText(m.period);
  return `${what.charAt(0).toUpperCase()}${what.slice(1)}, ${short}`;
}

/** "in 2025" for a whole calendar year, else "from January to April 2024" */
export const inMonths = (months: string[]): string =>
  months.length === 12 && new Set(months.map((m) => m.slice(0, 4))).size === 1 ? `in ${months[0].slice(0, 4)}` : during(months);
