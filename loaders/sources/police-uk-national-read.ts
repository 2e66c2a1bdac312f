// Reading the national police.uk count tables (every force's street files counted by force, month, district and
// type, and by force, month, type and last outcome) and the list of files they were counted from, with checks
// that tie each table to that list: every force and month in it was read, and its counts add up to the rows read.
import {basename} from "node:path";
import {readCsv} from "../lib/csv.ts";
import {DataError} from "../lib/errors.ts";
import {ASB, CRIME_TYPES, MONTH_RE} from "./police-uk-schema.ts";

export type NationalKind = "force-lad-month-type" | "force-month-type-outcome";
export const NATIONAL_KINDS: NationalKind[] = ["force-lad-month-type", "force-month-type-outcome"];

export const NATIONAL_HEADERS = {
  "force-lad-month-type": ["force", "month", "lad_name", "crime_type", "count"],
  "force-month-type-outcome": ["force", "month", "crime_type", "last_outcome_category", "count"],
  "inputs": ["force", "month", "git_blob", "status", "rows", "falls_within"]
} as const;

export interface NationalCount {
  line: number;
  force: string;
  month: string;
  /** district name as ONS gives it in the LSOA name ("" where the row had no LSOA); force-lad-month-type only */
  ladName: string;
  crimeType: string;
  /** last outcome ("" for anti-social behaviour and where none was given); force-month-type-outcome only */
  outcome: string;
  count: number;
}

export interface InputFile {
  line: number;
  force: string;
  month: string;
  /** true when the file was read and counted; false when it was absent from the copy counted */
  read: boolean;
  status: string;
  rows: number | null;
  /** `Falls within` values and their rows, e.g. [["Staffordshire Police", 8611]] */
  fallsWithin: [string, number][];
}

export const FORCE_RE = /^[a-z][a-z0-9-]*$/;
const crimeTypes = new Set<string>(CRIME_TYPES);
const labelOf = (file: string, label?: string) => label ?? basename(file);

function whole(label: string, line: number, field: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new DataError(label, line, field, min === 0 ? "a count (a whole number, 0 or more)" : `a whole number of at least ${min}`, value);
  return Number(value);
}

function forceAndMonth(label: string, line: number, v: Record<string, string>, year: string | null): void {
  if (!FORCE_RE.test(v.force)) throw new DataError(label, line, "force", "a police.uk force id like staffordshire", v.force);
  if (!MONTH_RE.test(v.month)) throw new DataError(label, line, "month", "a month as YYYY-MM", v.month);
  if (year && !v.month.startsWith(`${year}-`)) throw new DataError(label, line, "month", `a month of ${year} (the file's period)`, v.month);
}

/** Rows of one count table; `year` (the manifest period) bounds the months. */
export async function* readNationalCounts(file: string, kind: NationalKind, options: {label?: string; year?: string | null} = {}): AsyncGenerator<NationalCount> {
  const label = labelOf(file, options.label);
  const keys = new Set<string>();
  for await (const {line, values: v} of readCsv(file, {header: NATIONAL_HEADERS[kind], label})) {
    forceAndMonth(label, line, v, options.year ?? null);
    if (!crimeTypes.has(v.crime_type)) throw new DataError(label, line, "crime_type", `one of the 14 police.uk categories (${CRIME_TYPES.join("; ")})`, v.crime_type);
    const ladName = kind === "force-lad-month-type" ? v.lad_name : "";
    const outcome = kind === "force-month-type-outcome" ? v.last_outcome_category : "";
    if (kind === "force-month-type-outcome" && v.crime_type === ASB && outcome !== "") throw new DataError(label, line, "last_outcome_category", "no outcome for anti-social behaviour", outcome);
    const key = `${v.force}|${v.month}|${ladName}|${v.crime_type}|${outcome}`;
    if (keys.has(key)) throw new DataError(label, line, null, "each force, month, district or outcome and type once", key.replaceAll("|", ", "));
    keys.add(key);
    yield {line, force: v.force, month: v.month, ladName, crimeType: v.crime_type, outcome, count: whole(label, line, "count", v.count, 0)};
  }
}

/** The list of files the tables were counted from. */
export async function readNationalInputs(file: string, options: {label?: string; year?: string | null} = {}): Promise<InputFile[]> {
  const label = labelOf(file, options.label);
  const out: InputFile[] = [];
  const keys = new Set<string>();
  for await (const {line, values: v} of readCsv(file, {header: NATIONAL_HEADERS.inputs, label})) {
    forceAndMonth(label, line, v, options.year ?? null);
    const key = `${v.force}|${v.month}`;
    if (keys.has(key)) throw new DataError(label, line, null, "each force and month once", `${v.force}, ${v.month} again`);
    keys.add(key);
    const read = v.status === "read";
    if (!read && !v.status.startsWith("absent")) throw new DataError(label, line, "status", "read, or absent (with the reason)", v.status);
    if (!read && (v.rows !== "" || v.falls_within !== "")) throw new DataError(label, line, "rows", "no rows for a file that was not read", v.rows);
    const rows = read ? whole(label, line, "rows", v.rows, 0) : null;
    const fallsWithin: [string, number][] = [];
    if (read && rows! > 0) {
      for (const part of v.falls_within.split("; ")) {
        const m = /^(.+) (\d+)$/.exec(part);
        if (!m) throw new DataError(label, line, "falls_within", "values with their rows, like \"Staffordshire Police 8611; …\"", part);
        fallsWithin.push([m[1], Number(m[2])]);
      }
      const total = fallsWithin.reduce((s, [, n]) => s + n, 0);
      if (total !== rows) throw new DataError(label, line, "falls_within", `rows adding up to ${rows} (the rows read)`, `${total}`);
    }
    out.push({line, force: v.force, month: v.month, read, status: v.status, rows, fallsWithin});
  }
  return out;
}

/**
 * Checks a count table against the inputs: every force and month in the table is a file that was read, and the
 * table's counts for it add up to that file's rows (so no row was lost or counted twice); every file read with rows
 * appears in the table. Returns the table's total.
 */
export async function checkCountsAgainstInputs(file: string, kind: NationalKind, inputs: InputFile[], options: {label?: string; inputsLabel: string; year?: string | null}): Promise<number> {
  const label = labelOf(file, options.label);
  const byFile = new Map(inputs.map((i) => [`${i.force}|${i.month}`, i]));
  const totals = new Map<string, {sum: number; line: number}>();
  let total = 0, rows = 0;
  for await (const r of readNationalCounts(file, kind, {label, year: options.year})) {
    ++rows;
    const key = `${r.force}|${r.month}`;
    const input = byFile.get(key);
    if (!input?.read) throw new DataError(label, r.line, "month", `a force and month that ${options.inputsLabel} lists as read`, `${r.force} ${r.month} (${input ? input.status.split(" ")[0] : "not listed"})`);
    const t = totals.get(key) ?? {sum: 0, line: r.line};
    t.sum += r.count;
    totals.set(key, t);
    total += r.count;
  }
  for (const [key, t] of totals) {
    const input = byFile.get(key)!;
    if (t.sum !== input.rows) throw new DataError(label, null, "count", `counts for ${input.force} ${input.month} adding up to ${input.rows}, the rows ${options.inputsLabel} (line ${input.line}) says were read`, String(t.sum));
  }
  for (const input of inputs) {
    if (input.read && input.rows! > 0 && !totals.has(`${input.force}|${input.month}`)) {
      throw new DataError(label, null, "force", `counts for ${input.force} ${input.month}, which ${options.inputsLabel} (line ${input.line}) lists as read with ${input.rows} rows`, "none");
    }
  }
  return rows;
}

/** A force's name as its files give it: the `Falls within` value of most rows over the months read. */
export function forceNames(inputs: InputFile[]): Map<string, string> {
  const tally = new Map<string, Map<string, number>>();
  for (const i of inputs) for (const [name, n] of i.fallsWithin) {
    const t = tally.get(i.force) ?? new Map<string, number>();
    t.set(name, (t.get(name) ?? 0) + n);
    tally.set(i.force, t);
  }
  return new Map([...tally].map(([force, t]) => [force, [...t].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]]));
}
