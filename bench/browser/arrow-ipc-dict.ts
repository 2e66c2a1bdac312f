// (a′) Arrow IPC stream made at build time with dictionary-encoded strings (about 3× smaller raw than plain) → insertArrowFromIPCStream.
import {DATA, fail, fetchBytes, mark, queryDuckDB, startDuckDB} from "./shared.ts";

try {
  const data = fetchBytes(`${DATA}.dict.arrow`);
  const conn = await startDuckDB();
  await conn.insertArrowFromIPCStream(await data, {name: "t"});
  mark("inserted");
  await queryDuckDB(conn);
} catch (error) {
  fail(error);
}
