// Each area's own slice of the street-crime-monthly extract, at a stable address:
// /downloads/areas/<slug>-street-crime-monthly.csv (same columns as the whole extract). Written after the build
// by scripts/postbuild.ts.
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import {lit} from "../lib/duckdb.ts";
import {areas} from "../lib/force.ts";
import {withExtracts} from "../extracts/query.ts";

export const areaDownloadPath = (slug: string) => `/downloads/areas/${slug}-street-crime-monthly.csv`;

/** Writes every area's CSV under `dist`; returns how many files were written. */
export async function writeAreaDownloads(dist: string): Promise<number> {
  mkdirSync(join(dist, "downloads", "areas"), {recursive: true});
  return withExtracts(async (db) => {
    for (const area of areas) {
      const file = join(dist, areaDownloadPath(area.slug).slice(1));
      await db.run(`COPY (SELECT * FROM street_crime_monthly WHERE area_code = ${lit(area.code)} ORDER BY month, lsoa_code, crime_type)
        TO ${lit(file)} (FORMAT csv, HEADER true)`);
    }
    return areas.length;
  });
}
