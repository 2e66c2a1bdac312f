// Every number the VAWG story states from open data: police.uk "Violence and sexual offences" by month over every
// month held, by area with rates, year on year where both years are held, and last outcomes; and what the force's
// January 2024 report says about the recording change and the two VAWG definitions, read from the document itself.
import {formatPercent} from "../../../src/components/format.ts";
import {countsByArea, monthlyCounts, monthsHeld, OPEN_OUTCOMES, openOutcomeShares, outcomeShares, sameCalendarMonths,
  type CountsByArea, type OutcomeShare} from "../../extracts/crime-facts.ts";
import {crimePeriods} from "../../extracts/periods.ts";
import {forceUnderSuppliedMonths} from "../../extracts/under-supply.ts";
import type {Db} from "../../lib/duckdb.ts";
import {describeMonths, listWords} from "../../lib/words.ts";
import {countText} from "../../site/components.ts";
import {citation} from "../../sources/documents.ts";
import {publishedMeasure, readDocument} from "../../sources/published.ts";

/** police.uk's one category for violence against the person and sexual offences together */
export const VSO = "Violence and sexual offences";

export interface SameMonthsCount {
  before: string[];
  after: string[];
  countBefore: number;
  countAfter: number;
}

export interface VawgFacts {
  months: string[];
  gaps: {from: string; to: string}[];
  underSupplied: string[];
  last12: string[];
  monthly: {month: string; series: string; count: number}[];
  last12Count: number;
  /** the latest year against each earlier year over the calendar months both hold, without under-supplied months where some are */
  sameMonths: SameMonthsCount[];
  byArea: CountsByArea;
  outcomes: OutcomeShare[];
  allOutcomes: OutcomeShare[];
  openFirst: {month: string; share: number};
  openLast: {month: string; share: number};
}

export async function vawgFacts(db: Db): Promise<VawgFacts> {
  const {months, gaps} = await monthsHeld(db);
  const {last12} = await crimePeriods(db);
  const underSupplied = await forceUnderSuppliedMonths(db);
  const monthly = await monthlyCounts(db, [{label: VSO, types: [VSO]}]);
  const sum = (ms: string[]) => monthly.filter((r) => ms.includes(r.month)).reduce((s, r) => s + r.count, 0);
  const latestYear = Number(months.at(-1)!.slice(0, 4));
  const sameMonths = [...new Set(months.map((m) => Number(m.slice(0, 4))))].filter((y) => y < latestYear).sort((a, b) => b - a).flatMap((year) => {
    const {before, after} = sameCalendarMonths(months, year, latestYear);
    const keep = after.map((m, i) => !underSupplied.includes(m) && !underSupplied.includes(before[i]));
    const b = before.filter((_, i) => keep[i]), a = after.filter((_, i) => keep[i]);
    return a.length ? [{before: b, after: a, countBefore: sum(b), countAfter: sum(a)}] : [];
  });
  const open = await openOutcomeShares(db, [VSO], [last12[0], last12.at(-1)!]);
  return {
    months, gaps, underSupplied, last12, monthly,
    last12Count: sum(last12),
    sameMonths,
    byArea: await countsByArea(db, [VSO], last12),
    outcomes: await outcomeShares(db, [VSO], last12),
    allOutcomes: await outcomeShares(db, null, last12),
    openFirst: {month: open[0].month, share: open[0].share},
    openLast: {month: open[1].month, share: open[1].share}
  };
}

/** "rose by 4%: 29,999 in January to November 2025, against 28,800 in January to November 2022" */
export function sameMonthsSentence(s: SameMonthsCount): string {
  const change = s.countBefore ? (s.countAfter - s.countBefore) / s.countBefore : 0;
  const verb = Math.round(change * 100) === 0 ? "were about the same" : `${change > 0 ? "rose" : "fell"} by ${formatPercent(change)}`;
  return `${verb}: ${countText(s.countAfter)} in ${describeMonths(s.after)}, against ${countText(s.countBefore)} in ${describeMonths(s.before)}`;
}

/** A month-level recording change the force's report describes, with its citation. */
export interface RecordingChange {
  /** YYYY-MM */
  month: string;
  /** as the report words the month, e.g. "June 2023" */
  words: string;
  citation: string;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The numbered section heading a position in a document falls under (table-of-contents lines, which end in a tab and a page number, are not headings). */
function sectionAt(text: string, index: number): string {
  const headings = [...text.slice(0, index).matchAll(/^\d+(?:\.\d+)*\.? [^\t\n]+$/gm)];
  if (!headings.length) throw new Error("no numbered section heading before the quoted sentence");
  return headings.at(-1)![0].trim();
}

/** When the rules for recording conduct crimes (harassment, stalking, controlling or coercive behaviour) changed, read from the January 2024 report. */
export function conductCrimesChange(): RecordingChange {
  const {document} = publishedMeasure("vawg-crimes-2023");
  const text = readDocument(document);
  const found = /From ([A-Z][a-z]+) (\d{4}), changes have been made in the recording of conduct crimes/.exec(text);
  if (!found || !MONTHS.includes(found[1])) throw new Error(`${document}: no "From <month> <year>, changes have been made in the recording of conduct crimes" sentence`);
  return {month: `${found[2]}-${String(MONTHS.indexOf(found[1]) + 1).padStart(2, "0")}`, words: `${found[1]} ${found[2]}`, citation: citation({document, section: sectionAt(text, found.index)})};
}

/** The two definitions of violence against women and girls the January 2024 report sets out, in its own words. */
export function vawgDefinitions(): {beatingCrimePlan: string; taskforce: string; citation: string} {
  const m = publishedMeasure("vawg-crimes-2023");
  const text = readDocument(m.document);
  const after = (heading: RegExp) => {
    const found = new RegExp(`${heading.source}\\s*\\n+([^\\n]+)`).exec(text);
    if (!found) throw new Error(`${m.document}: no definition after ${heading}`);
    return found[1].trim();
  };
  return {
    beatingCrimePlan: after(/Beating Crime Plan definition of Violence against Women and Girls:/),
    taskforce: after(/Violence against Women and Girls National Taskforce Definition:/),
    citation: citation(m)
  };
}

/** Whether a published figure's notes say the June 2023 conduct-crime change affects it. */
export const affectedByConductChange = (notes: string): boolean => /conduct crimes/i.test(notes);

/** The outcome caveat, shared by chart and step. */
export function openOutcomesSentence(f: VawgFacts): string {
  const share = (x: number) => (x > 0 && x < 0.005 ? "under 1%" : formatPercent(x));
  return `Outcomes take time, and longer for violent and sexual offences: police.uk gives each crime's latest outcome when the file was published, so recent months have more crimes still open or without an update (${listWords(OPEN_OUTCOMES.map((o) => `"${o}"`), "or")}) — ${share(f.openLast.share)} of those recorded in ${describeMonths([f.openLast.month])}, against ${share(f.openFirst.share)} of those recorded in ${describeMonths([f.openFirst.month])}.`;
}

/** What police.uk's category holds and what it does not: shared by the first chart's note and the first step. */
export const CATEGORY_CAVEAT = `The open data (police.uk) has no domestic abuse flag and does not give the victim's sex, and it files all violence against the person and all sexual offences in one category, "${VSO}". So these counts are not counts of violence against women and girls, or of domestic abuse: they include violence against anyone, by anyone.`;

/** "12,345" or "fewer than 5", for a count about one area. */
export const areaCount = (n: number): string => countText(n);

