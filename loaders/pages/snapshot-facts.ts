// What the snapshot holds, in words, from data/snapshot/manifest.json (for the About and Data pages).
import {readManifest, type ManifestEntry} from "../lib/manifest.ts";
import {formatMonthRange} from "../../src/components/format.ts";
import {monthRuns} from "../../src/components/months.ts";

export interface SourceSummary {
  source: string;
  kind: string;
  files: number;
  rows: number;
  periods: string;
  retrieved: string;
  licence: string;
  urls: string[];
}

const KIND_NAMES: Record<string, string> = {
  "street": "police.uk street-level crime and anti-social behaviour",
  "outcomes": "police.uk outcomes",
  "stop-and-search": "police.uk stop and search",
  "collision": "DfT STATS19 road collisions",
  "casualty": "DfT STATS19 casualties",
  "vehicle": "DfT STATS19 vehicles",
  "lsoa-lookup": "ONS LSOA to local authority lookup",
  "lsoa11-boundaries": "ONS LSOA 2011 boundaries (generalised)",
  "lsoa21-boundaries": "ONS LSOA 2021 boundaries (generalised)",
  "lad-boundaries": "ONS local authority boundaries 2021",
  "population": "ONS Census 2021 population by local authority",
  "population-ew": "ONS Census 2021 population of every local authority in England and Wales",
  "census-place": "ONS Census 2021 area summaries",
  "wards2013-boundaries": "ONS ward boundaries 2013 (generalised)",
  "imd-lsoa": "MHCLG English Indices of Deprivation 2019 by LSOA (2011)",
  "force-lad-month-type": "police.uk street-level crime of every force, counted by force, month, district and type",
  "force-month-type-outcome": "police.uk street-level crime of every force, counted by force, month, type and last outcome",
  "inputs": "police.uk street files of every force: which were counted and which were absent"
};

/** Consecutive months as ranges: ["2024-01","2024-02","2025-01"] → "January to February 2024; January 2025". */
export function monthRanges(months: string[]): string {
  return monthRuns(months).map((run) => formatMonthRange(run[0], run.at(-1)!)).join("; ");
}

export function snapshotSummary(): SourceSummary[] {
  const groups = new Map<string, ManifestEntry[]>();
  for (const f of readManifest().files) {
    const key = `${f.source}|${f.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((files) => {
    const periods = files.map((f) => f.period).filter((p): p is string => !!p);
    const monthly = periods.every((p) => /^\d{4}-\d{2}$/.test(p));
    return {
      source: files[0].source,
      kind: KIND_NAMES[files[0].kind] ?? files[0].kind,
      files: files.length,
      rows: files.reduce((s, f) => s + (f.rows ?? 0), 0),
      periods: monthly ? monthRanges(periods) : [...new Set(periods)].sort().join(", "),
      retrieved: files.map((f) => f.retrieved).sort().at(-1)!,
      licence: files[0].licence,
      urls: [...new Set(files.map((f) => f.url.replace(/\d{4}-\d{2}\.zip$/, "YYYY-MM.zip")))]
    };
  });
}
