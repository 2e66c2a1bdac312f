// Temporary copies of data/snapshot for tests that pull or break things (the real snapshot is never touched),
// and a hash of a whole directory to prove "byte-identical before and after".
import {createHash} from "node:crypto";
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, relative, sep} from "node:path";
import {gzipSync} from "node:zlib";
import {fileFacts, formatManifest, OGL, type Manifest, type ManifestEntry} from "../../../loaders/lib/manifest.ts";
import {SNAPSHOT_DIR} from "../../../loaders/lib/paths.ts";

export interface TempSnapshot {
  dir: string;
  cleanup(): void;
}

/** A copy of the real snapshot (or of the entries `only` keeps, with a manifest to match) in a fresh temp dir. */
export function tempSnapshot(only?: (e: ManifestEntry) => boolean): TempSnapshot {
  const root = mkdtempSync(join(tmpdir(), "snapshot-test-"));
  const dir = join(root, "snapshot");
  if (!only) cpSync(SNAPSHOT_DIR, dir, {recursive: true});
  else {
    const manifest = JSON.parse(readFileSync(join(SNAPSHOT_DIR, "manifest.json"), "utf8")) as Manifest;
    manifest.files = manifest.files.filter(only);
    for (const f of manifest.files) {
      mkdirSync(dirname(join(dir, f.path)), {recursive: true});
      cpSync(join(SNAPSHOT_DIR, f.path), join(dir, f.path));
    }
    mkdirSync(dir, {recursive: true});
    writeFileSync(join(dir, "manifest.json"), formatManifest(manifest));
  }
  return {dir, cleanup: () => rmSync(root, {recursive: true, force: true})};
}

/** A small snapshot: two street months, the LSOA lookup and the STATS19 collisions. */
export const smallSnapshot = () => tempSnapshot((e) => ["police-uk/2025-05-staffordshire-street.csv.gz", "police-uk/2025-06-staffordshire-street.csv.gz",
  "ons/lsoa_to_lad_staffordshire_derived.csv.gz", "stats19/dft-road-casualty-statistics-collision-2023-staffordshire.csv.gz"].includes(e.path));

/** sha256 over every file's relative path and bytes (and the directory list), sorted. */
export function hashDir(dir: string): string {
  const hash = createHash("sha256");
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const rel = relative(dir, p).split(sep).join("/");
      if (statSync(p).isDirectory()) {
        hash.update(`dir ${rel}\n`);
        walk(p);
      } else hash.update(`file ${rel}\n`).update(readFileSync(p)).update("\n");
    }
  };
  walk(dir);
  return hash.digest("hex");
}

export function readManifestAt(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
}

export function writeManifestAt(dir: string, manifest: Manifest): void {
  writeFileSync(join(dir, "manifest.json"), formatManifest(manifest));
}

/**
 * Stores `content` at `path` in the snapshot (gzipped when the path ends .gz) and lists it in the manifest with
 * correct checksums, replacing any entry for the path: only the content itself is then wrong.
 */
export function putFile(dir: string, path: string, content: Buffer, meta: Pick<ManifestEntry, "source" | "kind" | "rows" | "period">, options: {raw?: boolean} = {}): void {
  const bytes = path.endsWith(".gz") && !options.raw ? gzipSync(content, {level: 9}) : content;
  mkdirSync(dirname(join(dir, path)), {recursive: true});
  writeFileSync(join(dir, path), bytes);
  const manifest = readManifestAt(dir);
  let facts: ReturnType<typeof fileFacts>;
  try {
    facts = fileFacts(bytes, path.endsWith(".gz"));
  } catch {
    facts = {...fileFacts(bytes, false)}; // not gzip after all: the reader must say so
  }
  manifest.files = [...manifest.files.filter((f) => f.path !== path), {path, licence: OGL, retrieved: "2026-11-21", url: "https://example.test/fixture", ...meta, ...facts}];
  writeManifestAt(dir, manifest);
}
