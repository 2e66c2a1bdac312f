// (c) Parquet decoded by parquet-wasm 0.8.0 → Arrow IPC stream → conn.insertArrowFromIPCStream.
import initParquet, {readParquet} from "parquet-wasm/esm";
import {DATA, fail, fetchBytes, mark, queryDuckDB, startDuckDB} from "./shared.ts";

try {
  const data = fetchBytes(`${DATA}.parquet`);
  const wasm = initParquet({module_or_path: new URL("/parquet-wasm/parquet_wasm_bg.wasm", location.href)});
  const ready = startDuckDB();
  await wasm;
  mark("parquet-wasm ready");
  const ipc = readParquet(await data).intoIPCStream();
  mark("decoded");
  const conn = await ready;
  await conn.insertArrowFromIPCStream(ipc, {name: "t"});
  mark("inserted");
  await queryDuckDB(conn);
} catch (error) {
  fail(error);
}
