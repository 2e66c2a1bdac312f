// Counts taken straight from the raw snapshot files with the validating readers — an independent path
// from the DuckDB extracts, used to check what the site publishes.
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {readFileSync} from "node:fs";
import {gunzipSync} from "node:zlib";
import {readManifest} from "../../loaders/lib/manifest.ts";
import {SNAPSHOT_DIR} from "../../loaders/lib/paths.ts";
import {readStreetCrime, type StreetRow} from "../../loaders/sources/police-uk-read.ts";
import {readCollisions, type CollisionRow} from "../../loaders/sources/stats19-read.ts";

export function lsoaToArea(): Map<string, string> {
  const lookup = readManifest().files.filter((f) => f.kind === "lsoa-lookup");
  const map = new Map<string, string>();
  for (const f of lookup) for (const d of csvParse(gunzipSync(readFileSync(join(SNAPSHOT_DIR, f.path))).toString("utf8"))) map.set(d.lsoa_code!, d.lad_code!);
  return map;
}

/** Area as the site defines it: by LSOA through the lookup; 'unknown' with no LSOA; 'outside' otherwise. */
export function areaOf(row: StreetRow, lookup: Map<string, string>): string {
  return row.lsoaCode === "" ? "unknown" : lookup.get(row.lsoaCode) ?? "outside";
}

let street: StreetRow[] | undefined;
export async function rawStreetRows(): Promise<StreetRow[]> {
  if (street) return street;
  const rows: StreetRow[] = [];
  for (const f of readManifest().files.filter((f) => f.kind === "street")) for await (const r of readStreetCrime(join(SNAPSHOT_DIR, f.path))) rows.push(r);
  return (street = rows);
}

export async function rawCollisions(): Promise<CollisionRow[]> {
  const rows: CollisionRow[] = [];
  for (const f of readManifest().files.filter((f) => f.kind === "collision")) for await (const r of readCollisions(join(SNAPSHOT_DIR, f.path))) rows.push(r);
  return rows;
}

export function countBy<T>(rows: T[], key: (r: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
}
