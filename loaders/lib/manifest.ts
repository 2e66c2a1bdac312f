// data/snapshot/manifest.json: what every snapshot file is, where it came from, and its checksum.
import {createHash} from "node:crypto";
import {readdirSync, readFileSync} from "node:fs";
import {join, relative, sep} from "node:path";
import {gunzipSync} from "node:zlib";
import {MANIFEST_FILE, SNAPSHOT_DIR} from "./paths.ts";

export type SourceId = "police-uk" | "stats19" | "ons" | "police-uk-national" | "mhclg";

export interface ManifestEntry {
  /** path relative to data/snapshot, e.g. police-uk/2025-06-staffordshire-street.csv.gz */
  path: string;
  source: SourceId;
  /** what the file holds, e.g. "street", "collision", "lsoa-lookup" */
  kind: string;
  /** the live URL the content comes from (for archive members: the archive URL and member name) */
  url: string;
  member?: string;
  /** where this copy was taken from when not pulled live (repository and commit) */
  copiedFrom?: string;
  licence: string;
  /** date the content was retrieved, YYYY-MM-DD */
  retrieved: string;
  /** sha256 of the file as stored (gzip bytes) */
  sha256: string;
  bytes: number;
  /** sha256 of the content as published (after gunzip) */
  contentSha256: string;
  /** data rows (excluding any header), or features for geography files; null where rows do not apply */
  rows: number | null;
  /** the period the file covers: YYYY-MM, YYYY, or a census year */
  period: string | null;
  /** a row count accepted as it is although it is implausible against neighbouring periods (loaders/snapshot/row-counts.ts) */
  acceptedRows?: number;
}

export interface Manifest {
  generated: string;
  force: string;
  files: ManifestEntry[];
}

export const OGL = "Open Government Licence v3.0";

export function readManifest(dir = SNAPSHOT_DIR): Manifest {
  return JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8")) as Manifest;
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Stable JSON so that an unchanged snapshot gives a byte-identical manifest. */
export function formatManifest(manifest: Manifest): string {
  const files = [...manifest.files].sort((a, b) => a.path.localeCompare(b.path));
  return JSON.stringify({...manifest, files}, null, 2) + "\n";
}

/** Checksum and size facts of a stored file. */
export function fileFacts(bytes: Buffer, gzipped: boolean): Pick<ManifestEntry, "sha256" | "bytes" | "contentSha256"> {
  return {sha256: sha256(bytes), bytes: bytes.length, contentSha256: sha256(gzipped ? gunzipSync(bytes) : bytes)};
}

/** One hash over the checksums the manifest claims (what a pull compares; caches key on snapshotContentKey). */
export function snapshotHash(manifest: Manifest): string {
  return sha256(Buffer.from(manifest.files.map((f) => `${f.path}:${f.sha256}`).sort().join("\n"))).slice(0, 16);
}

/** Every data file under a snapshot, relative and sorted (documentation .md files and the manifest are not data). */
export function dataFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, {withFileTypes: true})) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name !== MANIFEST_FILE && !e.name.endsWith(".md")) out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * A hash of what the snapshot holds on disk: the manifest's bytes and every data file's bytes. Unlike the
 * manifest's own checksums, it changes when a file changes behind the manifest's back, so a cache keyed on it
 * (after check-data passed on that content: loaders/snapshot/gate.ts) is never stale.
 */
export function snapshotContentKey(dir = SNAPSHOT_DIR): string {
  const hash = sha256(Buffer.concat([readFileSync(join(dir, MANIFEST_FILE)), ...dataFiles(dir).map((f) => {
    let content: Buffer;
    try {
      content = readFileSync(join(dir, f));
    } catch {
      content = Buffer.from("(unreadable)");
    }
    return Buffer.from(`\n${f}:${sha256(content)}`);
  })]));
  return hash.slice(0, 16);
}
