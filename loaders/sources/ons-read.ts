// Reading the ONS geography and population files of the snapshot (lookups, boundaries, population) with checks
// that name file, line and field like the police.uk and STATS19 readers do.
import {readFileSync} from "node:fs";
import {basename} from "node:path";
import {Readable} from "node:stream";
import {gunzipSync} from "node:zlib";
import {readCsv} from "../lib/csv.ts";
import {readHeader, requireColumns} from "../lib/csv-header.ts";
import {DataError} from "../lib/errors.ts";
import {LSOA_RE} from "./police-uk-schema.ts";

export const LAD_RE = /^[EW]0[6-9]\d{6}$/;

export interface LookupRow {
  line: number;
  lsoaCode: string;
  lsoaName: string;
  ladCode: string;
}

export interface PopulationRow {
  line: number;
  ladCode: string;
  population: number;
  period: string;
}

const labelOf = (source: string | Buffer, label?: string) => label ?? (typeof source === "string" ? basename(source) : "input");
const stream = (source: string | Buffer) => (typeof source === "string" ? source : Readable.from([source]));

/** An LSOA → LAD lookup: any CSV with at least lsoa_code, lsoa_name, lad_code. */
export async function* readLsoaLookup(source: string | Buffer, label?: string): AsyncGenerator<LookupRow> {
  const name = labelOf(source, label);
  const header = await readHeader(source, name);
  requireColumns(name, header, ["lsoa_code", "lsoa_name", "lad_code"]);
  for await (const {line, values: v} of readCsv(stream(source), {header, label: name})) {
    if (!LSOA_RE.test(v.lsoa_code)) throw new DataError(name, line, "lsoa_code", "an ONS LSOA code like E01029557", v.lsoa_code);
    if (!LAD_RE.test(v.lad_code)) throw new DataError(name, line, "lad_code", "an ONS local authority code like E07000197", v.lad_code);
    yield {line, lsoaCode: v.lsoa_code, lsoaName: v.lsoa_name, ladCode: v.lad_code};
  }
}

/**
 * Population by local authority: Nomis mid-year estimates (GEOGRAPHY_CODE, OBS_VALUE, DATE) or the embedded
 * census table (lad_code and a pop_census2021_rounded column).
 */
export async function* readPopulation(source: string | Buffer, label?: string): AsyncGenerator<PopulationRow> {
  const name = labelOf(source, label);
  const header = await readHeader(source, name);
  const nomis = header.includes("GEOGRAPHY_CODE");
  const [codeCol, valueCol, dateCol] = nomis ? ["GEOGRAPHY_CODE", "OBS_VALUE", "DATE"] : ["lad_code", "pop_census2021_rounded", null];
  requireColumns(name, header, [codeCol, valueCol, ...(dateCol ? [dateCol] : [])]);
  for await (const {line, values: v} of readCsv(stream(source), {header, label: name})) {
    if (!LAD_RE.test(v[codeCol])) throw new DataError(name, line, codeCol, "an ONS local authority code like E07000197", v[codeCol]);
    if (!/^\d+$/.test(v[valueCol]) || Number(v[valueCol]) <= 0) throw new DataError(name, line, valueCol, "a positive whole number of people", v[valueCol]);
    const period = dateCol ? v[dateCol] : "2021";
    if (!/^\d{4}$/.test(period)) throw new DataError(name, line, dateCol, "a year", period);
    yield {line, ladCode: v[codeCol], population: Number(v[valueCol]), period};
  }
}

/** Parsed JSON of a (gzipped) file, or a DataError naming the file. */
export function readJson(file: string, label = basename(file)): unknown {
  let bytes = readFileSync(file);
  if (file.endsWith(".gz")) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      const truncated = /unexpected end/i.test((error as Error).message);
      throw new DataError(label, null, null, truncated ? "a complete gzip stream" : "gzip data", truncated ? "a truncated file" : "bytes that are not gzip");
    }
  }
  const text = bytes.toString("utf8");
  if (text.includes("\uFFFD")) throw new DataError(label, null, null, "UTF-8 text", "bytes that are not UTF-8");
  if (file.replace(/\.gz$/, "").endsWith(".geojsonl")) {
    // One feature a line: wrap so the caller sees a FeatureCollection.
    const features = text.split(/\r?\n/).map((l, i) => [l, i + 1] as const).filter(([l]) => l.trim() !== "").map(([l, n]) => parseJson(l, label, n));
    return {type: "FeatureCollection", features};
  }
  return parseJson(text, label, null);
}

function parseJson(text: string, label: string, line: number | null): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataError(label, line, null, "JSON", (error as Error).message);
  }
}

type Position = number[];
interface Feature {
  type: string;
  properties: Record<string, unknown> | null;
  geometry: {type: string; coordinates: unknown} | null;
}

/** Checks a boundary FeatureCollection: polygons with lon/lat in the UK and an LSOA code each. Returns the codes. */
export function checkBoundaries(data: unknown, label: string, codeField?: string): string[] {
  const fc = data as {type?: string; features?: Feature[]};
  if (fc?.type !== "FeatureCollection" || !Array.isArray(fc.features)) throw new DataError(label, null, "type", "a GeoJSON FeatureCollection", String(fc?.type));
  return fc.features.map((f, i) => {
    const where = `features[${i}]`;
    const props = f?.properties ?? {};
    const field = codeField ?? Object.keys(props).find((k) => /^LSOA\d\dCD$/i.test(k));
    const code = field ? String(props[field]) : "";
    if (!LSOA_RE.test(code)) throw new DataError(label, null, `${where}.properties.${field ?? "LSOA21CD"}`, "an ONS LSOA code", code);
    const g = f.geometry;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) throw new DataError(label, null, `${where}.geometry`, "a Polygon or MultiPolygon", `${g?.type ?? "no geometry"} (${code})`);
    const rings = (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as Position[][][];
    for (const polygon of rings) {
      for (const ring of polygon) {
        if (!Array.isArray(ring) || ring.length < 4) throw new DataError(label, null, `${where}.geometry`, "rings of at least 4 positions", `${code}`);
        for (const [x, y] of ring) {
          if (!(Number.isFinite(x) && x >= -9 && x <= 3 && Number.isFinite(y) && y >= 49 && y <= 61)) {
            throw new DataError(label, null, `${where}.geometry.coordinates`, "longitude/latitude in the UK (WGS84)", `${x},${y} (${code})`);
          }
        }
      }
    }
    return code;
  });
}
