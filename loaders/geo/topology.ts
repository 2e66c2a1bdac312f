// Web-weight geometry: GeoJSON layers → one TopoJSON topology (shared edges stored once), simplified
// (Visvalingam, keeping a share of points) and quantized so coordinates are small integers.
import {topology} from "topojson-server";
import {presimplify, quantile, simplify} from "topojson-simplify";
import {quantize} from "topojson-client";
import type {Objects, Topology} from "topojson-specification";
import type {PlaceFeature} from "./boundaries.ts";

export interface TopologyOptions {
  /** share of points kept, 0–1 (the rest are the least visible ones) */
  keep?: number;
  /** quantization grid (points per side of the bounding box) */
  quantization?: number;
}

/** Each layer becomes one object of the topology; features keep only their code (as `id`). */
export function webTopology(layers: Record<string, PlaceFeature[]>, {keep = 0.2, quantization = 1e4}: TopologyOptions = {}): Topology {
  const objects = Object.fromEntries(Object.entries(layers).map(([name, features]) => [name, {
    type: "FeatureCollection",
    features: features.map((f) => ({type: "Feature", id: f.properties.code, properties: null, geometry: f.geometry}))
  }]));
  // Quantizing first snaps shared edges to the same grid points, so neighbours share arcs (stored once).
  const snapped = topology(objects as never, 1e5) as Topology<Objects<{}>>;
  // presimplify decodes arcs to absolute longitude/latitude (with a weight per point); simplify keeps those
  // coordinates but also the old transform, which no longer applies: drop it, then quantize for the web.
  const topo = presimplify(snapped);
  const simplified = simplify(topo, quantile(topo, keep));
  delete simplified.transform;
  return quantize(simplified, quantization);
}

/** Number of coordinates in a set of polygons (to choose how much to simplify). */
export function pointCount(features: PlaceFeature[]): number {
  return features.reduce((n, f) => n + (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates).flat().reduce((m, ring) => m + ring.length, 0), 0);
}
