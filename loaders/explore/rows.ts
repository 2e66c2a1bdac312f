// The explorer's build-time data: counts by month, area and crime type (the street-crime-monthly extract summed
// over LSOAs), as columns for the page and as the small Parquet file its filters load in the browser.
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {ExtractColumns} from "../../src/components/explore/model.ts";
import {lit} from "../lib/duckdb.ts";
import {withExtracts} from "../extracts/query.ts";

export const EXPLORE_ROWS_SQL = `SELECT month, area_code, crime_type, sum(count)::INTEGER AS count
  FROM street_crime_monthly GROUP BY ALL ORDER BY month, area_code, crime_type`;

export interface ExploreRows {
  columns: ExtractColumns & {month: string[]; area_code: string[]; crime_type: string[]; count: number[]};
  /** area_code → the extract's area_name */
  areaNames: Map<string, string>;
}

export async function exploreRows(extractsDir?: string): Promise<ExploreRows> {
  return withExtracts(async (db) => {
    const rows = await db.all<{month: string; area_code: string; crime_type: string; count: number}>(EXPLORE_ROWS_SQL);
    const names = await db.all<{area_code: string; area_name: string}>(`SELECT DISTINCT area_code, area_name FROM street_crime_monthly ORDER BY ALL`);
    return {
      columns: {month: rows.map((r) => r.month), area_code: rows.map((r) => r.area_code), crime_type: rows.map((r) => r.crime_type), count: rows.map((r) => r.count)},
      areaNames: new Map(names.map((n) => [n.area_code, n.area_name]))
    };
  }, extractsDir);
}

/** The same rows as Parquet (snappy, which hyparquet decodes without extra code). */
export async function exploreParquet(extractsDir?: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), "explore-"));
  const file = join(dir, "explore-monthly.parquet");
  try {
    await withExtracts((db) => db.run(`COPY (${EXPLORE_ROWS_SQL}) TO ${lit(file)} (FORMAT parquet, COMPRESSION snappy)`), extractsDir);
    return readFileSync(file);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
