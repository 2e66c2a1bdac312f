// The headline measures as the reports present them: a figure for the last 12 months beside the previous 12 months,
// the change and the baseline, grouped by the report's priorities (its top-level sections). Where the report prints
// the figure in one of its performance tables ("Previous 12 Months | Last 12 Months | 12 Month % Change | Baseline
// (…)"), the row is read from that table; otherwise from the figure's own comparison, as the report words it.
import {readDocument, type PublishedMeasure} from "../sources/published.ts";
import {periodMonths} from "./compare.ts";
import {locateQuote, plainText, readDocumentText, type DocumentText, type Heading} from "./document-text.ts";

export interface TableRow {
  /** the table's name (its first header cell) and the row's label, as printed */
  table: string;
  label: string;
  previous: string;
  last: string;
  change: string | null;
  baseline: string | null;
  /** as printed in the header: "Apr 19 to Mar 20" */
  baselinePeriod: string | null;
  baselineChange: string | null;
  /** the raw line, and where it starts in the document */
  line: string;
  offset: number;
}

export interface Headline {
  measure: PublishedMeasure;
  /** the report's table row, when the figure is printed in one */
  row: TableRow | null;
  /** the previous 12 months' figure, when another row of the table holds it */
  previous: PublishedMeasure | null;
  /** the report's own words for the comparison, when no table row gives it */
  comparison: string | null;
}

export interface PriorityGroup {
  /** the top-level section the figures sit in ("4. Prevent Harm and Protect People") */
  priority: Heading | null;
  headlines: Headline[];
}

export interface DocumentHeadlines {
  document: string;
  groups: PriorityGroup[];
}

const HEADER = /previous 12 months/i;
const LAST = /last 12 months|current 12 months/i;

/** Every row of the report's "previous / last 12 months" tables. */
export function performanceTables(doc: DocumentText): TableRow[] {
  const rows: TableRow[] = [];
  const lines = doc.text.split("\n");
  let offset = 0, header: string[] | null = null;
  for (const line of lines) {
    const cells = line.split("\t").map((c) => c.trim());
    if (cells.length > 2 && cells.some((c) => HEADER.test(c)) && cells.some((c) => LAST.test(c))) header = cells;
    else if (!line.includes("\t")) header = null;
    else if (header && cells[0]) {
      const at = (re: RegExp) => {
        const i = header!.findIndex((c) => re.test(c));
        return i > 0 && cells[i] ? cells[i] : null;
      };
      const baselineHeader = header.find((c) => /^baseline\b/i.test(c));
      const previous = at(HEADER), last = at(LAST);
      if (previous && last) {
        rows.push({table: header[0] || "", label: cells[0], previous, last, change: at(/12 month % change/i), baseline: at(/^baseline\b/i),
          baselinePeriod: baselineHeader ? /\(([^)]+)\)/.exec(baselineHeader)?.[1] ?? null : null, baselineChange: at(/% change from baseline/i),
          line, offset});
      }
    }
    offset += line.length + 1;
  }
  return rows;
}

const words = (s: string) => new Set(plainText(s).toLowerCase().replace(/seat ?belt/g, "seatbelt").split(/[^a-z]+/).filter((w) => w.length > 2));
const number = (s: string) => Number(s.replace(/,/g, ""));
const REFERENCE = /\(([a-z0-9]+(?:-[a-z0-9]+)+)\)/;

/** The last heading at or above `level` before a place in the document. */
function headingAt(doc: DocumentText, offset: number, level: number): Heading | null {
  let found: Heading | null = null;
  for (const h of doc.headings) {
    if (h.start > offset) break;
    if (h.level <= level) found = h;
  }
  return found;
}

/**
 * The report's priority a figure sits under: the top-level section its numbered section belongs to ("6.3 …" → the
 * body's "6. Preventing and Protecting", not the contents page's entry), else the top-level heading before it, else
 * its own section (a foreword that no numbered chapter holds).
 */
function priorityOf(doc: DocumentText, m: PublishedMeasure, offset: number): Heading | null {
  const n = /^(\d+)\./.exec(m.section)?.[1];
  if (n) {
    const top = doc.headings.filter((h) => h.level === 2 && h.text.startsWith(`${n}. `)).at(-1);
    return top ?? headingAt(doc, offset, 3);
  }
  return headingAt(doc, offset, 2);
}

/** Whether the figure's comparison is with the 12 months before ("previous year", "on 2022" for a 2023 figure). */
function comparedWithPrevious(m: PublishedMeasure): boolean {
  if (/previous|compared with/i.test(m.comparison)) return true;
  const year = /\b(?:on|in) (20\d\d)\b/.exec(m.comparison)?.[1];
  const months = periodMonths(m.period);
  return !!year && Number(year) === Number(months.at(-1)!.slice(0, 4)) - 1;
}

/** A figure that is itself a change ("Change in KSI road traffic collisions on the previous year"). */
export const isChange = (m: PublishedMeasure) => /^(?:change|additional)\b/i.test(m.measure);

/** The headline measures of every document, in the table's order, grouped by the reports' priorities. */
export function headlineMeasures(measures: PublishedMeasure[]): DocumentHeadlines[] {
  const byId = new Map(measures.map((m) => [m.id, m]));
  // Rows that another row names as its earlier period are shown beside it, not on their own.
  const earlier = new Set(measures.flatMap((m) => {
    const ref = REFERENCE.exec(m.comparison)?.[1];
    return ref && byId.get(ref)?.period !== m.period ? [ref] : [];
  }));
  const docs = new Map<string, {doc: DocumentText; tables: TableRow[]}>();
  const out = new Map<string, Map<string, PriorityGroup>>();
  const usedLines = new Set<string>();
  for (const m of measures) {
    if (earlier.has(m.id) || !["count", "percent", "per_1000"].includes(m.unit) || periodMonths(m.period).length !== 12) continue;
    if (!docs.has(m.document)) {
      const doc = readDocumentText(readDocument(m.document));
      docs.set(m.document, {doc, tables: performanceTables(doc)});
    }
    const {doc, tables} = docs.get(m.document)!;
    const at = locateQuote(doc, m.quote);
    if (!at) continue; // every quote is in its document (tests/unit/published.test.ts)
    const section = headingAt(doc, at.start, 3);
    const quoted = tables.find((r) => r.offset <= at.start && at.start < r.offset + r.line.length);
    // A figure quoted in prose is read from the table in the same section that prints the same number on a row of the same name.
    const inSection = tables.filter((r) => headingAt(doc, r.offset, 3) === section && number(r.last) === m.value
      && [...words(r.label)].every((w) => words(`${m.measure} ${m.quote}`).has(w)));
    let row = quoted && number(quoted.last) === m.value ? quoted : inSection.length === 1 ? inSection[0] : null;
    if (row && usedLines.has(`${m.document}:${row.offset}`)) row = null;
    if (row) usedLines.add(`${m.document}:${row.offset}`);
    const ref = REFERENCE.exec(m.comparison)?.[1];
    const previous = ref && earlier.has(ref) ? byId.get(ref) ?? null : null;
    const stated = comparedWithPrevious(m) ? m.comparison : null;
    if (!row && !previous && !stated) continue;
    const priority = priorityOf(doc, m, at.start);
    const groups = out.get(m.document) ?? new Map<string, PriorityGroup>();
    out.set(m.document, groups);
    const key = priority?.id ?? "";
    if (!groups.has(key)) groups.set(key, {priority, headlines: []});
    groups.get(key)!.headlines.push({measure: m, row, previous, comparison: row || previous ? null : stated});
  }
  return [...out].map(([document, groups]) => ({document, groups: [...groups.values()].sort((a, b) => (a.priority?.start ?? 0) - (b.priority?.start ?? 0))}));
}
