// The 2011 LSOA each 2021 LSOA of the force area comes from, for joining 2011-based data (IMD 2019) to police.uk's
// 2021 codes. Unchanged LSOAs keep their code. A 2021 LSOA made by splitting a 2011 one (23 here) takes the retired
// 2011 LSOA with its name stem ("Lichfield 008E" ← "Lichfield 008C"); where two retired LSOAs share the stem, the one
// whose 2011 polygon holds the child's centroid. The snapshot has no ONS LSOA11→LSOA21 lookup, so this is derived
// from names and shapes, and a child with no clear parent is left without one (and counted by its users).
import {geoCentroid, geoContains} from "d3";
import {readLsoaFeatures, readLsoaLookup} from "./boundaries.ts";
import {readManifest} from "../lib/manifest.ts";
import {SNAPSHOT_DIR} from "../lib/paths.ts";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import type {FeatureCollection, Geometry} from "geojson";
import {rewind} from "./boundaries.ts";

export interface LsoaParent {
  /** the code police.uk uses (2021 LSOA) */
  code: string;
  /** the 2011 LSOA it is, or was split from; null when no parent could be told */
  parent: string | null;
  /** "same": unchanged since 2011 (in both sets); "split": a 2021 child of a split 2011 LSOA; "retired": a 2011 LSOA
   * that was split or merged in 2021 (police.uk used it before June 2023 only) */
  change: "same" | "split" | "retired";
}

const stem = (name: string) => name.slice(0, -1);

/** Every LSOA code of the lookup with its 2011 parent (2011 codes map to themselves). */
export function lsoaParents(): Map<string, LsoaParent> {
  const lookup = readLsoaLookup();
  const out = new Map<string, LsoaParent>();
  const lad = new Set(lookup.map((d) => d.ladCode));
  for (const areaCode of [...lad].sort()) {
    const {features, retired, added} = readLsoaFeatures(areaCode);
    const polygons = lsoa11Polygons(areaCode);
    const retiredByStem = new Map<string, string[]>();
    for (const code of retired) {
      const name = polygons.get(code)!.name;
      retiredByStem.set(stem(name), [...(retiredByStem.get(stem(name)) ?? []), code]);
    }
    const addedSet = new Set(added);
    for (const f of features) {
      const {code, name} = f.properties;
      if (!addedSet.has(code)) {
        out.set(code, {code, parent: code, change: "same"});
        continue;
      }
      const candidates = retiredByStem.get(stem(name)) ?? [];
      let parent: string | null = candidates.length === 1 ? candidates[0] : null;
      if (candidates.length > 1) {
        const centre = geoCentroid(f);
        const holding = candidates.filter((c) => geoContains(polygons.get(c)!.feature, centre));
        parent = holding.length === 1 ? holding[0] : null;
      }
      out.set(code, {code, parent, change: "split"});
    }
    for (const code of retired) out.set(code, {code, parent: code, change: "retired"});
  }
  return out;
}

function lsoa11Polygons(areaCode: string): Map<string, {name: string; feature: {type: "Feature"; properties: object; geometry: Geometry}}> {
  const entry = readManifest().files.find((f) => f.source === "ons" && f.kind === "lsoa11-boundaries" && f.path.includes(areaCode));
  if (!entry) return new Map();
  const fc = JSON.parse(gunzipSync(readFileSync(join(SNAPSHOT_DIR, entry.path))).toString("utf8")) as FeatureCollection<Geometry, {LSOA11CD: string; LSOA11NM: string}>;
  return new Map(fc.features.map((f) => [f.properties.LSOA11CD, {name: f.properties.LSOA11NM, feature: {type: "Feature" as const, properties: {}, geometry: rewind(f.geometry)}}]));
}
