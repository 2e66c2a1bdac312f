// Which extracts the current snapshot can build, decided from the manifest alone (no DuckDB), so the
// site configuration can list their download paths before anything is built.
import {readManifest} from "../lib/manifest.ts";
import {EXTRACTS} from "./definitions.ts";

export function availableExtracts(): Set<string> {
  const kinds = new Set(readManifest().files.map((f) => `${f.source}/${f.kind}`));
  return new Set(EXTRACTS.filter((e) => e.needs.every((k) => kinds.has(k))).map((e) => e.name));
}
