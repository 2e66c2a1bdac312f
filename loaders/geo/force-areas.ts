// Police force areas as sets of districts, from where each force's street rows fall (the rule of the national
// PROVENANCE): a district belongs to the force with most rows in it, if those rows come to at least 10 per 1,000
// residents a year. Home forces record 50–130 a year per 1,000 in their own districts; rows a force snaps across its
// boundary stay under 4, so a district whose own force's files are absent (West Midlands…) belongs to no force
// rather than to a neighbour. The floor is on the yearly rate (rows × 12 / months read), so a force with six months
// read is held to the same floor. British Transport Police polices the railways, not an area, so it is left out.
import {join} from "node:path";
import {readManifest} from "../lib/manifest.ts";
import {SNAPSHOT_DIR} from "../lib/paths.ts";
import {plainDistrictName, readDistricts, type District} from "../sources/ons-districts-read.ts";
import {forceNames, readNationalCounts, readNationalInputs, type InputFile} from "../sources/police-uk-national-read.ts";

/** Rows per 1,000 residents a year at which a force's rows make a district its own. */
export const HOME_FLOOR = 10;

/** Forces that police no area of districts (British Transport Police: the railways of Great Britain). */
export const NOT_TERRITORIAL = new Set(["btp"]);

export interface DistrictShare {
  code: string;
  name: string;
  population: number;
  /** the force's rows in the district over the months read, and as a yearly rate per 1,000 residents */
  rows: number;
  perThousandYear: number;
}

export interface ForceArea {
  force: string;
  name: string;
  /** months whose file was read; a full year has 12 */
  months: string[];
  districts: DistrictShare[];
  population: number;
}

export interface ForceAreas {
  year: string;
  forces: ForceArea[];
  /** districts no force reaches the floor in, with the force of most rows there (if any) */
  unassigned: (DistrictShare & {topForce: string | null})[];
  /** district names in the counts that name no district of the population table (should be none) */
  unmatchedNames: string[];
  /** rows with no LSOA (so no district), by force (territorial forces only) */
  noDistrict: Map<string, number>;
}

export interface CountRow {
  force: string;
  month: string;
  ladName: string;
  count: number;
}

export function assignForceAreas(counts: Iterable<CountRow>, districts: District[], inputs: InputFile[], year: string, floor = HOME_FLOOR): ForceAreas {
  const byName = new Map(districts.map((d) => [plainDistrictName(d.name), d]));
  const months = new Map<string, string[]>();
  for (const i of inputs) if (i.read) months.set(i.force, [...(months.get(i.force) ?? []), i.month].sort());
  const rows = new Map<string, Map<string, number>>(); // district code → force → rows
  const unmatched = new Set<string>();
  const noDistrict = new Map<string, number>();
  for (const c of counts) {
    if (NOT_TERRITORIAL.has(c.force)) continue;
    if (c.ladName === "") {
      noDistrict.set(c.force, (noDistrict.get(c.force) ?? 0) + c.count);
      continue;
    }
    const d = byName.get(plainDistrictName(c.ladName));
    if (!d) {
      unmatched.add(c.ladName);
      continue;
    }
    const m = rows.get(d.code) ?? new Map<string, number>();
    m.set(c.force, (m.get(c.force) ?? 0) + c.count);
    rows.set(d.code, m);
  }
  const names = forceNames(inputs);
  const forces = new Map<string, ForceArea>();
  const unassigned: ForceAreas["unassigned"] = [];
  for (const d of [...districts].sort((a, b) => a.code.localeCompare(b.code))) {
    const share = (force: string, n: number): DistrictShare => ({code: d.code, name: plainDistrictName(d.name), population: d.population, rows: n,
      perThousandYear: ((n * 12) / (months.get(force)?.length ?? 12) / d.population) * 1000});
    const ranked = [...(rows.get(d.code) ?? new Map<string, number>())].map(([force, n]) => ({force, s: share(force, n)}))
      .sort((a, b) => b.s.rows - a.s.rows || a.force.localeCompare(b.force));
    const top = ranked[0];
    if (!top || top.s.perThousandYear < floor) {
      unassigned.push({...(top?.s ?? share("", 0)), topForce: top?.force ?? null});
      continue;
    }
    const area = forces.get(top.force) ?? {force: top.force, name: names.get(top.force) ?? top.force, months: months.get(top.force) ?? [], districts: [], population: 0};
    area.districts.push(top.s);
    area.population += d.population;
    forces.set(top.force, area);
  }
  return {year, forces: [...forces.values()].sort((a, b) => a.force.localeCompare(b.force)), unassigned, unmatchedNames: [...unmatched].sort(), noDistrict};
}

/** The force areas of the snapshot's national counts (the latest year held). */
export async function readForceAreas(dir = SNAPSHOT_DIR): Promise<ForceAreas> {
  const files = readManifest(dir).files;
  const one = (source: string, kind: string, period?: string | null) => {
    const list = files.filter((f) => f.source === source && f.kind === kind && (period === undefined || f.period === period)).sort((a, b) => String(a.period).localeCompare(String(b.period)));
    if (!list.length) throw new Error(`${dir}: no ${source}/${kind} file${period ? ` for ${period}` : ""} in the manifest`);
    return list.at(-1)!;
  };
  const table = one("police-uk-national", "force-lad-month-type");
  const inputs = one("police-uk-national", "inputs", table.period);
  const counts: CountRow[] = [];
  for await (const r of readNationalCounts(join(dir, table.path), "force-lad-month-type", {label: table.path, year: table.period})) counts.push(r);
  return assignForceAreas(counts, await readDistricts(join(dir, one("ons", "population-ew").path)), await readNationalInputs(join(dir, inputs.path), {year: inputs.period}), table.period!);
}
