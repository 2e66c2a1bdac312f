// One-off, like scripts/seed-snapshot.ts (run it again after a re-seed): copies the 2013 electoral ward
// boundaries for the force's local authorities from the project's raw copy into data/snapshot/ons/wards_by_lad/
// (content exactly as published, gzip -9 -n) and adds their manifest entries. The area finder uses the ward
// names as place names; the area maps use the wards to say roughly where an LSOA is.
// Run: npx tsx loaders/geo/seed-wards.ts [raw dir]
import {execFileSync} from "node:child_process";
import {mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {areas} from "../lib/force.ts";
import {fileFacts, formatManifest, OGL, readManifest, type ManifestEntry} from "../lib/manifest.ts";
import {MANIFEST_FILE, SNAPSHOT_DIR} from "../lib/paths.ts";

const RAW = process.argv[2] ?? join("..", "shared", "data", "raw");
const RETRIEVED = "2026-11-21";
const MARTINJC = "github.com/martinjc/UK-GeoJSON@88339000fc8711feb9c146d5cd7d145bf286350d";

const manifest = readManifest();
const added: ManifestEntry[] = [];
mkdirSync(join(SNAPSHOT_DIR, "ons", "wards_by_lad"), {recursive: true});
for (const area of areas) {
  const name = `topo_${area.code}.json`;
  const src = join(RAW, "ons-boundaries-martinjc", "wards_by_lad", name);
  const text = readFileSync(src, "utf8");
  const topo = JSON.parse(text) as {objects: Record<string, {geometries: unknown[]}>};
  const bytes = execFileSync("gzip", ["-9", "-n", "-c", src]);
  const path = `ons/wards_by_lad/${name}.gz`;
  writeFileSync(join(SNAPSHOT_DIR, path), bytes);
  added.push({
    path, source: "ons", licence: OGL, retrieved: RETRIEVED, kind: "wards2013-boundaries",
    url: "https://geoportal.statistics.gov.uk/ (Wards December 2013 generalised clipped boundaries)",
    copiedFrom: `${MARTINJC} json/electoral/eng/wards_by_lad/${name}`,
    rows: Object.values(topo.objects).reduce((s, o) => s + o.geometries.length, 0), period: "2013",
    ...fileFacts(bytes, true)
  });
}
const paths = new Set(added.map((f) => f.path));
const files = [...manifest.files.filter((f) => !paths.has(f.path)), ...added];
writeFileSync(join(SNAPSHOT_DIR, MANIFEST_FILE), formatManifest({...manifest, files}));
console.log(`wards: ${added.length} files, ${added.reduce((s, f) => s + (f.rows ?? 0), 0)} wards`);
