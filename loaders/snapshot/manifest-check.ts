// The manifest against itself and the disk: every entry well formed (so no message says "expected undefined"),
// every path inside the snapshot, every listed file a regular file of the stated size and checksums, every data
// file listed. Errors name manifest.json's line (for the entry) or the data file.
import {lstatSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {DataError} from "../lib/errors.ts";
import {sha256, type ManifestEntry} from "../lib/manifest.ts";
export {dataFiles} from "../lib/manifest.ts";
import {MANIFEST_FILE} from "../lib/paths.ts";

/** A path inside the snapshot, under its source's folder: no "..", no hidden or absolute parts. */
const PATH_RE = /^[a-z0-9-]+(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+$/;
const SHA_RE = /^[0-9a-f]{64}$/;

/** The line of manifest.json where each entry starts, and a finder for the line of one of its fields. */
export function manifestLines(text: string): {entry(i: number): number | null; field(i: number, name: string): number | null} {
  const lines = text.split("\n");
  // Entries are objects in "files"; formatManifest writes one field a line. A hand-made one-line manifest gives line 1.
  const starts: number[] = [];
  let depth = 0, inFiles = false;
  for (let l = 0; l < lines.length; ++l) {
    const line = lines[l];
    if (!inFiles && /"files"\s*:/.test(line)) inFiles = true;
    for (const ch of line.replace(/"(?:[^"\\]|\\.)*"/g, "")) {
      if (ch === "{" || ch === "[") {
        ++depth;
        if (inFiles && ch === "{" && depth === 3) starts.push(l + 1);
      } else if (ch === "}" || ch === "]") --depth;
    }
  }
  return {
    entry: (i) => starts[i] ?? null,
    field(i, name) {
      const from = starts[i], to = starts[i + 1] ?? lines.length + 1;
      if (from === undefined) return null;
      for (let l = from; l < to; ++l) if (lines[l - 1].includes(`"${name}":`)) return l;
      return from;
    }
  };
}

/** Problems with entry `i` of the manifest's files, each naming manifest.json, the line and the field. */
export function entryErrors(entry: unknown, i: number, sources: readonly string[], lines: ReturnType<typeof manifestLines>): DataError[] {
  const at = (field: string, expected: string, found: unknown) =>
    new DataError(MANIFEST_FILE, lines.field(i, field), `files[${i}].${field}`, expected, found === undefined ? "(missing)" : typeof found === "string" ? found : JSON.stringify(found));
  if (!entry || typeof entry !== "object" || Array.isArray(entry)) return [new DataError(MANIFEST_FILE, lines.entry(i), `files[${i}]`, "an object describing one file", JSON.stringify(entry))];
  const e = entry as Record<string, unknown>;
  const errors: DataError[] = [];
  const str = (field: string, re: RegExp, expected: string) => {
    if (typeof e[field] !== "string" || !re.test(e[field] as string)) errors.push(at(field, expected, e[field]));
  };
  if (!sources.includes(e.source as string)) errors.push(at("source", `one of ${sources.join(", ")}`, e.source));
  str("path", PATH_RE, "a path inside the snapshot such as police-uk/2025-06-staffordshire-street.csv.gz");
  if (typeof e.path === "string" && typeof e.source === "string" && PATH_RE.test(e.path) && !e.path.startsWith(`${e.source}/`)) errors.push(at("path", `a path under ${e.source}/`, e.path));
  str("kind", /^[a-z0-9][a-z0-9-]*$/, "a kind such as street or lsoa-lookup");
  str("sha256", SHA_RE, "a SHA-256 as 64 hexadecimal digits");
  str("contentSha256", SHA_RE, "a SHA-256 as 64 hexadecimal digits");
  str("url", /^https?:\/\/\S/, "the address the file came from");
  str("licence", /\S/, "the licence the file is published under");
  str("retrieved", /^\d{4}-\d{2}-\d{2}$/, "a retrieval date as YYYY-MM-DD");
  if (!Number.isSafeInteger(e.bytes) || (e.bytes as number) < 0) errors.push(at("bytes", "the file's size as a whole number of bytes", e.bytes));
  if (e.rows !== null && (!Number.isSafeInteger(e.rows) || (e.rows as number) < 0)) errors.push(at("rows", "a whole number of rows, or null", e.rows));
  if (e.period !== null && (typeof e.period !== "string" || !/^\d{4}(-\d{2})?$/.test(e.period))) errors.push(at("period", "YYYY-MM, YYYY or null", e.period));
  if (e.acceptedRows !== undefined && (!Number.isSafeInteger(e.acceptedRows) || (e.acceptedRows as number) < 0)) errors.push(at("acceptedRows", "the whole number of rows accepted as they are", e.acceptedRows));
  return errors;
}

/** The stored file against its entry: a regular file, its size, its checksum, and the checksum of its content. */
export function storedFileError(dir: string, entry: ManifestEntry): DataError | null {
  const file = join(dir, entry.path);
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    return new DataError(entry.path, null, null, "the file manifest.json lists", "no such file");
  }
  if (!stat.isFile()) return new DataError(entry.path, null, null, "a regular file", stat.isDirectory() ? "a directory" : stat.isSymbolicLink() ? "a symbolic link" : "something else");
  const bytes = readFileSync(file);
  if (bytes.length !== entry.bytes) return new DataError(entry.path, null, "bytes", `${entry.bytes} bytes, as manifest.json says`, `${bytes.length} bytes`);
  const actual = sha256(bytes);
  if (actual !== entry.sha256) return new DataError(entry.path, null, "sha256", `sha256 ${entry.sha256}, as manifest.json says`, actual);
  if (entry.path.endsWith(".gz")) {
    let content: Buffer;
    try {
      content = gunzipSync(bytes);
    } catch {
      return null; // the reader reports a bad gzip stream with its own message
    }
    if (sha256(content) !== entry.contentSha256) return new DataError(entry.path, null, "contentSha256", `content sha256 ${entry.contentSha256}, as manifest.json says`, sha256(content));
  }
  return null;
}
