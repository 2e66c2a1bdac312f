// The header row of a CSV file whose columns vary by release (DfT renames, Nomis, ONS lookups), so a reader can
// require the columns it needs and then read strictly with readCsv against the file's own header.
import {Readable} from "node:stream";
import {parse} from "csv-parse";
import {openBytes} from "./csv.ts";
import {DataError} from "./errors.ts";

/** Opens a path (gunzipping .gz) or wraps in-memory bytes as a stream. */
export function openSource(source: string | Buffer): Readable {
  return typeof source === "string" ? openBytes(source) : Readable.from([source]);
}

/** The first record of the file, trimmed; a DataError for an empty or unreadable file. */
export async function readHeader(source: string | Buffer, label: string): Promise<string[]> {
  const input = openSource(source);
  const parser = parse({bom: true, to_line: 1, relax_column_count: true});
  input.on("error", (e) => parser.destroy(e));
  input.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      input.unpipe(parser);
      input.destroy();
      return record.map((s) => s.trim());
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e?.code === "Z_BUF_ERROR" || /unexpected end of file/i.test(e?.message ?? "")) throw new DataError(label, null, null, "a complete gzip stream", "a truncated file");
    if (e?.code === "Z_DATA_ERROR") throw new DataError(label, null, null, "gzip data", "bytes that are not gzip");
    throw new DataError(label, 1, null, "a CSV header row", e?.message ?? String(error));
  }
  throw new DataError(label, 1, null, "a header row", "an empty file");
}

/** Throws naming the first required column that is missing from `header`. */
export function requireColumns(label: string, header: readonly string[], required: readonly string[]): void {
  for (const column of required) {
    if (!header.includes(column)) throw new DataError(label, 1, column, `a column named ${JSON.stringify(column)}`, header.join(","));
  }
}
