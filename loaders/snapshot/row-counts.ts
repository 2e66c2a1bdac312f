// Is a file's row count plausible? A month of street crime with 48 rows where its neighbours have 9,000 is a file
// cut short or half-read, not a quiet month. Each monthly (police.uk) or yearly (STATS19) file is held against the
// median of its neighbours of the same kind; a file with no rows is never plausible. A count that really is so
// (a force's system change, say) is accepted by recording it as `acceptedRows` in its manifest entry
// (`npm run pull -- --accept-rows PATH`, or `npm run check-data -- --accept-rows PATH` for one run).
import {nextMonth} from "../../src/components/months.ts";
import {DataError} from "../lib/errors.ts";
import type {ManifestEntry} from "../lib/manifest.ts";

/** Below half or above twice the neighbours' median is implausible. */
export const PLAUSIBLE_RATIO = 2;
/** Neighbours: files of the same source and kind at most this many periods away (months for police.uk, years for STATS19). */
const REACH: Record<string, number> = {"police-uk": 3, "stats19": 2};
/** Fewer neighbours than this and there is nothing to compare with. */
const MIN_NEIGHBOURS = 2;

export interface Counted {
  entry: ManifestEntry;
  rows: number;
}

const step = (p: string) => (/^\d{4}-\d{2}$/.test(p) ? nextMonth(p) : String(Number(p) + 1));

function distance(a: string, b: string): number {
  if (a > b) return distance(b, a);
  let n = 0;
  for (let p = a; p < b && n < 1000; p = step(p)) ++n;
  return n;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The range of rows a file may hold given its neighbours, or null when it has too few to judge by. */
export function plausibleRange(file: Counted, all: Counted[]): {low: number; high: number; median: number; neighbours: Counted[]} | null {
  const reach = REACH[file.entry.source];
  if (reach === undefined || !file.entry.period) return null;
  const neighbours = all.filter((o) => o !== file && o.entry.source === file.entry.source && o.entry.kind === file.entry.kind && o.entry.period
    && o.entry.period !== file.entry.period && distance(o.entry.period, file.entry.period!) <= reach);
  if (neighbours.length < MIN_NEIGHBOURS) return null;
  const m = median(neighbours.map((o) => o.rows));
  return {low: Math.ceil(m / PLAUSIBLE_RATIO), high: Math.floor(m * PLAUSIBLE_RATIO), median: m, neighbours};
}

/** Errors for implausible row counts, and notes for those accepted (by the manifest or for this run). */
export function rowCountProblems(counted: Counted[], acceptForRun: ReadonlySet<string> = new Set()): {errors: DataError[]; notes: string[]} {
  const errors: DataError[] = [], notes: string[] = [];
  for (const file of counted) {
    if (!(file.entry.source in REACH)) continue;
    const range = plausibleRange(file, counted);
    let problem: string | null = null;
    if (file.rows === 0) problem = "at least one row";
    else if (range && (file.rows < range.low || file.rows > range.high)) {
      const periods = range.neighbours.map((o) => o.entry.period!).sort();
      problem = `between ${range.low.toLocaleString("en-GB")} and ${range.high.toLocaleString("en-GB")} rows (half to twice the median, ${range.median.toLocaleString("en-GB")}, of its neighbours ${periods.join(", ")})`;
    }
    if (!problem) continue;
    const accepted = file.entry.acceptedRows === file.rows || acceptForRun.has(file.entry.path);
    if (accepted) notes.push(`${file.entry.path}: ${file.rows.toLocaleString("en-GB")} rows accepted as they are (expected ${problem})`);
    else errors.push(new DataError(file.entry.path, null, "rows", `${problem}, or the count accepted with --accept-rows`, `${file.rows.toLocaleString("en-GB")} rows`));
  }
  return {errors, notes};
}
