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

export interface RawForceRates {
  /** the forces a comparison may rank: 12 months read, an area of districts, not the City of London (rate per resident misleads) */
  compared: string[];
  crime: Map<string, number>;
  population: Map<string, number>;
  /** crime per 1,000 residents, anti-social behaviour left out */
  rate: Map<string, number>;
  /** crime type → force → rate per 1,000 */
  typeRate: Map<string, Map<string, number>>;
}

/** Every compared force's 2025 crime and rates, overall and by type, from the raw national tables. */
export function rawForceRates(): RawForceRates {
  const {owner, population, months, lad} = rawNational();
  const pop = new Map<string, number>();
  for (const [code, force] of owner) pop.set(force, (pop.get(force) ?? 0) + population.get(code)!);
  const compared = [...pop.keys()].filter((f) => months.get(f) === 12 && f !== "city-of-london").sort();
  const crime = new Map<string, number>(), byType = new Map<string, Map<string, number>>();
  for (const d of lad) {
    if (d.crime_type === "Anti-social behaviour" || !compared.includes(d.force)) continue;
    crime.set(d.force, (crime.get(d.force) ?? 0) + Number(d.count));
    const t = byType.get(d.crime_type) ?? new Map<string, number>();
    t.set(d.force, (t.get(d.force) ?? 0) + Number(d.count));
    byType.set(d.crime_type, t);
  }
  const per1000 = (n: number, f: string) => (n / pop.get(f)!) * 1000;
  return {
    compared, crime, population: pop,
    rate: new Map(compared.map((f) => [f, per1000(crime.get(f)!, f)])),
    typeRate: new Map([...byType].map(([t, m]) => [t, new Map(compared.map((f) => [f, per1000(m.get(f) ?? 0, f)]))]))
  };
}

/** Rank of `value` among `values`, 1 = highest, ties sharing the better place. */
export const rankAmong = (values: Iterable<number>, value: number): number => [...values].filter((v) => v > value).length + 1;
