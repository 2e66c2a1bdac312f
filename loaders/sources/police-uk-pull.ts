// Pulling data.police.uk monthly files for one force: download the all-forces archive to disk (it is GBs),
// extract only this force's street / outcomes / stop-and-search members for months in [from, to], and
// validate each with the readers before it may enter the snapshot. walkArchives is shared with the national pull.
import {existsSync, rmSync} from "node:fs";
import {join} from "node:path";
import {Readable} from "node:stream";
import {DataError, FetchError} from "../lib/errors.ts";
import {downloadToFile, fetchJson, garbage, rebase, TokenBucket} from "../lib/http.ts";
import type {NewFile, PullContext, SourceResult} from "../lib/pull-context.ts";
import {openZip, type ZipArchive} from "../lib/zip-read.ts";
import {nextMonth} from "../../src/components/months.ts";
import {readOutcomes, readStopSearch, readStreetCrime} from "./police-uk-read.ts";
import {MONTH_RE, type PoliceUkKind} from "./police-uk-schema.ts";

export const POLICE_UK = "https://data.police.uk";
export const archiveUrl = (month: string) => `${POLICE_UK}/data/archive/${month}.zip`;
export const DATES_URL = `${POLICE_UK}/api/crimes-street-dates`;
/** data.police.uk's published limit: 15 requests a second, bursts of 30. */
export const policeUkLimiter = () => new TokenBucket(15, 30);

const KINDS: PoliceUkKind[] = ["street", "outcomes", "stop-and-search"];

export interface PoliceUkRange {
  from?: string;
  to?: string;
}

/** The newest month data.police.uk has published (from /api/crimes-street-dates). */
export async function latestMonth(ctx: PullContext): Promise<string> {
  const url = rebase(DATES_URL, ctx.baseUrl);
  const data = await fetchJson(url, ctx.http);
  const months = Array.isArray(data) ? data.map((d) => (d as {date?: unknown})?.date) : [];
  if (!months.length || !months.every((m): m is string => typeof m === "string" && MONTH_RE.test(m))) {
    throw garbage(url, "a JSON list of {\"date\": \"YYYY-MM\"}", Buffer.from(JSON.stringify(data) ?? ""));
  }
  return months.sort().at(-1)!;
}

export function monthsBetween(from: string, to: string): string[] {
  for (const m of [from, to]) if (!MONTH_RE.test(m)) throw new Error(`--from/--to: expected a month as YYYY-MM, found ${JSON.stringify(m)}`);
  if (from > to) throw new Error(`--from ${from} is after --to ${to}`);
  const out: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}

export async function pullPoliceUk(ctx: PullContext, range: PoliceUkRange = {}): Promise<SourceResult> {
  const c = withPoliceUkLimiter(ctx);
  const to = range.to ?? (await latestMonth(c));
  const from = range.from ?? to;
  const files: NewFile[] = [];
  const skipped: string[] = [];
  await walkArchives(c, monthsBetween(from, to), async (zip, covered, label, liveUrl) => {
    for (const month of covered) {
      for (const kind of KINDS) {
        const member = `${month}/${month}-${ctx.forceId}-${kind}.csv`;
        if (!zip.has(member)) {
          // Every force publishes street crime every month; the other files are sometimes absent.
          if (kind === "street") throw new DataError(label, null, null, `a member ${member}`, "no such member in the archive");
          skipped.push(`${month} ${kind}: not in ${label}`);
          continue;
        }
        const content = await zip.read(member, 512 << 20);
        const rows = await countRows(kind, content, `${label}:${member}`);
        files.push({path: `police-uk/${month}-${ctx.forceId}-${kind}.csv.gz`, source: "police-uk", kind, url: liveUrl, member, content, rows, period: month});
        ctx.log(`police-uk: ${member}: ${rows.toLocaleString("en-GB")} rows`);
      }
    }
  });
  return {files, skipped};
}

export const withPoliceUkLimiter = (ctx: PullContext): PullContext => ({...ctx, http: {...ctx.http, limiter: ctx.http.limiter ?? policeUkLimiter()}});

/**
 * Opens the monthly archives that hold `months` (newest first: each archive holds the ~36 months up to its own, so
 * older months need an older one) and calls `visit` with each archive and the wanted months it covers. A downloaded
 * archive stays in the run's work directory, so a second source of the same run (police-uk-national) reuses it.
 */
export async function walkArchives(ctx: PullContext, months: string[], visit: (zip: ZipArchive, covered: string[], label: string, liveUrl: string) => Promise<void>): Promise<void> {
  let remaining = months;
  let archiveMonth = months.at(-1)!;
  while (remaining.length) {
    const held = await openArchive(ctx, archiveMonth, remaining, visit);
    remaining = remaining.filter((m) => !held.has(m));
    if (!remaining.length) break;
    const next = remaining.at(-1)!;
    if (next >= archiveMonth) throw new Error(`data.police.uk archive ${archiveMonth}.zip does not hold ${next}`);
    archiveMonth = next;
  }
}

/** Visits the wanted months one archive covers; returns the months it covered. */
async function openArchive(ctx: PullContext, archiveMonth: string, wanted: string[], visit: Parameters<typeof walkArchives>[2]): Promise<Set<string>> {
  const liveUrl = archiveUrl(archiveMonth);
  const url = rebase(liveUrl, ctx.baseUrl);
  const label = `${archiveMonth}.zip`;
  const path = join(ctx.workDir, `police-uk-${archiveMonth}.zip`);
  try {
    if (!existsSync(path)) {
      ctx.log(`police-uk: downloading ${url}`);
      try {
        await downloadToFile(url, path, "zip", ctx.http);
      } catch (error) {
        rmSync(path, {force: true});
        throw error;
      }
    }
    const zip = await openZip(path, label);
    try {
      const monthsInArchive = new Set(zip.names().map((n) => /^(\d{4}-\d{2})\//.exec(n)?.[1]).filter((m): m is string => !!m));
      const sorted = [...monthsInArchive].sort();
      // A wanted month inside the archive's span must be there; months before it come from an older archive.
      const covered = wanted.filter((m) => sorted.length && m >= sorted[0] && m <= sorted.at(-1)!);
      const missing = wanted.filter((m) => !covered.includes(m) && (!sorted.length || m > sorted.at(-1)!));
      if (missing.length) throw new DataError(label, null, null, `members for ${missing.join(", ")} (the archive's own month and those before it)`, sorted.length ? `months ${sorted[0]}…${sorted.at(-1)} only` : "no monthly members");
      await visit(zip, covered, label, liveUrl);
      return new Set(covered);
    } finally {
      zip.close();
    }
  } catch (error) {
    if (error instanceof DataError || error instanceof FetchError) throw error;
    throw new Error(`${url}: ${(error as Error).message}`);
  }
}

async function countRows(kind: PoliceUkKind, content: Buffer, label: string): Promise<number> {
  const input = Readable.from([content]);
  const rows = kind === "street" ? readStreetCrime(input, label) : kind === "outcomes" ? readOutcomes(input, label) : readStopSearch(input, label);
  let n = 0;
  for await (const _ of rows) ++n;
  return n;
}
