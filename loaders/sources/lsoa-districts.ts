// Which district each police.uk row's LSOA falls in, for files of both LSOA vintages: police.uk gave 2011 LSOA codes
// until May 2023 and 2021 codes since June 2023. Codes in the ONS lookup map to the force's districts; any other
// code is named by the district in its LSOA name ("Walsall 012A" → Walsall); a code that maps nowhere is counted
// and listed, never dropped.

import {formatCount, pluralise} from "../../src/components/format.ts";

/** police.uk's first month with 2021 LSOA codes. */
export const LSOA21_FROM = "2023-06";
export const lsoaVintage = (month: string): "2011" | "2021" => (month < LSOA21_FROM ? "2011" : "2021");

/**
 * "Walsall 012A" → "Walsall" (LSOA names are the district's name and a 3-digit, 1-letter suffix); a leading "The "
 * goes, as in plainDistrictName. 2011 names carry the district of 2011 (e.g. Northampton, merged in 2021).
 */
export const districtOfLsoaName = (name: string): string => name.replace(/ \d{3}[A-Z]$/, "").replace(/^the /i, "");

export interface VintageSummary {
  vintage: "2011" | "2021";
  /** rows with an LSOA code, and the distinct codes */
  rows: number;
  codes: number;
  /** rows (codes) whose code is in the lookup, so in one of the force's districts */
  inLookup: number;
  inLookupCodes: number;
  /** rows outside the lookup, by the district their LSOA name gives, most first */
  outside: {district: string; rows: number}[];
  /** codes that map nowhere: not in the lookup, name not a district, or (2011 vintage) not a 2011 LSOA code */
  nowhere: {code: string; name: string; rows: number; reason: string}[];
}

export interface LsoaRow {
  month: string;
  lsoaCode: string;
  lsoaName: string;
  /** how many records this row stands for (default 1): rows may come already counted */
  records?: number;
}

/**
 * Maps every row with an LSOA code to a district. `lookup`: LSOA code → district code (the ONS lookup);
 * `districts`: district names (as in LSOA names) → code, when known, to check names; `codes2011`: every 2011 LSOA code of England and Wales,
 * when known, to check that files of the 2011 vintage use 2011 codes.
 */
export function mapLsoaRows(rows: Iterable<LsoaRow>, lookup: Map<string, string>, districts: Map<string, string> | null, codes2011: Set<string> | null): VintageSummary[] {
  const acc = new Map<string, {rows: number; codes: Set<string>; inLookup: number; inLookupCodes: Set<string>; outside: Map<string, number>; nowhere: Map<string, {code: string; name: string; rows: number; reason: string}>}>();
  for (const r of rows) {
    if (r.lsoaCode === "") continue;
    const n = r.records ?? 1;
    const vintage = lsoaVintage(r.month);
    let a = acc.get(vintage);
    if (!a) acc.set(vintage, (a = {rows: 0, codes: new Set(), inLookup: 0, inLookupCodes: new Set(), outside: new Map(), nowhere: new Map()}));
    a.rows += n;
    a.codes.add(r.lsoaCode);
    let reason: string | null = null;
    if (vintage === "2011" && codes2011 && !codes2011.has(r.lsoaCode)) reason = "not a 2011 LSOA code, in a file of 2011 codes";
    else if (lookup.has(r.lsoaCode)) {
      a.inLookup += n;
      a.inLookupCodes.add(r.lsoaCode);
      continue;
    } else if (districts && !districts.has(districtOfLsoaName(r.lsoaName))) reason = `not in the lookup, and its name's district (${districtOfLsoaName(r.lsoaName) || "none"}) is not a district of 2021`;
    if (reason) {
      const lost = a.nowhere.get(r.lsoaCode) ?? {code: r.lsoaCode, name: r.lsoaName, rows: 0, reason};
      lost.rows += n;
      a.nowhere.set(r.lsoaCode, lost);
    } else {
      const d = districtOfLsoaName(r.lsoaName);
      a.outside.set(d, (a.outside.get(d) ?? 0) + n);
    }
  }
  return [...acc].sort(([a], [b]) => a.localeCompare(b)).map(([vintage, a]) => ({
    vintage: vintage as "2011" | "2021", rows: a.rows, codes: a.codes.size, inLookup: a.inLookup, inLookupCodes: a.inLookupCodes.size,
    outside: [...a.outside].map(([district, rows]) => ({district, rows})).sort((x, y) => y.rows - x.rows || x.district.localeCompare(y.district)),
    nowhere: [...a.nowhere.values()].sort((x, y) => x.code.localeCompare(y.code))
  }));
}

export function formatLsoaMapping(summaries: VintageSummary[]): string[] {
  const n = formatCount;
  return summaries.map((s) => {
    const outside = s.rows - s.inLookup - s.nowhere.reduce((t, c) => t + c.rows, 0);
    const top = s.outside.slice(0, 5).map((o) => `${o.district} ${n(o.rows)}`).join(", ");
    const lost = s.nowhere.reduce((t, c) => t + c.rows, 0);
    const nowhere = s.nowhere.length ? `${pluralise(lost, "row")} in ${pluralise(s.nowhere.length, "code")} ${lost === 1 ? "maps" : "map"} nowhere (${s.nowhere.slice(0, 5).map((c) => `${c.code} ${c.name || "(no name)"}: ${c.reason}`).join("; ")}${s.nowhere.length > 5 ? "; …" : ""})` : "no code maps nowhere";
    return `street LSOA codes, ${s.vintage} vintage (${s.vintage === "2011" ? `months before ${LSOA21_FROM}` : `months from ${LSOA21_FROM}`}): ${n(s.rows)} rows in ${n(s.codes)} codes; ` +
      `${n(s.inLookup)} rows (${n(s.inLookupCodes)} codes) in the force's districts through the lookup; ${n(outside)} rows in other districts${top ? ` (${top}${s.outside.length > 5 ? ", …" : ""})` : ""}; ${nowhere}`;
  });
}
