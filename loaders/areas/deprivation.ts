// How an area's recorded crime is spread across its LSOAs by national deprivation (IMD 2019): the share of the
// area's crime (latest 12 months, anti-social behaviour left out) recorded in LSOAs among England's most deprived
// 10% and 20%, beside those LSOAs' share of all the area's LSOAs. LSOAs are police.uk's 2021 LSOAs; a 2021 LSOA
// split from a 2011 one takes its parent's decile (see loaders/geo/lsoa-parents.ts).
import {crimePeriods} from "../extracts/periods.ts";
import {sqlList, type Db} from "../lib/duckdb.ts";
import {areas, force} from "../lib/force.ts";

export const ASB = "Anti-social behaviour";

export const DEPRIVATION_CAVEATS = [
  "IMD 2019 describes conditions in 2015–2017; it ranks areas against each other, it is not a rate.",
  "LSOAs are of similar, not equal, population (about 1,000–3,000 residents), so a share of LSOAs is roughly, not exactly, a share of residents.",
  "police.uk places each record at an anonymised point near where it happened, in the LSOA of that point."
];

export interface DeprivationShare {
  /** LSOAs of the area in England's most deprived `decile`×10% (national IMD 2019 decile ≤ decile) */
  lsoas: number;
  /** crime recorded in those LSOAs */
  crime: number;
  lsoaShare: number;
  crimeShare: number;
}

export interface AreaDeprivation {
  code: string;
  name: string;
  months: string[];
  /** the area's LSOAs (2021 set) and its crime with an LSOA there */
  lsoas: number;
  crime: number;
  mostDeprived10: DeprivationShare;
  mostDeprived20: DeprivationShare;
  /** crime and LSOAs by national decile, 1–10 */
  byDecile: {decile: number; lsoas: number; crime: number}[];
  /** LSOAs with no decile (a split LSOA whose parent could not be told), and their crime; counted, never dropped */
  noDecile: {lsoas: number; crime: number};
}

function share(rows: {decile: number | null; lsoas: number; crime: number}[], upTo: number, lsoas: number, crime: number): DeprivationShare {
  const inside = rows.filter((r) => r.decile !== null && r.decile <= upTo);
  const l = inside.reduce((s, r) => s + r.lsoas, 0), c = inside.reduce((s, r) => s + r.crime, 0);
  return {lsoas: l, crime: c, lsoaShare: lsoas ? l / lsoas : 0, crimeShare: crime ? c / crime : 0};
}

/** Deprivation facts for each area and for the force (all nine together), over the latest 12 months. */
export async function deprivationFacts(db: Db): Promise<{months: string[]; force: AreaDeprivation; areas: AreaDeprivation[]}> {
  const {last12} = await crimePeriods(db);
  // The 2021 set: LSOAs police.uk uses now ('both' and '2021'); each with its crime in the months (0 when none).
  const rows = await db.all<{area_code: string; decile: number | null; lsoas: number; crime: number}>(`
    WITH crime AS (SELECT lsoa_code, sum(count)::INTEGER AS n FROM street_crime_monthly
      WHERE month IN ${sqlList(last12)} AND crime_type <> '${ASB}' AND lsoa_code IS NOT NULL GROUP BY ALL)
    SELECT d.area_code, d.imd_decile AS decile, count(*)::INTEGER AS lsoas, coalesce(sum(c.n), 0)::INTEGER AS crime
    FROM lsoa_deprivation d LEFT JOIN crime c ON c.lsoa_code = d.lsoa_code
    WHERE d.lsoa_set IN ('both', '2021') GROUP BY ALL ORDER BY ALL`);
  const build = (code: string, name: string, list: typeof rows): AreaDeprivation => {
    const lsoas = list.reduce((s, r) => s + r.lsoas, 0), crime = list.reduce((s, r) => s + r.crime, 0);
    const none = list.filter((r) => r.decile === null);
    return {
      code, name, months: last12, lsoas, crime,
      mostDeprived10: share(list, 1, lsoas, crime), mostDeprived20: share(list, 2, lsoas, crime),
      byDecile: Array.from({length: 10}, (_, i) => {
        const d = list.filter((r) => r.decile === i + 1);
        return {decile: i + 1, lsoas: d.reduce((s, r) => s + r.lsoas, 0), crime: d.reduce((s, r) => s + r.crime, 0)};
      }),
      noDecile: {lsoas: none.reduce((s, r) => s + r.lsoas, 0), crime: none.reduce((s, r) => s + r.crime, 0)}
    };
  };
  return {
    months: last12,
    force: build(force.id, force.place, rows),
    areas: areas.map((a) => build(a.code, a.name, rows.filter((r) => r.area_code === a.code)))
  };
}
