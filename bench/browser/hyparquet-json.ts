// (b′) Parquet decoded by hyparquet into row objects → JSON text registered in DuckDB → conn.insertJSONFromPath.
import {parquetReadObjects} from "hyparquet";
import {decompress} from "fzstd";
import {DATA, fail, fetchBytes, mark, queryDuckDB, startDuckDB} from "./shared.ts";

try {
  const data = fetchBytes(`${DATA}.parquet`);
  const ready = startDuckDB();
  const bytes = await data;
  const rows = await parquetReadObjects({file: bytes.buffer as ArrayBuffer, compressors: {ZSTD: (input: Uint8Array) => decompress(input)}});
  mark("decoded");
  const conn = await ready;
  const db = (globalThis as {__db?: {registerFileText(name: string, text: string): Promise<void>}}).__db!;
  await db.registerFileText("t.json", JSON.stringify(rows));
  await conn.insertJSONFromPath("t.json", {name: "t"});
  mark("inserted");
  await queryDuckDB(conn);
} catch (error) {
  fail(error);
}
