// The filters' data: a small Parquet extract (month × area × crime type counts, loaders/explore/rows.ts),
// decoded with hyparquet in plain JavaScript — no database engine (docs/browser-data.md, option d).
import {parquetMetadata, parquetRead} from "hyparquet";
import type {Catalogue} from "./catalogue.js";
import {indexExtract, type Extract, type ExtractColumns} from "./model.js";

export const EXTRACT_COLUMNS = ["month", "area_code", "crime_type", "count"] as const;

/** Columns of the Parquet file, in row order. */
export async function decodeExtract(file: ArrayBuffer): Promise<ExtractColumns> {
  const metadata = parquetMetadata(file);
  const have = metadata.schema.map((s) => s.name);
  const missing = EXTRACT_COLUMNS.filter((c) => !have.includes(c));
  if (missing.length) throw new Error(`the explorer's data lacks the column(s) ${missing.join(", ")}`);
  const chunks = new Map<string, {rowStart: number; data: ArrayLike<unknown>}[]>(EXTRACT_COLUMNS.map((c) => [c, []]));
  await parquetRead({file, metadata, columns: [...EXTRACT_COLUMNS], onChunk: ({columnName, columnData, rowStart}) => {
    chunks.get(columnName)?.push({rowStart, data: columnData as ArrayLike<unknown>});
  }});
  const column = (name: string) => {
    const parts = chunks.get(name)!.sort((a, b) => a.rowStart - b.rowStart);
    if (parts.length === 1) return parts[0].data;
    return parts.flatMap((p) => Array.from(p.data));
  };
  return {
    month: column("month") as ArrayLike<string>,
    area_code: column("area_code") as ArrayLike<string>,
    crime_type: column("crime_type") as ArrayLike<string>,
    count: column("count") as ArrayLike<number>
  };
}

export async function loadExtract(source: string | Promise<Response>, catalogue: Catalogue): Promise<Extract> {
  const response = await (typeof source === "string" ? fetch(source) : source);
  if (!response.ok) throw new Error(`the explorer's data could not be fetched (HTTP ${response.status})`);
  return indexExtract(await decodeExtract(await response.arrayBuffer()), catalogue);
}
