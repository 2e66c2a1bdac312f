// Keys for our build caches: they change whenever the snapshot's content on disk, the reference tables or the code
// that reads them changes, so a cached extract or chart is never stale.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {sha256, snapshotContentKey} from "./manifest.ts";
import {moduleGraphBytes} from "./module-graph.ts";
import {ROOT} from "./paths.ts";

function referenceBytes(): Buffer[] {
  return [{dir: "data/reference", ext: /\.(csv|json)$/}, {dir: "data/reference/documents", ext: /\.csv$/}]
    .flatMap(({dir, ext}) => readdirSync(join(ROOT, dir)).filter((f) => ext.test(f)).sort().map((f) => readFileSync(join(ROOT, dir, f))));
}

/** Hash of the snapshot, of data/reference, and of every .ts file in the given folders (relative to the root). */
export function cacheKey(codeDirs: string[]): string {
  const code = codeDirs.flatMap((dir) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(".ts")).sort().map((f) => readFileSync(join(ROOT, dir, f))));
  return `${snapshotContentKey()}-${sha256(Buffer.concat([...code, ...referenceBytes()])).slice(0, 12)}`;
}

/** Hash of the snapshot, of data/reference, and of the given modules and everything they import (see module-graph.ts). */
export function moduleCacheKey(entries: string[]): string {
  return `${snapshotContentKey()}-${sha256(Buffer.concat([moduleGraphBytes(entries), ...referenceBytes()])).slice(0, 12)}`;
}
