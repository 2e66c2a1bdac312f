// Querying the built extracts from Node (page loaders and tests): each extract is a view by name.
import {join} from "node:path";
import {withDuckDB, lit, type Db} from "../lib/duckdb.ts";
import {ensureExtracts} from "./build.ts";
import {EXTRACTS} from "./definitions.ts";
import {existsSync} from "node:fs";

/** Runs `fn` with views (over the current snapshot's extracts, or those in `extractsDir`) named like the extracts, with dashes as underscores (street_crime_monthly, road_collisions, …). */
export async function withExtracts<T>(fn: (db: Db) => Promise<T>, extractsDir?: string): Promise<T> {
  const dir = extractsDir ?? (await ensureExtracts());
  return withDuckDB(async (db) => {
    for (const e of EXTRACTS) {
      const file = join(dir, `${e.name}.parquet`);
      if (existsSync(file)) await db.run(`CREATE VIEW ${e.name.replaceAll("-", "_")} AS SELECT * FROM read_parquet(${lit(file)})`);
    }
    return fn(db);
  });
}
