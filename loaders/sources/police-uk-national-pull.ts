// Pulling every force's street files from data.police.uk's monthly archives and counting them into the two national
// tables (force × month × district × type, force × month × type × last outcome) and the list of files read, the
// same tables, byte for byte, as the snapshot's police-uk-national files (their derive.py). Every member is read with
// the street reader, so a bad row stops the pull naming archive, member, line and field.
import {createHash} from "node:crypto";
import {Readable} from "node:stream";
import {monthsBetween} from "../../src/components/months.ts";
import {DataError} from "../lib/errors.ts";
import type {NewFile, PullContext, SourceResult} from "../lib/pull-context.ts";
import {readStreetCrime} from "./police-uk-read.ts";
import {NATIONAL_HEADERS} from "./police-uk-national-read.ts";
import {latestMonth, walkArchives, withPoliceUkLimiter} from "./police-uk-pull.ts";
import {MONTH_RE} from "./police-uk-schema.ts";

/** `2025-06/2025-06-<force>-street.csv` → {month, force}. */
const MEMBER_RE = /^(\d{4}-\d{2})\/\1-([a-z0-9-]+)-street\.csv$/;

/** git's blob id of some content (what `git hash-object` prints), to tie a file read to the copy counted before. */
export const gitBlobId = (content: Buffer) => createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");

/** Python's csv.writer (QUOTE_MINIMAL, "\n"): a field is quoted only when it holds a comma, a quote or a line break. */
const csvField = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const csvLine = (fields: (string | number)[]) => fields.map(csvField).join(",") + "\n";
/** Python's tuple order: field by field, by code point. */
const byKey = (a: string[], b: string[]) => {
  for (let i = 0; i < a.length; ++i) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
};

/** Counts street files into the national tables. Add files in any order; the tables come out sorted. */
export class NationalCounter {
  private lad = new Map<string, number>();
  private outcome = new Map<string, number>();
  private inputs: {force: string; month: string; blob: string; rows: number; fallsWithin: string}[] = [];

  /** Reads one force's month (a street file as published), validating every row. */
  async add(force: string, month: string, content: Buffer, label: string): Promise<number> {
    let rows = 0;
    const falls = new Map<string, number>(); // insertion order breaks ties, as Python's Counter.most_common does
    for await (const r of readStreetCrime(Readable.from([content]), label)) {
      if (r.month !== month) throw new DataError(label, r.line, "Month", `the file's month ${month}`, r.month);
      ++rows;
      const lad = r.lsoaName ? r.lsoaName.replace(/ \d{3}[A-Z]$/, "") : "";
      this.bump(this.lad, [force, month, lad, r.crimeType]);
      this.bump(this.outcome, [force, month, r.crimeType, r.lastOutcome]);
      falls.set(r.fallsWithin, (falls.get(r.fallsWithin) ?? 0) + 1);
    }
    const fallsWithin = [...falls].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join("; ");
    this.inputs.push({force, month, blob: gitBlobId(content), rows, fallsWithin});
    return rows;
  }

  private bump(map: Map<string, number>, key: string[]) {
    const k = key.join("\0"); // no field of a valid row holds a NUL
    map.set(k, (map.get(k) ?? 0) + 1);
  }

  /** The three tables as CSV text, in derive.py's layout and order. */
  tables(): {"force-lad-month-type": string; "force-month-type-outcome": string; "inputs": string} {
    const table = (header: readonly string[], map: Map<string, number>) => csvLine([...header]) +
      [...map].map(([k, n]) => [k.split("\0"), n] as const).sort((a, b) => byKey(a[0], b[0])).map(([k, n]) => csvLine([...k, n])).join("");
    const inputs = [...this.inputs].sort((a, b) => byKey([a.force, a.month], [b.force, b.month]));
    return {
      "force-lad-month-type": table(NATIONAL_HEADERS["force-lad-month-type"], this.lad),
      "force-month-type-outcome": table(NATIONAL_HEADERS["force-month-type-outcome"], this.outcome),
      "inputs": csvLine([...NATIONAL_HEADERS.inputs]) + inputs.map((i) => csvLine([i.force, i.month, i.blob, "read", i.rows, i.fallsWithin])).join("")
    };
  }

  get rowCounts() {
    return {lad: this.lad.size, outcome: this.outcome.size, inputs: this.inputs.length};
  }
}

export interface NationalRange {
  from?: string;
  to?: string;
}

/**
 * The national tables for every year in [from, to] (default: January of the latest month's year to the latest
 * month), one set of three files a year. A year's tables hold the months pulled, so pull whole years.
 */
export async function pullPoliceUkNational(ctx: PullContext, range: NationalRange = {}): Promise<SourceResult> {
  const c = withPoliceUkLimiter(ctx);
  const to = range.to ?? (await latestMonth(c));
  const from = range.from ?? `${to.slice(0, 4)}-01`;
  for (const m of [from, to]) if (!MONTH_RE.test(m)) throw new Error(`--from/--to: expected a month as YYYY-MM, found ${JSON.stringify(m)}`);
  if (from > to) throw new Error(`--from ${from} is after --to ${to}`);
  const months = monthsBetween(from, to);
  const counters = new Map<string, NationalCounter>();
  const skipped: string[] = [];
  await walkArchives(c, months, async (zip, covered, label) => {
    for (const name of zip.names().sort()) {
      const m = MEMBER_RE.exec(name);
      if (!m || !covered.includes(m[1])) continue;
      const [, month, force] = m;
      const year = month.slice(0, 4);
      if (!counters.has(year)) counters.set(year, new NationalCounter());
      const rows = await counters.get(year)!.add(force, month, await zip.read(name), `${label}:${name}`);
      ctx.log(`police-uk-national: ${name}: ${rows.toLocaleString("en-GB")} rows`);
    }
  });
  const files: NewFile[] = [];
  for (const [year, counter] of [...counters].sort()) {
    const held = months.filter((m) => m.startsWith(year));
    if (held.length < 12) skipped.push(`police-uk-national ${year}: only ${held[0]}…${held.at(-1)} pulled; the ${year} tables hold those months only`);
    const tables = counter.tables();
    for (const kind of ["inputs", "force-lad-month-type", "force-month-type-outcome"] as const) {
      const content = Buffer.from(tables[kind]);
      files.push({
        path: `police-uk-national/${kind}-${year}.csv.gz`, source: "police-uk-national", kind,
        url: `https://data.police.uk/data/archive/${year}-MM.zip (members ${year}-MM/${year}-MM-<force>-street.csv, every force, counted)`,
        content, rows: tables[kind].split("\n").length - 2, period: year
      });
    }
  }
  for (const m of months) if (!counters.get(m.slice(0, 4))) skipped.push(`police-uk-national ${m}: no street files in the archive`);
  return {files, skipped};
}
