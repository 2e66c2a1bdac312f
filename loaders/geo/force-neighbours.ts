// Which districts share a boundary, from the snapshot's 2021 district topology (ONS boundaries: two districts are
// neighbours when their shapes share an arc), and so which forces are neighbours: forces whose areas share a
// district boundary. Coastline-only contact (across an estuary) does not count.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {neighbors} from "topojson-client";
import type {GeometryObject, Topology} from "topojson-specification";
import {readManifest} from "../lib/manifest.ts";
import {SNAPSHOT_DIR} from "../lib/paths.ts";
import type {ForceAreas} from "./force-areas.ts";

/** District code → codes of the districts it shares a boundary with. */
export function districtNeighbours(dir = SNAPSHOT_DIR): Map<string, Set<string>> {
  const entry = readManifest(dir).files.find((f) => f.source === "ons" && f.kind === "lad-boundaries");
  if (!entry) throw new Error(`${dir}: no ons/lad-boundaries file in the manifest`);
  const topo = JSON.parse(gunzipSync(readFileSync(join(dir, entry.path))).toString("utf8")) as Topology;
  const object = topo.objects.geog as unknown as {geometries: (GeometryObject & {properties: {AREACD: string}})[]};
  if (!object?.geometries) throw new Error(`${entry.path}: expected a TopoJSON object "geog" of districts`);
  const codes = object.geometries.map((g) => g.properties.AREACD);
  const out = new Map<string, Set<string>>(codes.map((c) => [c, new Set<string>()]));
  neighbors(object.geometries).forEach((list, i) => list.forEach((j) => out.get(codes[i])!.add(codes[j])));
  return out;
}

export interface ForceNeighbours {
  /** forces whose areas share a district boundary with the force's; sharedBorders counts the pairs of bordering districts */
  forces: {force: string; name: string; sharedBorders: number}[];
  /** bordering districts that belong to no force in the data (their force's files are absent) */
  unassigned: {code: string; name: string}[];
}

/** Districts and the force each is in (null: none can be told), as the districts extract or ForceAreas give them. */
export interface DistrictOwner {
  code: string;
  name: string;
  force: string | null;
}

export function districtOwners(areas: ForceAreas): DistrictOwner[] {
  return [...areas.forces.flatMap((f) => f.districts.map((d) => ({code: d.code, name: d.name, force: f.force}))), ...areas.unassigned.map((u) => ({code: u.code, name: u.name, force: null}))];
}

export function forceNeighbours(districts: DistrictOwner[], names: Map<string, string>, force: string, adjacency: Map<string, Set<string>>): ForceNeighbours {
  const owner = new Map(districts.map((d) => [d.code, d]));
  const own = districts.filter((d) => d.force === force);
  if (!own.length) throw new Error(`no force area for ${force}`);
  const shared = new Map<string, number>();
  const unassigned = new Map<string, string>();
  for (const d of own) {
    for (const n of adjacency.get(d.code) ?? []) {
      const o = owner.get(n);
      if (!o || o.force === force) continue;
      if (o.force) shared.set(o.force, (shared.get(o.force) ?? 0) + 1);
      else unassigned.set(n, o.name);
    }
  }
  return {
    forces: [...shared].map(([f, n]) => ({force: f, name: names.get(f) ?? f, sharedBorders: n})).sort((a, b) => b.sharedBorders - a.sharedBorders || a.name.localeCompare(b.name)),
    unassigned: [...unassigned].map(([code, n]) => ({code, name: n})).sort((a, b) => a.name.localeCompare(b.name))
  };
}
