// `npm run pull`: fetch each source, validate every new file, then replace the snapshot all-or-nothing.
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {CheckResult} from "./check.ts";
import {areas, force} from "../lib/force.ts";
import {DEFAULT_HTTP, type HttpOptions} from "../lib/http.ts";
import {SNAPSHOT_DIR} from "../lib/paths.ts";
import type {PullContext, SourceResult} from "../lib/pull-context.ts";
import {SnapshotDraft, type Change} from "./write.ts";
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
  const ctx: PullContext = {
    forceId: force.id, stats19PoliceForce: force.stats19PoliceForce, ladCodes: areas.map((a) => a.code),
    baseUrl: options.baseUrl, http: {...DEFAULT_HTTP, ...options.http}, workDir, log: options.log ?? ((line) => process.stderr.write(line + "\n")), now
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
    const draft = SnapshotDraft.open(options.snapshotDir ?? SNAPSHOT_DIR);
    const changes: PullSummary["changes"] = [];
    try {
      for (const file of results.flatMap((r) => r.files)) changes.push({path: file.path, change: draft.put(file, today), rows: file.rows, period: file.period});
    } catch (error) {
      draft.discard();
      throw error;
    }
    const check = await draft.commit(today);
    return {changes, skipped: results.flatMap((r) => r.skipped), committed: check !== null, check};
  } finally {
    rmSync(workDir, {recursive: true, force: true});
  }
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
