// When each set of police.uk street files in the snapshot was taken from police.uk (data/reference/police-uk-file-dates.csv):
// a "no later than" date per run of months, with its evidence. A crime's last outcome keeps changing for months after
// it is recorded, so a month's outcomes can only be compared with another month's of the same age when its file was
// taken; this gives that age.
import {readFileSync} from "node:fs";
import {basename, join} from "node:path";
import {csvParseRows} from "d3-dsv";
import {monthIndex} from "../../src/components/months.ts";
import {DataError} from "../lib/errors.ts";
import {REFERENCE_DIR} from "../lib/paths.ts";

export const FILE_DATES_FILE = join(REFERENCE_DIR, "police-uk-file-dates.csv");
const HEADER = ["source", "months_from", "months_to", "taken_no_later_than", "evidence", "where"];
const SOURCES = ["police-uk", "police-uk-national"];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export interface FileDates {
  line: number;
  source: string;
  from: string;
  to: string;
  /** YYYY-MM-DD: the files were taken from police.uk on this day or before it */
  takenBy: string;
  evidence: string;
  where: string;
}

/** Validated rows; DataError names the file, line and field of anything wrong, and of months two rows both cover. */
export function readFileDates(file: string = FILE_DATES_FILE): FileDates[] {
  const label = basename(file);
  const rows = csvParseRows(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  if (rows[0]?.join(",") !== HEADER.join(",")) throw new DataError(label, 1, null, `the header ${HEADER.join(",")}`, rows[0]?.join(",") ?? "an empty file");
  const out: FileDates[] = [];
  rows.slice(1).forEach((r, i) => {
    const line = i + 2;
    if (r.length !== HEADER.length) throw new DataError(label, line, null, `${HEADER.length} fields`, `${r.length} fields`);
    const [source, from, to, takenBy, evidence, where] = r.map((v) => v.trim());
    if (!SOURCES.includes(source)) throw new DataError(label, line, "source", `one of ${SOURCES.join(", ")}`, source);
    if (!MONTH.test(from)) throw new DataError(label, line, "months_from", "a month YYYY-MM", from);
    if (!MONTH.test(to) || to < from) throw new DataError(label, line, "months_to", `a month YYYY-MM not before ${from}`, to);
    if (!DATE.test(takenBy) || takenBy.slice(0, 7) <= to) throw new DataError(label, line, "taken_no_later_than", `a date YYYY-MM-DD after ${to}, the last month the files hold`, takenBy);
    if (!evidence) throw new DataError(label, line, "evidence", "the evidence for the date, quoted", "");
    if (!where) throw new DataError(label, line, "where", "where the evidence is", "");
    const overlap = out.find((o) => o.source === source && o.from <= to && from <= o.to);
    if (overlap) throw new DataError(label, line, "months_from", `months not already covered by line ${overlap.line} (${overlap.from} to ${overlap.to})`, `${from} to ${to}`);
    out.push({line, source, from, to, takenBy, evidence, where});
  });
  return out;
}

/** The row whose months cover `month` for `source`, or undefined. */
export function fileDatesOf(rows: FileDates[], source: string, month: string): FileDates | undefined {
  return rows.find((r) => r.source === source && r.from <= month && month <= r.to);
}

/** Whole calendar months from a crime's month to the month its file was taken (at most: the date is "no later than"). */
export const ageWhenTaken = (month: string, takenBy: string): number => monthIndex(takenBy.slice(0, 7)) - monthIndex(month);
