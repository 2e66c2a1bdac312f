// Boundaries from the snapshot, as GeoJSON features ready for d3-geo / Plot (clockwise exterior rings):
// LSOAs (2011 polygons, with the 2011 LSOAs that split in 2021 replaced by their 2021 children), 2013 wards
// and the 2021 local authority districts. All read from data/snapshot/ons/ through the manifest.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {geoArea} from "d3";
import {csvParse} from "d3-dsv";
import {feature, merge} from "topojson-client";
import {topology} from "topojson-server";
import type {Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position} from "geojson";
import type {GeometryCollection, Topology} from "topojson-specification";
import {readManifest} from "../lib/manifest.ts";
import {SNAPSHOT_DIR} from "../lib/paths.ts";

export interface PlaceProps {
  code: string;
  name: string;
}
export type PlaceFeature = Feature<Polygon | MultiPolygon, PlaceProps>;

function snapshotFiles(kind: string): string[] {
  return readManifest().files.filter((f) => f.source === "ons" && f.kind === kind).map((f) => join(SNAPSHOT_DIR, f.path)).sort();
}

const readGz = (file: string) => gunzipSync(readFileSync(file)).toString("utf8");

/** d3-geo draws spherical polygons: an exterior ring must run clockwise, or the shape is "the world minus it". */
function rewindPolygon(rings: Position[][]): Position[][] {
  return geoArea({type: "Polygon", coordinates: rings}) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
}

export function rewind<G extends Geometry>(geometry: G): G {
  if (geometry.type === "Polygon") return {...geometry, coordinates: rewindPolygon(geometry.coordinates)};
  if (geometry.type === "MultiPolygon") return {...geometry, coordinates: geometry.coordinates.map(rewindPolygon)};
  return geometry;
}

const place = (code: string, name: string, geometry: Geometry): PlaceFeature =>
  ({type: "Feature", properties: {code, name}, geometry: rewind(geometry) as Polygon | MultiPolygon});

export interface LsoaLookupRow {
  lsoaCode: string;
  lsoaName: string;
  ladCode: string;
}

/** The snapshot's LSOA → local authority lookup (2011 and 2021 codes). */
export function readLsoaLookup(): LsoaLookupRow[] {
  return snapshotFiles("lsoa-lookup").flatMap((f) => csvParse(readGz(f)).map((d) => ({lsoaCode: d.lsoa_code!, lsoaName: d.lsoa_name!, ladCode: d.lad_code!})));
}

/**
 * LSOA polygons for one local authority: the 2011 set (code and name from the 2011 release), with every 2011 LSOA
 * that was split in 2021 replaced by its 2021 children from the separate 2021 release. `parents` lists the retired
 * 2011 codes that were dropped.
 */
export function readLsoaFeatures(areaCode: string): {features: PlaceFeature[]; retired: string[]; added: string[]} {
  const lookup = readLsoaLookup();
  const ladOf = new Map(lookup.map((d) => [d.lsoaCode, d.ladCode]));
  const splits = snapshotFiles("lsoa21-boundaries").flatMap((f) => readGz(f).split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Feature<Geometry, {LSOA21CD: string; LSOA21NM: string}>));
  const children = splits.filter((f) => ladOf.get(f.properties.LSOA21CD) === areaCode);
  // A 2011 LSOA is retired when police.uk no longer uses its code (the lookup marks codes seen in 2024–25) and a 2021
  // child carries its name stem (e.g. "Lichfield 008C" → "Lichfield 008E", "Lichfield 008F").
  const seen = new Set(csvRowsSeen());
  const childStems = new Set(children.map((f) => f.properties.LSOA21NM.slice(0, -1)));
  const file = snapshotFiles("lsoa11-boundaries").find((f) => f.includes(areaCode));
  const lsoa11 = file ? (JSON.parse(readGz(file)) as FeatureCollection<Geometry, {LSOA11CD: string; LSOA11NM: string}>).features : [];
  const retired = lsoa11.filter((f) => !seen.has(f.properties.LSOA11CD) && childStems.has(f.properties.LSOA11NM.slice(0, -1))).map((f) => f.properties.LSOA11CD);
  const dropped = new Set(retired);
  const features = [
    ...lsoa11.filter((f) => !dropped.has(f.properties.LSOA11CD)).map((f) => place(f.properties.LSOA11CD, f.properties.LSOA11NM, f.geometry)),
    ...children.map((f) => place(f.properties.LSOA21CD, f.properties.LSOA21NM, f.geometry))
  ];
  return {features, retired, added: children.map((f) => f.properties.LSOA21CD)};
}

/** LSOA codes police.uk used in 2024–25 (the lookup's `seen_in_policeuk_2024_2025` flag). */
function csvRowsSeen(): string[] {
  return snapshotFiles("lsoa-lookup").flatMap((f) => csvParse(readGz(f)).filter((d) => d.seen_in_policeuk_2024_2025 === "1").map((d) => d.lsoa_code!));
}

/**
 * One local authority's outline, dissolved from its 2011 LSOA polygons (a more detailed outline than the snapshot's
 * LAD file, and the same release for all nine areas, so neighbouring outlines meet).
 */
export function readAreaOutline(areaCode: string, name: string): PlaceFeature | null {
  const file = snapshotFiles("lsoa11-boundaries").find((f) => f.includes(areaCode));
  if (!file) return null;
  const fc = JSON.parse(readGz(file)) as FeatureCollection<Geometry>;
  const topo = topology({lsoa: fc}, 1e6) as unknown as Topology<{lsoa: GeometryCollection}>;
  return place(areaCode, name, merge(topo, topo.objects.lsoa.geometries as never));
}

/** 2013 electoral wards of one local authority (WD13CD/WD13NM). */
export function readWardFeatures(areaCode: string): PlaceFeature[] {
  const file = snapshotFiles("wards2013-boundaries").find((f) => f.includes(areaCode));
  if (!file) return [];
  const topo = JSON.parse(readGz(file)) as Topology;
  return Object.values(topo.objects).flatMap((object) => {
    const fc = feature(topo, object) as FeatureCollection<Geometry, {WD13CD: string; WD13NM: string}> | Feature<Geometry, {WD13CD: string; WD13NM: string}>;
    const list = fc.type === "FeatureCollection" ? fc.features : [fc];
    return list.map((f) => place(f.properties.WD13CD, f.properties.WD13NM, f.geometry));
  });
}

/** 2021 local authority districts with the given codes. */
export function readLadFeatures(codes: string[]): PlaceFeature[] {
  const wanted = new Set(codes);
  const file = snapshotFiles("lad-boundaries")[0];
  const topo = JSON.parse(readGz(file)) as Topology;
  const fc = feature(topo, topo.objects.geog) as FeatureCollection<Geometry, {AREACD: string; AREANM: string}>;
  return fc.features.filter((f) => wanted.has(f.properties.AREACD)).map((f) => place(f.properties.AREACD, f.properties.AREANM, f.geometry));
}
