// Streaming CSV reading for snapshot files (plain or gzip), with errors that name file, line and field.
import {createReadStream} from "node:fs";
import {basename} from "node:path";
import {Readable, Transform} from "node:stream";
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
 * A plain decimal number as publishers write them (-1.234567, 52.8). Number() also takes "0x1F", "1e3", " 7 " and
 * "Infinity", which DuckDB then refuses to cast and the extracts would silently drop: check with this first.
 */
export const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

/** Longest record read (DuckDB, which builds the extracts, stops at 2 MiB a line: fail here first, by name). */
export const MAX_RECORD_BYTES = 1 << 20;

/**
 * Reads records from a CSV file or stream, checking the header and the field count of every record.
 * A UTF-8 byte-order mark is accepted and removed; bytes that are not UTF-8 (UTF-16 included) are an error, and so
 * is a record longer than MAX_RECORD_BYTES. Line numbers are where a record starts.
 */
export async function* readCsv(source: string | Readable, options: CsvOptions): AsyncGenerator<CsvRow> {
  const label = options.label ?? (typeof source === "string" ? basename(source) : "input");
  const input = typeof source === "string" ? openBytes(source) : source;
  // The line each record ends on, as the parser reads it (on_record runs before any error is raised, so a quote
  // left open at line 50 is reported at line 50, not at the end of the file where the parser gave up).
  let lastEnd = 0;
  const parser = parse({bom: true, relax_column_count: true, info: true, skip_empty_lines: false, max_record_size: MAX_RECORD_BYTES,
    on_record: (record: string[], context: {lines: number}) => {
      lastEnd = context.lines;
      return record;
    }});
  const checked = input.pipe(refuseUtf16(label));
  input.on("error", (e) => checked.destroy(e));
  checked.on("error", (e) => parser.destroy(e));
  checked.pipe(parser);
  const header = options.header;
  let sawHeader = false;
  let previousEnd = 0;
  try {
    for await (const {record, info} of parser as AsyncIterable<{record: string[]; info: {lines: number}}>) {
      const line = previousEnd + 1;
      previousEnd = info.lines;
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
        if (v.includes("\uFFFD") || v.includes("\0")) throw new DataError(label, line, header[i], "UTF-8 text", v);
        values[header[i]] = v;
      }
      yield {line, values};
    }
  } catch (error) {
    throw asDataError(label, error, lastEnd + 1, header);
  }
  if (!sawHeader) throw new DataError(label, 1, null, `a header row (${header.join(",")})`, "an empty file");
}

/**
 * Passes bytes through, failing on a UTF-16 byte-order mark: csv-parse would decode UTF-16 quietly, and the
 * snapshot is then unreadable by DuckDB, which builds the extracts.
 */
function refuseUtf16(label: string): Transform {
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (first && chunk.length >= 2) {
        first = false;
        if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
          return done(new DataError(label, 1, null, "UTF-8 text", `UTF-16 (byte-order mark ${chunk[0].toString(16).toUpperCase()} ${chunk[1].toString(16).toUpperCase()})`));
        }
      }
      done(null, chunk);
    }
  });
}

function checkHeader(label: string, record: string[], header: readonly string[]): void {
  const found = record.map((s) => s.trim());
  const text = found.join(",");
  // UTF-16 text read as UTF-8: a NUL after every ASCII letter, and its byte-order mark as two replacement characters.
  if (text.includes("\0")) throw new DataError(label, 1, null, "UTF-8 text", "UTF-16 (NUL bytes between the letters)");
  for (let i = 0; i < Math.max(found.length, header.length); ++i) {
    if (found[i] !== header[i]) {
      if (text.includes("\uFFFD")) throw new DataError(label, 1, null, "UTF-8 text", text);
      throw new DataError(label, 1, header[i] ?? found[i], `header column ${i + 1} to be ${JSON.stringify(header[i] ?? "(none)")}`, found[i] ?? "(missing)");
    }
  }
}

function asDataError(label: string, error: unknown, line: number, header: readonly string[]): Error {
  if (error instanceof DataError) return error;
  const e = error as NodeJS.ErrnoException & {lines?: number; index?: number};
  if (e?.code === "Z_BUF_ERROR" || /unexpected end of file/i.test(e?.message ?? "")) {
    return new DataError(label, null, null, "a complete gzip stream", "a truncated file");
  }
  if (e?.code === "Z_DATA_ERROR") return new DataError(label, null, null, "gzip data", "bytes that are not gzip");
  const field = typeof e?.index === "number" ? (header[e.index] ?? `column ${e.index + 1}`) : null;
  if (e?.code === "CSV_QUOTE_NOT_CLOSED") return new DataError(label, line, field, "a closing quote for the field opened on this line", "none before the end of the file");
  // A quote left open swallows the rest of the file into one field: the record then outgrows the limit first,
  // many lines after the one it started on (only a quoted field spans lines).
  if (e?.code === "CSV_MAX_RECORD_SIZE" && (e.lines ?? line) > line) return new DataError(label, line, field, "a closing quote for the field opened on this line", `none in the next ${MAX_RECORD_BYTES.toLocaleString("en-GB")} characters`);
  if (e?.code === "CSV_MAX_RECORD_SIZE") return new DataError(label, line, null, `a record of at most ${MAX_RECORD_BYTES.toLocaleString("en-GB")} characters`, "a longer one");
  if (e?.code?.startsWith?.("CSV_")) return new DataError(label, e.lines ?? line, field, "well-formed CSV", e.message);
  return error as Error;
}
