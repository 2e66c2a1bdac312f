// Reading DfT STATS19 casualty and vehicle files (already filtered to the force). They have no police_force
// column, and DfT renamed accident_* to collision_* in the 2024 release, so columns are found by name.
import {basename} from "node:path";
import {Readable} from "node:stream";
import {readCsv} from "../lib/csv.ts";
import {readHeader, requireColumns} from "../lib/csv-header.ts";
import {DataError} from "../lib/errors.ts";

export type LinkedTable = "casualty" | "vehicle";

export interface LinkedRow {
  line: number;
  /** accident_index (to 2023) or collision_index (2024 on): year + force code + reference */
  index: string;
  year: number;
  vehicleReference: number;
  values: Record<string, string>;
}

/** The index and year column names a header uses, whichever DfT vintage it is. */
export function indexColumns(header: readonly string[]): {index: string; year: string} | null {
  if (header.includes("accident_index")) return {index: "accident_index", year: "accident_year"};
  if (header.includes("collision_index")) return {index: "collision_index", year: "collision_year"};
  return null;
}

/** Validated rows of a casualty or vehicle file (path, .gz path, or bytes). `year`, when given, must match every row. */
export async function* readLinkedRows(source: string | Buffer, table: LinkedTable, options: {label?: string; year?: number} = {}): AsyncGenerator<LinkedRow> {
  const label = options.label ?? (typeof source === "string" ? basename(source) : "input");
  const header = await readHeader(source, label);
  const cols = indexColumns(header);
  if (!cols) throw new DataError(label, 1, "accident_index", "a column accident_index (or collision_index)", header.join(","));
  requireColumns(label, header, [cols.year, "vehicle_reference", ...(table === "casualty" ? ["casualty_reference", "casualty_severity"] : ["vehicle_type"])]);
  const input = typeof source === "string" ? source : Readable.from([source]);
  for await (const {line, values: v} of readCsv(input, {header, label})) {
    const index = v[cols.index];
    if (!/^\d{4}[0-9A-Z]{3,}$/.test(index)) throw new DataError(label, line, cols.index, "an index like 2023211203740 (year, force code, reference)", index);
    if (!/^\d{4}$/.test(v[cols.year])) throw new DataError(label, line, cols.year, "a year", v[cols.year]);
    const year = Number(v[cols.year]);
    if (index.slice(0, 4) !== v[cols.year]) throw new DataError(label, line, cols.index, `an index starting with the row's year ${year}`, index);
    if (options.year !== undefined && year !== options.year) throw new DataError(label, line, cols.year, `${options.year}`, v[cols.year]);
    if (!/^\d+$/.test(v.vehicle_reference)) throw new DataError(label, line, "vehicle_reference", "a whole number", v.vehicle_reference);
    if (table === "casualty") {
      if (!/^\d+$/.test(v.casualty_reference)) throw new DataError(label, line, "casualty_reference", "a whole number", v.casualty_reference);
      if (!/^[123]$/.test(v.casualty_severity)) throw new DataError(label, line, "casualty_severity", "1 (fatal), 2 (serious) or 3 (slight)", v.casualty_severity);
    }
    yield {line, index, year, vehicleReference: Number(v.vehicle_reference), values: v};
  }
}
