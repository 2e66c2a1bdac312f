// (a) Arrow IPC stream made at build time → conn.insertArrowFromIPCStream.
import {DATA, fail, fetchBytes, mark, queryDuckDB, startDuckDB} from "./shared.ts";

try {
  const data = fetchBytes(`${DATA}.arrow`);
  const conn = await startDuckDB();
  await conn.insertArrowFromIPCStream(await data, {name: "t"});
  mark("inserted");
  await queryDuckDB(conn);
} catch (error) {
  fail(error);
}
