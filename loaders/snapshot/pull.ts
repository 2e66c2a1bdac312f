// `npm run pull`: fetch each source, validate every new file, check its row count against the file it replaces,
// then replace the snapshot all-or-nothing. Interrupted (Ctrl-C, SIGTERM), it removes its downloads and draft first.
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {CheckResult} from "./check.ts";
import {areas, force} from "../lib/force.ts";
import {DataError} from "../lib/errors.ts";
import {DEFAULT_HTTP, type HttpOptions} from "../lib/http.ts";
import {SNAPSHOT_DIR} from "../lib/paths.ts";
import type {PullContext, SourceResult} from "../lib/pull-context.ts";
import {PLAUSIBLE_RATIO} from "./row-counts.ts";
import {SnapshotDraft, type Change, type NewFile} from "./write.ts";
import {pullOns, type OnsOptions} from "../sources/ons-pull.ts";
import {pullPoliceUk} from "../sources/police-uk-pull.ts";
import {pullPoliceUkNational} from "../sources/police-uk-national-pull.ts";
import {pullStats19, type Stats19Table} from "../sources/stats19-pull.ts";

export type PullSource = "police-uk" | "police-uk-national" | "stats19" | "ons";
export const PULL_SOURCES: PullSource[] = ["police-uk", "police-uk-national", "stats19", "ons"];

export interface PullOptions {
  sources: PullSource[];
  /** YYYY-MM (police.uk months); its year starts the STATS19 years */
  from?: string;
  to?: string;
  baseUrl?: string;
  snapshotDir?: string;
  http?: Partial<HttpOptions>;
  stats19Tables?: Stats19Table[];
  ons?: OnsOptions;
  /**
   * Files whose row counts are accepted as they are although implausible (by snapshot path, or a period such as
   * 2025-06 for every file of that month); recorded as acceptedRows in the manifest.
   */
  acceptRows?: string[];
  /** defaults to the current time; fixes "today" (the retrieval date) and the latest STATS19 year */
  now?: Date;
  log?: (line: string) => void;
}

export interface PullSummary {
  changes: {path: string; change: Change; rows: number | null; period: string | null}[];
  skipped: string[];
  /** false when every pulled file was identical to the snapshot's (nothing replaced) */
  committed: boolean;
  /** check-data's result for the new snapshot, when one was committed */
  check: CheckResult | null;
}

export async function runPull(options: PullOptions): Promise<PullSummary> {
  const now = options.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const workDir = mkdtempSync(join(tmpdir(), "pull-"));
  let draft: SnapshotDraft | null = null;
  const log = options.log ?? ((line) => process.stderr.write(line + "\n"));
  // On Ctrl-C or SIGTERM: remove the partial downloads and the draft (the snapshot is only ever replaced by one
  // synchronous rename, which a signal cannot interrupt), then end as the signal would have.
  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(workDir, {recursive: true, force: true});
    draft?.discard();
    process.stderr.write(`pull interrupted (${signal}): nothing was replaced; temporary files removed\n`);
    process.exit(128 + (signal === "SIGINT" ? 2 : 15));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const ctx: PullContext = {
    forceId: force.id, stats19PoliceForce: force.stats19PoliceForce, ladCodes: areas.map((a) => a.code),
    baseUrl: options.baseUrl, http: {...DEFAULT_HTTP, ...options.http}, workDir, log, now
  };
  try {
    const results: SourceResult[] = [];
    for (const source of options.sources) {
      if (source === "police-uk") results.push(await pullPoliceUk(ctx, {from: options.from, to: options.to}));
      else if (source === "police-uk-national") results.push(await pullPoliceUkNational(ctx, {from: options.from, to: options.to}));
      else if (source === "stats19") results.push(await pullStats19(ctx, {years: yearsOf(options.from, options.to), onlyPublished: [options.from, options.to].some((s) => s && /^\d{4}-\d{2}$/.test(s)), tables: options.stats19Tables}));
      else results.push(await pullOns(ctx, options.ons));
    }
    // Everything fetched and validated: only now is the snapshot copied, changed and swapped.
    draft = SnapshotDraft.open(options.snapshotDir ?? SNAPSHOT_DIR);
    const changes: PullSummary["changes"] = [];
    const accepted = (file: NewFile) => (options.acceptRows ?? []).some((a) => a === file.path || a === file.period);
    try {
      const files = results.flatMap((r) => r.files);
      const implausible = files.map((file) => implausibleReplacement(file, draft!.entry(file.path)?.rows ?? null, accepted(file))).filter((e): e is DataError => e !== null);
      if (implausible.length) throw new Error(`row counts that do not look like the files they would replace, nothing was replaced:\n  ${implausible.map((e) => e.message).join("\n  ")}`);
      for (const file of files) changes.push({path: file.path, change: draft.put(file, today, {acceptRows: accepted(file)}), rows: file.rows, period: file.period});
    } catch (error) {
      draft.discard();
      throw error;
    }
    const check = await draft.commit(today);
    return {changes, skipped: results.flatMap((r) => r.skipped), committed: check !== null, check};
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    rmSync(workDir, {recursive: true, force: true});
  }
}

/**
 * A new file whose rows are far from those of the file it replaces (less than half, more than twice, or none):
 * an archive cut short, a publisher's mistake. Refused unless accepted; neighbouring periods are then checked
 * too, by check-data on the whole draft (loaders/snapshot/row-counts.ts).
 */
export function implausibleReplacement(file: NewFile, oldRows: number | null, accepted: boolean): DataError | null {
  if (accepted || file.rows === null) return null;
  const hint = `, or accept it with --accept-rows ${file.period ?? file.path}`;
  if (file.rows === 0) return new DataError(file.path, null, "rows", `at least one row${hint}`, "0 rows");
  if (oldRows === null || oldRows === 0) return null;
  if (file.rows * PLAUSIBLE_RATIO >= oldRows && file.rows <= oldRows * PLAUSIBLE_RATIO) return null;
  return new DataError(file.path, null, "rows", `about as many rows as the ${oldRows.toLocaleString("en-GB")} of the file it would replace (half to twice)${hint}`, `${file.rows.toLocaleString("en-GB")} rows`);
}

/**
 * STATS19 years from --from/--to (YYYY or YYYY-MM); undefined means "the latest published". Given as years,
 * every year must exist; given as months, unpublished years are skipped (see Stats19Options.onlyPublished).
 */
export function yearsOf(from?: string, to?: string): number[] | undefined {
  if (!from && !to) return undefined;
  const year = (s: string) => {
    if (!/^\d{4}(-\d{2})?$/.test(s)) throw new Error(`--from/--to: expected YYYY-MM or YYYY, found ${JSON.stringify(s)}`);
    return Number(s.slice(0, 4));
  };
  const a = year(from ?? to!), b = year(to ?? from!);
  if (a > b) throw new Error(`--from ${from} is after --to ${to}`);
  return Array.from({length: b - a + 1}, (_, i) => a + i);
}

export function formatSummary(summary: PullSummary): string {
  const lines: string[] = [];
  const count = (c: Change) => summary.changes.filter((x) => x.change === c).length;
  lines.push(summary.committed ? `Snapshot updated: ${count("added")} added, ${count("replaced")} replaced, ${count("unchanged")} unchanged.` : `Snapshot unchanged: all ${summary.changes.length} pulled files are identical to the snapshot's.`);
  for (const c of summary.changes) lines.push(`  ${c.change.padEnd(9)} ${c.path} (${c.rows === null ? "—" : c.rows.toLocaleString("en-GB")} rows, ${c.period ?? "no period"})`);
  const periods = [...new Set(summary.changes.map((c) => c.period).filter(Boolean))].sort();
  if (periods.length) lines.push(`Periods: ${periods.join(", ")}`);
  const rows = summary.changes.reduce((s, c) => s + (c.rows ?? 0), 0);
  lines.push(`Rows pulled: ${rows.toLocaleString("en-GB")}`);
  if (summary.skipped.length) {
    lines.push(`Skipped (${summary.skipped.length}):`);
    for (const s of summary.skipped) lines.push(`  ${s}`);
  }
  return lines.join("\n");
}
