// The national counts and force areas computed straight from the raw snapshot files with d3-dsv (no project
// reader, no extract): the independent side of the force-area and forces-comparison tests.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {csvParse} from "d3-dsv";
import {SNAPSHOT_DIR} from "../../../loaders/lib/paths.ts";

export const rawCsv = (path: string) => csvParse(gunzipSync(readFileSync(join(SNAPSHOT_DIR, path))).toString("utf8"));

export interface RawNational {
  /** district code → force, by the PROVENANCE rule (BTP left out) */
  owner: Map<string, string>;
  population: Map<string, number>;
  /** months read per force */
  months: Map<string, number>;
  lad: Record<string, string>[];
}

export function rawNational(): RawNational {
  const districts = rawCsv("ons/lad_population_census2011_2021_ew.csv.gz");
  const byName = new Map(districts.map((d) => [d.lad_name!.replace(/^the /, ""), {code: d.lad_code!, pop: Number(d.population_2021)}]));
  const months = new Map<string, number>();
  for (const d of rawCsv("police-uk-national/inputs-2025.csv.gz")) if (d.status === "read") months.set(d.force!, (months.get(d.force!) ?? 0) + 1);
  const lad = rawCsv("police-uk-national/force-lad-month-type-2025.csv.gz") as unknown as Record<string, string>[];
  const rows = new Map<string, Map<string, number>>();
  for (const d of lad) {
    if (d.lad_name === "" || d.force === "btp") continue;
    const code = byName.get(d.lad_name)!.code;
    const m = rows.get(code) ?? new Map<string, number>();
    m.set(d.force, (m.get(d.force) ?? 0) + Number(d.count));
    rows.set(code, m);
  }
  const owner = new Map<string, string>();
  for (const {code, pop} of byName.values()) {
    const top = [...(rows.get(code) ?? [])].sort((a, b) => b[1] - a[1])[0];
    if (top && (top[1] * 12) / months.get(top[0])! / pop * 1000 >= 10) owner.set(code, top[0]);
  }
  return {owner, population: new Map([...byName.values()].map((d) => [d.code, d.pop])), months, lad};
}
