// Arrow IPC copy of the street-crime-monthly extract, for DuckDB-WASM on the explore page
// (DuckDB-WASM cannot read Parquet without downloading its parquet extension; see docs/browser-data.md).
import {tableFromArrays, tableToIPC} from "apache-arrow";
import {withExtracts} from "../../loaders/extracts/query.ts";

const rows = await withExtracts((db) => db.all<Record<string, string | number | null>>(`SELECT * FROM street_crime_monthly`));
const column = (k: string) => rows.map((r) => (r[k] ?? null) as string);
const table = tableFromArrays({
  month: column("month"), area_code: column("area_code"), area_name: column("area_name"),
  lsoa_code: column("lsoa_code"), crime_type: column("crime_type"), count: Int32Array.from(rows, (r) => Number(r.count))
});
process.stdout.write(tableToIPC(table, "stream"));
