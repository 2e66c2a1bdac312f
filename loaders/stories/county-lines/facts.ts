// Every number the County lines story states from open data: police.uk "Drugs" and "Possession of weapons" records
// (by month, by area, by LSOA, year on year, last outcomes) and police.uk stop and search, computed from the extracts
// (and, for the blank age and ethnicity fields, which no extract carries, from the raw stop-and-search files); and the
// sentences that more than one place states.
import {join} from "node:path";
import {formatCount, formatMonth, formatPercent} from "../../../src/components/format.ts";
import {monthRuns} from "../../../src/components/months.ts";
import {countsByArea, lsoaCounts, monthlyCounts, monthsHeld, OPEN_OUTCOMES, openOutcomeShares, outcomeShares, sameCalendarMonths,
  type CountsByArea, type OutcomeShare} from "../../extracts/crime-facts.ts";
import {crimePeriods} from "../../extracts/periods.ts";
import {forceUnderSuppliedMonths} from "../../extracts/under-supply.ts";
import {lit, type Db} from "../../lib/duckdb.ts";
import {readManifest} from "../../lib/manifest.ts";
import {SNAPSHOT_DIR} from "../../lib/paths.ts";
import {describeMonths, listWords, periodWords} from "../../lib/words.ts";
import {citation} from "../../sources/documents.ts";
import {readStopSearch} from "../../sources/police-uk-read.ts";
import {publishedMeasure, readDocument} from "../../sources/published.ts";

export const DRUGS = "Drugs";
export const WEAPONS = "Possession of weapons";
/** police.uk's object of search for drug searches */
export const DRUG_SEARCH = "Controlled drugs";

export interface MonthCount {
  month: string;
  count: number;
}

/** One like-for-like comparison: the same calendar months of an earlier year and the latest year. */
export interface SameMonths {
  before: string[];
  after: string[];
  drugs: {before: number; after: number};
  weapons: {before: number; after: number};
}

export interface StopSearchFacts {
  months: string[];
  searches: number;
  /** searches whose object was controlled drugs */
  drugSearches: number;
  /** drug searches whose outcome was linked to the object (what was found was what officers looked for) */
  drugLinked: number;
  /** all searches with a linked outcome */
  linked: number;
  drugOutcomes: OutcomeShare[];
  allOutcomes: OutcomeShare[];
}

/** Age range and both ethnicity fields, counted in the raw stop-and-search files (no extract carries them). */
export interface StopSearchBlanks {
  rows: number;
  ageBlank: number;
  selfEthnicityBlank: number;
  officerEthnicityBlank: number;
  /** rows where age range and both ethnicity fields are all blank */
  allBlank: number;
}

export interface CountyLinesFacts {
  months: string[];
  gaps: {from: string; to: string}[];
  underSupplied: string[];
  /** the latest 12 months held */
  last12: string[];
  drugsByMonth: MonthCount[];
  weaponsByMonth: MonthCount[];
  monthly: {month: string; series: string; count: number}[];
  drugsLast12: number;
  weaponsLast12: number;
  /** months whose drug count is more than twice the median month held */
  drugSpikes: MonthCount[];
  drugMedian: number;
  /** the latest year against each earlier year over the calendar months both hold; `clean` leaves out under-supplied months */
  sameMonths: {year: string; all: SameMonths; clean: SameMonths | null}[];
  byArea: CountsByArea;
  weaponsByArea: CountsByArea;
  lsoas: {lsoa: string; areaCode: string; count: number}[];
  outcomes: OutcomeShare[];
  allOutcomes: OutcomeShare[];
  /** the share of drug crimes still open in the first and last month of the latest 12 */
  openFirst: {month: string; share: number};
  openLast: {month: string; share: number};
  stopSearch: StopSearchFacts | null;
  blanks: StopSearchBlanks | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sumOver = (rows: MonthCount[], months: string[]) => rows.filter((r) => months.includes(r.month)).reduce((s, r) => s + r.count, 0);

export async function countyLinesFacts(db: Db): Promise<CountyLinesFacts> {
  const {months, gaps} = await monthsHeld(db);
  const {last12} = await crimePeriods(db);
  const underSupplied = await forceUnderSuppliedMonths(db);
  const monthly = await monthlyCounts(db, [{label: DRUGS, types: [DRUGS]}, {label: WEAPONS, types: [WEAPONS]}]);
  const series = (label: string) => monthly.filter((r) => r.series === label).map(({month, count}) => ({month, count}));
  const drugsByMonth = series(DRUGS), weaponsByMonth = series(WEAPONS);
  const drugMedian = median(drugsByMonth.map((r) => r.count));
  const latestYear = Number(months.at(-1)!.slice(0, 4));
  const earlierYears = [...new Set(months.map((m) => Number(m.slice(0, 4))))].filter((y) => y < latestYear);
  const compare = (before: string[], after: string[]): SameMonths => ({before, after,
    drugs: {before: sumOver(drugsByMonth, before), after: sumOver(drugsByMonth, after)},
    weapons: {before: sumOver(weaponsByMonth, before), after: sumOver(weaponsByMonth, after)}});
  const sameMonths = earlierYears.flatMap((year) => {
    const {before, after} = sameCalendarMonths(months, year, latestYear);
    if (!after.length) return [];
    const keep = after.map((m, i) => !underSupplied.includes(m) && !underSupplied.includes(before[i]));
    const clean = keep.every(Boolean) || !keep.some(Boolean) ? null : compare(before.filter((_, i) => keep[i]), after.filter((_, i) => keep[i]));
    return [{year: String(year), all: compare(before, after), clean}];
  }).sort((a, b) => b.year.localeCompare(a.year));
  const open = await openOutcomeShares(db, [DRUGS], [last12[0], last12.at(-1)!]);
  return {
    months, gaps, underSupplied, last12, drugsByMonth, weaponsByMonth, monthly,
    drugsLast12: sumOver(drugsByMonth, last12),
    weaponsLast12: sumOver(weaponsByMonth, last12),
    drugSpikes: drugsByMonth.filter((r) => r.count > 2 * drugMedian),
    drugMedian,
    sameMonths,
    byArea: await countsByArea(db, [DRUGS], last12),
    weaponsByArea: await countsByArea(db, [WEAPONS], last12),
    lsoas: await lsoaCounts(db, [DRUGS], last12),
    outcomes: await outcomeShares(db, [DRUGS], last12),
    allOutcomes: await outcomeShares(db, null, last12),
    openFirst: {month: open[0].month, share: open[0].share},
    openLast: {month: open[1].month, share: open[1].share},
    stopSearch: await stopSearchFacts(db),
    blanks: await stopSearchBlanks()
  };
}

/** Stop and search from the stop-search-monthly extract; null when the snapshot holds no stop-and-search file. */
async function stopSearchFacts(db: Db): Promise<StopSearchFacts | null> {
  const [view] = await db.all<{n: number}>(`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'stop_search_monthly'`);
  if (!view.n) return null;
  const months = (await db.all<{month: string}>(`SELECT DISTINCT month FROM stop_search_monthly ORDER BY 1`)).map((r) => r.month);
  const [t] = await db.all<{searches: number; drugs: number; drugLinked: number; linked: number}>(`SELECT sum(count)::INTEGER AS searches,
      (sum(count) FILTER (WHERE object_of_search = ${lit(DRUG_SEARCH)}))::INTEGER AS drugs,
      (sum(count) FILTER (WHERE object_of_search = ${lit(DRUG_SEARCH)} AND outcome_linked))::INTEGER AS "drugLinked",
      (sum(count) FILTER (WHERE outcome_linked))::INTEGER AS linked FROM stop_search_monthly`);
  const shares = async (where: string) => {
    const rows = await db.all<{outcome: string; n: number}>(`SELECT CASE WHEN outcome = '' THEN 'No outcome recorded' ELSE outcome END AS outcome, sum(count)::INTEGER AS n
      FROM stop_search_monthly ${where} GROUP BY 1`);
    const total = rows.reduce((s, r) => s + r.n, 0);
    return rows.map((r) => ({outcome: r.outcome, count: r.n, share: total ? r.n / total : 0})).sort((a, b) => b.count - a.count || a.outcome.localeCompare(b.outcome));
  };
  return {months, searches: t.searches, drugSearches: t.drugs ?? 0, drugLinked: t.drugLinked ?? 0, linked: t.linked ?? 0,
    drugOutcomes: await shares(`WHERE object_of_search = ${lit(DRUG_SEARCH)}`), allOutcomes: await shares("")};
}

/** Blank age range and ethnicity, counted in the snapshot's raw stop-and-search files; null when there are none. */
export async function stopSearchBlanks(): Promise<StopSearchBlanks | null> {
  const files = readManifest().files.filter((f) => f.source === "police-uk" && f.kind === "stop-and-search");
  if (!files.length) return null;
  const out: StopSearchBlanks = {rows: 0, ageBlank: 0, selfEthnicityBlank: 0, officerEthnicityBlank: 0, allBlank: 0};
  for (const f of files) {
    for await (const r of readStopSearch(join(SNAPSHOT_DIR, f.path))) {
      out.rows++;
      const age = r.ageRange.trim() === "", self = r.selfDefinedEthnicity.trim() === "", officer = r.officerDefinedEthnicity.trim() === "";
      out.ageBlank += Number(age);
      out.selfEthnicityBlank += Number(self);
      out.officerEthnicityBlank += Number(officer);
      out.allBlank += Number(age && self && officer);
    }
  }
  return out;
}

/** "January to April 2025 against January to April 2024" */
export const sameMonthsWords = (c: SameMonths): string => `${describeMonths(c.after)} against ${describeMonths(c.before)}`;

/** "rose by 43%" / "fell by 5%" / "was about the same", with both counts */
export function changeSentence(what: string, c: {before: number; after: number}, s: SameMonths): string {
  const change = c.before ? (c.after - c.before) / c.before : 0;
  const verb = Math.round(change * 100) === 0 ? "was about the same" : `${change > 0 ? "rose" : "fell"} by ${formatPercent(change)}`;
  return `${what} ${verb}: ${formatCount(c.after)} in ${describeMonths(s.after)}, against ${formatCount(c.before)} in ${describeMonths(s.before)}`;
}

/** The months held, in words, and the gaps between them: shared by the trend chart and the first step. */
export function monthsHeldSentence(f: CountyLinesFacts): string {
  return `The snapshot holds ${describeMonths(f.months)}; ${listWords(f.gaps.map((g) => periodWords([g.from, g.to])))} ${f.gaps.length === 1 ? "is" : "are"} not held, so the lines break there.`;
}

/** "July and August 2022 stand out: 561 and 518 drug offences, against 187 in a typical month" */
export function spikeSentence(f: CountyLinesFacts): string | null {
  if (!f.drugSpikes.length) return null;
  // "July and August 2022" reads better than "July to August 2022" for two months.
  const months = monthRuns(f.drugSpikes.map((s) => s.month)).map((run) => run.length === 2 ? `${formatMonth(run[0]).split(" ")[0]} and ${formatMonth(run[1])}` : describeMonths(run));
  return `${listWords(months)} ${f.drugSpikes.length === 1 ? "stands" : "stand"} out, with ${listWords(f.drugSpikes.map((s) => formatCount(s.count)))} drug offences against ${formatCount(f.drugMedian)} in the middle month of those held`;
}

/** The outcome of drug crimes that are still open, first against last month: the caveat shared by chart and step. */
export function openOutcomesSentence(f: CountyLinesFacts): string {
  return `Outcomes take time: police.uk gives each crime's latest outcome when the file was published, so recent months have more crimes still open or without an update (${listWords(OPEN_OUTCOMES.map((o) => `"${o}"`), "or")}) — ${shareWords(f.openLast.share)} of drug crimes recorded in ${formatMonth(f.openLast.month)}, against ${shareWords(f.openFirst.share)} of those recorded in ${formatMonth(f.openFirst.month)}.`;
}

/** A share in words: "15%", or "under 1%" where a whole percent would read as none. */
export const shareWords = (share: number): string => (share > 0 && share < 0.005 ? "under 1%" : formatPercent(share));

/** "1,644 of 1,646 rows (99.9%)" leave age and ethnicity blank */
export function blanksSentence(b: StopSearchBlanks): string {
  return `age range and both ethnicity fields are blank on ${formatCount(b.allBlank)} of the ${formatCount(b.rows)} published searches (${formatPercent(b.allBlank / b.rows, 1)})`;
}

/** A sentence read from a published document, with the citation of the section it sits in. */
export interface DocumentText {
  text: string;
  citation: string;
}

/** The force's definition of county lines, read from its January 2024 report (section 4.3). */
export function countyLinesDefinition(): DocumentText {
  const m = publishedMeasure("county-lines-arrests-2023");
  const found = /^Definition: (County lines are [^\n]+)$/m.exec(readDocument(m.document));
  if (!found) throw new Error(`${m.document}: no line starting "Definition: County lines are" in section ${m.section}`);
  return {text: found[1].trim(), citation: citation(m)};
}

/** The months the force's January 2024 report names for its own drug-crime spike (temporary drug codes converted), or null. */
export function reportedDrugSpike(): DocumentText | null {
  const m = publishedMeasure("drug-crimes-2023");
  const found = /In ([A-Z][a-z]+(?: and [A-Z][a-z]+)? \d{4}), work was undertaken to update all the temporary crime codes/.exec(readDocument(m.document));
  return found ? {text: found[1], citation: citation(m)} : null;
}

/** How the force says drug supply is measured nationally (drug-related homicides, referrals into treatment): its own words. */
export function nationalDrugMeasures(): DocumentText {
  const m = publishedMeasure("drug-crimes-2023");
  // Each priority's section opens with such a sentence: this one names drug-related homicides.
  const found = /^Nationally, this will be measured through ([^\n]*drug[^\n]*?)\.$/m.exec(readDocument(m.document));
  if (!found) throw new Error(`${m.document}: no "Nationally, this will be measured through" sentence in section ${m.section}`);
  return {text: found[1], citation: citation(m)};
}
