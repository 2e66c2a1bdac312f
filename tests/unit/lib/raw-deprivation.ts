// Deprivation shares computed straight from the raw files: the IMD 2019 dBase table, the LSOA lookup and the
// police.uk street files (no extract): the independent side of the deprivation tests.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {lsoaParents} from "../../../loaders/geo/lsoa-parents.ts";
import {readDbf} from "../../../loaders/lib/dbf.ts";
import {areas} from "../../../loaders/lib/force.ts";
import {SNAPSHOT_DIR} from "../../../loaders/lib/paths.ts";
import {areaOf, lsoaToArea, rawStreetRows} from "../raw-counts.ts";
import {rawCsv} from "./raw-national.ts";

export interface RawShare {
  lsoas: number;
  crime: number;
  lsoaShare: number;
  crimeShare: number;
}

export interface RawDeprivation {
  lsoas: number;
  crime: number;
  /** decile 1 (most deprived 10%) and deciles 1–2 (20%) */
  mostDeprived10: RawShare;
  mostDeprived20: RawShare;
}

let deciles: Map<string, number> | undefined;
/** IMD 2019 national decile by 2011 LSOA code, read once. */
function imdDeciles(): Map<string, number> {
  if (deciles) return deciles;
  const table = readDbf(gunzipSync(readFileSync(join(SNAPSHOT_DIR, "mhclg/imd2019-lsoa11.dbf.gz"))), "imd");
  return (deciles = new Map([...table.records()].map((r) => [String(r.values.lsoa11cd), Number(r.values.IMDDecil)])));
}

/** Shares of crime (anti-social behaviour left out) in `months` and of LSOAs in England's most deprived 10% and 20%, for a set of districts. */
export async function rawDeprivation(codes: Set<string>, months: string[]): Promise<RawDeprivation> {
  const decile11 = imdDeciles();
  const parents = lsoaParents();
  const decile = (code: string) => decile11.get(parents.get(code)?.parent ?? code);
  // The area's LSOAs: the lookup's codes police.uk used in 2024–25 (2021 LSOAs).
  const lsoas = rawCsv("ons/lsoa_to_lad_staffordshire_derived.csv.gz").filter((d) => d.seen_in_policeuk_2024_2025 === "1" && codes.has(d.lad_code!));
  const toArea = lsoaToArea();
  const crime = (await rawStreetRows()).filter((r) => months.includes(r.month) && r.crimeType !== "Anti-social behaviour" && codes.has(areaOf(r, toArea)));
  const share = (upTo: number): RawShare => {
    const inside = new Set(lsoas.filter((d) => decile(d.lsoa_code!)! <= upTo).map((d) => d.lsoa_code!));
    const n = crime.filter((r) => inside.has(r.lsoaCode)).length;
    return {lsoas: inside.size, crime: n, lsoaShare: inside.size / lsoas.length, crimeShare: crime.length ? n / crime.length : 0};
  };
  return {lsoas: lsoas.length, crime: crime.length, mostDeprived10: share(1), mostDeprived20: share(2)};
}

export const allAreaCodes = (): Set<string> => new Set(areas.map((a) => a.code));
