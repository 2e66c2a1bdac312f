// Each area's own slice of the street-crime-monthly extract, at a stable address:
// /downloads/areas/<slug>-street-crime-monthly.csv (same columns as the whole extract). Written before the build
// with the other site files (loaders/pages/site-files.ts) and published by src/downloads/areas.tar.ts.
import {join} from "node:path";
import {withExtracts} from "../extracts/query.ts";
import {lit} from "../lib/duckdb.ts";
import {areas} from "../lib/force.ts";

const fileName = (slug: string) => `${slug}-street-crime-monthly.csv`;
export const areaDownloadPath = (slug: string) => `/downloads/areas/${fileName(slug)}`;

/** Writes every area's CSV into `dir`; returns the file names. */
export async function writeAreaDownloads(dir: string): Promise<string[]> {
  return withExtracts(async (db) => {
    for (const area of areas) {
      await db.run(`COPY (SELECT * FROM street_crime_monthly WHERE area_code = ${lit(area.code)} ORDER BY month, lsoa_code, crime_type)
        TO ${lit(join(dir, fileName(area.slug)))} (FORMAT csv, HEADER true)`);
    }
    return areas.map((a) => fileName(a.slug));
  });
}
