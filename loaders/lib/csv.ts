// Streaming CSV reading for snapshot files (plain or gzip), with errors that name file, line and field.
import {createReadStream} from "node:fs";
import {basename} from "node:path";
import {Readable} from "node:stream";
import {createGunzip} from "node:zlib";
import {parse} from "csv-parse";
import {DataError} from "./errors.ts";

export interface CsvRow {
  /** 1-based line number in the file where the record starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

export interface CsvOptions {
  /** The exact header the publisher uses, in order. */
  header: readonly string[];
  /** Name used in messages; defaults to the file's base name. */
  label?: string;
}

/** Opens a file as a byte stream, gunzipping `.gz`. */
export function openBytes(file: string): Readable {
  const raw = createReadStream(file);
  if (!file.endsWith(".gz")) return raw;
  const gunzip = createGunzip();
  raw.on("error", (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

/**
 * Reads records from a CSV file or stream, checking the header and the field count of every record.
 * A UTF-8 byte-order mark is accepted and removed; bytes that are not UTF-8 are an error.
 */
export async function* readCsv(source: string | Readable, options: CsvOptions): AsyncGenerator<CsvRow> {
  const label = options.label ?? (typeof source === "string" ? basename(source) : "input");
  const input = typeof source === "string" ? openBytes(source) : source;
  const parser = parse({bom: true, relax_column_count: true, info: true, skip_empty_lines: false});
  input.on("error", (e) => parser.destroy(e));
  input.pipe(parser);
  const header = options.header;
  let sawHeader = false;
  try {
    for await (const {record, info} of parser as AsyncIterable<{record: string[]; info: {lines: number}}>) {
      const line = info.lines;
      if (!sawHeader) {
        sawHeader = true;
        checkHeader(label, record, header);
        continue;
      }
      if (record.length === 1 && record[0] === "") continue; // a blank line (e.g. a trailing CRLF) holds no record
      if (record.length !== header.length) {
        throw new DataError(label, line, null, `${header.length} fields`, `${record.length} fields`);
      }
      const values: Record<string, string> = {};
      for (let i = 0; i < header.length; ++i) {
        const v = record[i];
        if (v.includes("\uFFFD")) throw new DataError(label, line, header[i], "UTF-8 text", v);
        values[header[i]] = v;
      }
      yield {line, values};
    }
  } catch (error) {
    throw asDataError(label, error);
  }
  if (!sawHeader) throw new DataError(label, 1, null, `a header row (${header.join(",")})`, "an empty file");
}

function checkHeader(label: string, record: string[], header: readonly string[]): void {
  const found = record.map((s) => s.trim());
  for (let i = 0; i < Math.max(found.length, header.length); ++i) {
    if (found[i] !== header[i]) {
      if (found.join("").includes("\uFFFD")) throw new DataError(label, 1, null, "UTF-8 text", found.join(","));
      throw new DataError(label, 1, header[i] ?? found[i], `header column ${i + 1} to be ${JSON.stringify(header[i] ?? "(none)")}`, found[i] ?? "(missing)");
    }
  }
}

function asDataError(label: string, error: unknown): Error {
  if (error instanceof DataError) return error;
  const e = error as NodeJS.ErrnoException & {lines?: number};
  if (e?.code === "Z_BUF_ERROR" || /unexpected end of file/i.test(e?.message ?? "")) {
    return new DataError(label, null, null, "a complete gzip stream", "a truncated file");
  }
  if (e?.code === "Z_DATA_ERROR") return new DataError(label, null, null, "gzip data", "bytes that are not gzip");
  if (e?.code?.startsWith?.("CSV_")) return new DataError(label, e.lines ?? null, null, "well-formed CSV", e.message);
  return error as Error;
}
