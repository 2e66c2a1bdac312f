// A small reader for dBase III tables (.dbf), the attribute table of a shapefile, as ArcGIS writes them.
// Written here because the kept dBase library (dbffile) rejects ArcGIS's 24-digit numeric fields; the format is
// simple: a 32-byte header, 32-byte field descriptors ended by 0x0D, then fixed-width records and 0x1A.
// Only character (C) and numeric (N, F) fields are read; any other type is an error naming the field.
import {DataError} from "./errors.ts";

export interface DbfField {
  name: string;
  type: "C" | "N" | "F";
  size: number;
  decimals: number;
}

export interface DbfTable {
  fields: DbfField[];
  /** records in the file, deleted ones included (the header's count) */
  recordCount: number;
  /** live records: 1-based record number, and values by field name (text trimmed; numbers, or null when blank) */
  records(): Generator<{record: number; values: Record<string, string | number | null>}>;
}

export function readDbf(bytes: Buffer, label: string): DbfTable {
  if (bytes.length < 33) throw new DataError(label, null, null, "a dBase table (at least a 32-byte header)", `${bytes.length} bytes`);
  const version = bytes[0];
  if ((version & 0x07) !== 0x03) throw new DataError(label, null, "version", "a dBase III table (version byte 0x03 or 0x83)", `0x${version.toString(16).padStart(2, "0")}`);
  const recordCount = bytes.readUInt32LE(4);
  const headerLength = bytes.readUInt16LE(8);
  const recordLength = bytes.readUInt16LE(10);
  const fields: DbfField[] = [];
  let offset = 32;
  let width = 1; // the deletion flag
  while (offset < headerLength - 1 && bytes[offset] !== 0x0d) {
    const name = bytes.toString("latin1", offset, offset + 11).replace(/\0.*$/s, "");
    const type = String.fromCharCode(bytes[offset + 11]);
    const size = bytes[offset + 16];
    const decimals = bytes[offset + 17];
    if (!["C", "N", "F"].includes(type)) throw new DataError(label, null, name, "a character (C) or numeric (N, F) field", `type ${type}`);
    fields.push({name, type: type as DbfField["type"], size, decimals});
    width += size;
    offset += 32;
  }
  if (bytes[offset] !== 0x0d || offset !== headerLength - 1) throw new DataError(label, null, "header", `field descriptors ended by 0x0D at byte ${headerLength - 1} (the header length)`, `byte ${offset}`);
  if (width !== recordLength) throw new DataError(label, null, "record length", `${width} bytes (the sum of the field sizes and the deletion flag)`, `${recordLength} bytes`);
  const end = headerLength + recordCount * recordLength;
  // The end-of-file marker 0x1A is optional; anything else after the records means the count is wrong.
  if (bytes.length !== end && !(bytes.length === end + 1 && bytes[end] === 0x1a)) {
    throw new DataError(label, null, "record count", `${recordCount} records of ${recordLength} bytes (${end} bytes, or one more for the end-of-file marker)`, `${bytes.length} bytes`);
  }
  return {
    fields,
    recordCount,
    *records() {
      for (let i = 0; i < recordCount; ++i) {
        let at = headerLength + i * recordLength;
        const flag = bytes[at++];
        if (flag === 0x2a) continue; // deleted
        if (flag !== 0x20) throw new DataError(`${label}, record ${i + 1}`, null, null, "a record starting with a space (or * when deleted)", `byte 0x${flag.toString(16)}`);
        const values: Record<string, string | number | null> = {};
        for (const f of fields) {
          const text = bytes.toString("latin1", at, at + f.size).trim();
          at += f.size;
          if (f.type === "C") values[f.name] = text;
          else if (text === "") values[f.name] = null;
          else {
            const n = Number(text);
            if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) || !Number.isFinite(n)) throw new DataError(`${label}, record ${i + 1}`, null, f.name, "a number", text);
            values[f.name] = n;
          }
        }
        yield {record: i + 1, values};
      }
    }
  };
}
