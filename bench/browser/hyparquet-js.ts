// (d) No DuckDB: hyparquet decodes the three columns the query needs, a plain JS loop does the GROUP BY.
import {parquetRead} from "hyparquet";
import {decompress} from "fzstd";
import {DATA, done, fail, fetchBytes, mark} from "./shared.ts";

try {
  const bytes = await fetchBytes(`${DATA}.parquet`);
  const columns: Record<string, ArrayLike<unknown>> = {};
  await parquetRead({file: bytes.buffer as ArrayBuffer, columns: ["month", "crime_type", "count"],
    compressors: {ZSTD: (input: Uint8Array) => decompress(input)},
    onChunk: ({columnName, columnData, rowStart}) => {
      if (rowStart !== 0) throw new Error("expected one row group");
      columns[columnName] = columnData;
    }});
  mark("decoded");
  const month = columns.month as ArrayLike<string>, type = columns.crime_type as ArrayLike<string>, count = columns.count as ArrayLike<number>;
  const sums = new Map<string, number>();
  for (let i = 0; i < month.length; i++) {
    const key = `${month[i]}\t${type[i]}`;
    sums.set(key, (sums.get(key) ?? 0) + Number(count[i]));
  }
  const rows = [...sums].map(([key, n]) => {
    const [m, t] = key.split("\t");
    return {month: m, crime_type: t, n};
  }).sort((a, b) => a.month < b.month ? -1 : a.month > b.month ? 1 : a.crime_type < b.crime_type ? -1 : a.crime_type > b.crime_type ? 1 : 0);
  done(rows);
} catch (error) {
  fail(error);
}
