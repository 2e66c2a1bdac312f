// Loads the snapshot into DuckDB tables that every extract selects from.
// Parsing is strict (explicit columns, no type sniffing); `npm run check-data` validates the same files
// row by row first, with messages naming file, line and field.
import {join} from "node:path";
import type {Db} from "../lib/duckdb.ts";
import {lit, litList} from "../lib/duckdb.ts";
import type {Manifest} from "../lib/manifest.ts";
import {REFERENCE_DIR, SNAPSHOT_DIR} from "../lib/paths.ts";
import {HEADERS} from "../sources/police-uk-schema.ts";
import {COLLISION_HEADER} from "../sources/stats19-read.ts";
import {stageNational} from "./stage-national.ts";

const varchar = (cols: readonly string[]) => `{${cols.map((c) => `${lit(c)}: 'VARCHAR'`).join(", ")}}`;

function files(manifest: Manifest, source: string, kind: string, dir: string): string[] {
  return manifest.files.filter((f) => f.source === source && f.kind === kind).map((f) => join(dir, f.path)).sort();
}

function readCsv(paths: string[], header: readonly string[]): string {
  return `read_csv(${litList(paths)}, header = true, auto_detect = false, columns = ${varchar(header)}, quote = '"', escape = '"', strict_mode = true, null_padding = false)`;
}

/** Creates tables: areas, lsoa_lookup, street, collisions, stats19_codes (+ stop_search, outcomes when present). */
export async function stageSnapshot(db: Db, manifest: Manifest, dir = SNAPSHOT_DIR): Promise<void> {
  await db.run(`CREATE TABLE areas AS SELECT area_code, slug, area_name, csp_name, population::INTEGER AS population, population_source
    FROM read_csv(${lit(join(REFERENCE_DIR, "areas.csv"))}, header = true, auto_detect = false,
      columns = {'area_code': 'VARCHAR', 'slug': 'VARCHAR', 'area_name': 'VARCHAR', 'csp_name': 'VARCHAR', 'population': 'INTEGER', 'population_source': 'VARCHAR'})`);
  const lookup = files(manifest, "ons", "lsoa-lookup", dir);
  // Any lookup file with at least lsoa_code, lsoa_name, lad_code (the derived one in the embedded snapshot, or ONS's when pulled).
  await db.run(`CREATE TABLE lsoa_lookup AS SELECT DISTINCT lsoa_code, lsoa_name, lad_code
    FROM read_csv(${litList(lookup)}, header = true, all_varchar = true, union_by_name = true)`);

  const street = files(manifest, "police-uk", "street", dir);
  // A view, not a table: each extract streams the files through its own aggregate, so memory stays
  // bounded by the groups, not the rows (a staged table needed 6.5 GB at 18M rows: bench/README.md).
  await db.run(`CREATE VIEW street AS SELECT "Crime ID" AS crime_id, "Month" AS month, TRY_CAST("Longitude" AS DOUBLE) AS longitude,
      TRY_CAST("Latitude" AS DOUBLE) AS latitude, "Location" AS location, "LSOA code" AS lsoa_code, "LSOA name" AS lsoa_name,
      "Crime type" AS crime_type, "Last outcome category" AS last_outcome
    FROM ${street.length ? readCsv(street, HEADERS.street) : `(SELECT ${HEADERS.street.map((c) => `NULL::VARCHAR AS ${JSON.stringify(c)}`).join(", ")} WHERE false)`}`);

  const outcomes = files(manifest, "police-uk", "outcomes", dir);
  if (outcomes.length) {
    await db.run(`CREATE TABLE outcomes AS SELECT "Crime ID" AS crime_id, "Month" AS month, "LSOA code" AS lsoa_code, "Outcome type" AS outcome_type
      FROM ${readCsv(outcomes, HEADERS.outcomes)}`);
  }
  const stops = files(manifest, "police-uk", "stop-and-search", dir);
  if (stops.length) {
    await db.run(`CREATE TABLE stop_search AS SELECT "Type" AS type, "Date" AS date, substr("Date", 1, 7) AS month, TRY_CAST("Longitude" AS DOUBLE) AS longitude,
        TRY_CAST("Latitude" AS DOUBLE) AS latitude, "Gender" AS gender, "Legislation" AS legislation, "Object of search" AS object_of_search,
        "Outcome" AS outcome, "Outcome linked to object of search" AS outcome_linked
      FROM ${readCsv(stops, HEADERS["stop-and-search"])}`);
  }

  // Figures from the published reports (data/reference/published-measures.csv, validated by loaders/sources/published.ts).
  await db.run(`CREATE TABLE published_measures AS SELECT * FROM read_csv(${lit(join(REFERENCE_DIR, "published-measures.csv"))},
    header = true, all_varchar = true, quote = '"', escape = '"', strict_mode = true)`);
  await db.run(`CREATE TABLE stats19_codes AS SELECT * FROM read_csv(${lit(join(REFERENCE_DIR, "stats19-codes.csv"))}, header = true, auto_detect = false,
      columns = {'variable': 'VARCHAR', 'code': 'VARCHAR', 'label': 'VARCHAR'})`);
  const collisions = files(manifest, "stats19", "collision", dir);
  await db.run(`CREATE TABLE collisions AS SELECT * FROM ${collisions.length ? readCsv(collisions, COLLISION_HEADER) : `(SELECT ${COLLISION_HEADER.map((c) => `NULL::VARCHAR AS ${c}`).join(", ")} WHERE false)`}`);
  await stageNational(db, manifest, dir);
  const casualties = files(manifest, "stats19", "casualty", dir);
  if (casualties.length) {
    await db.run(`CREATE TABLE casualties AS SELECT * FROM read_csv(${litList(casualties)}, header = true, all_varchar = true)`);
  }
}
