// (b) Parquet decoded by hyparquet (zstd via fzstd, the decompressor hyparquet-compressors uses) → Arrow table
// (the apache-arrow copy DuckDB-WASM itself bundles) → conn.insertArrowTable.
import {parquetRead} from "hyparquet";
import {decompress} from "fzstd";
import {tableFromArrays} from "apache-arrow";
import {DATA, fail, fetchBytes, mark, queryDuckDB, startDuckDB} from "./shared.ts";

async function decodeColumns(bytes: Uint8Array, columns?: string[]): Promise<Record<string, ArrayLike<unknown>>> {
  const chunks: Record<string, {rowStart: number; data: ArrayLike<unknown>}[]> = {};
  await parquetRead({file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, columns,
    compressors: {ZSTD: (input: Uint8Array) => decompress(input)},
    onChunk: ({columnName, columnData, rowStart}) => { (chunks[columnName] ??= []).push({rowStart, data: columnData}); }});
  const out: Record<string, ArrayLike<unknown>> = {};
  for (const [name, parts] of Object.entries(chunks)) {
    parts.sort((a, b) => a.rowStart - b.rowStart);
    out[name] = parts.length === 1 ? parts[0].data : parts.flatMap((p) => Array.from(p.data));
  }
  mark("decoded");
  return out;
}

{
  try {
    const data = fetchBytes(`${DATA}.parquet`);
    const ready = startDuckDB();
    const columns = await decodeColumns(await data);
    const table = tableFromArrays({
      month: Array.from(columns.month) as string[], area_code: Array.from(columns.area_code) as string[],
      area_name: Array.from(columns.area_name) as string[], lsoa_code: Array.from(columns.lsoa_code) as (string | null)[],
      crime_type: Array.from(columns.crime_type) as string[], count: Int32Array.from(columns.count as ArrayLike<number>)
    });
    const conn = await ready;
    // the bundle aliases apache-arrow to DuckDB-WASM's own copy (v17); the typechecker sees v21
    await conn.insertArrowTable(table as never, {name: "t"});
    mark("inserted");
    await queryDuckDB(conn);
  } catch (error) {
    fail(error);
  }
}
