// Reading the Census 2021 (and 2011) population of every local authority district of England and Wales, with its
// region: the denominators for rates of any district or police force area (a force area is a set of districts).
import {basename} from "node:path";
import {readCsv} from "../lib/csv.ts";
import {DataError} from "../lib/errors.ts";
import {LAD_RE} from "./ons-read.ts";

export const DISTRICTS_HEADER = ["lad_code", "lad_name", "region_code", "region_name", "country", "population_2021", "population_2011"] as const;

export interface District {
  line: number;
  code: string;
  /** the name as ONS's census article gives it (five start with "the ": "the Isle of Wight") */
  name: string;
  regionCode: string;
  region: string;
  country: "England" | "Wales";
  /** Census 2021 usual residents, rounded to the nearest 100 */
  population: number;
  population2011: number;
}

/** The name police.uk's LSOA names use for a district: the census article's without a leading "the ". */
export const plainDistrictName = (name: string) => name.replace(/^the /i, "");

export async function readDistricts(file: string, label = basename(file)): Promise<District[]> {
  const out: District[] = [];
  const codes = new Set<string>(), names = new Set<string>();
  for await (const {line, values: v} of readCsv(file, {header: DISTRICTS_HEADER, label})) {
    if (!LAD_RE.test(v.lad_code)) throw new DataError(label, line, "lad_code", "an ONS local authority code like E07000197", v.lad_code);
    if (codes.has(v.lad_code)) throw new DataError(label, line, "lad_code", "each district once", v.lad_code);
    if (v.lad_name.trim() === "" || names.has(plainDistrictName(v.lad_name))) throw new DataError(label, line, "lad_name", "a district name, each once", v.lad_name);
    if (v.country !== "England" && v.country !== "Wales") throw new DataError(label, line, "country", "England or Wales", v.country);
    if (v.country[0] !== v.lad_code[0]) throw new DataError(label, line, "lad_code", `a code of ${v.country} (starting ${v.country[0]})`, v.lad_code);
    if (!/^(E12|W92)\d{6}$/.test(v.region_code)) throw new DataError(label, line, "region_code", "an ONS region code like E12000005 (W92000004 for Wales)", v.region_code);
    for (const field of ["population_2021", "population_2011"] as const) {
      if (!/^\d+$/.test(v[field]) || Number(v[field]) <= 0) throw new DataError(label, line, field, "a positive whole number of people", v[field]);
    }
    codes.add(v.lad_code);
    names.add(plainDistrictName(v.lad_name));
    out.push({line, code: v.lad_code, name: v.lad_name, regionCode: v.region_code, region: v.region_name, country: v.country, population: Number(v.population_2021), population2011: Number(v.population_2011)});
  }
  return out;
}
