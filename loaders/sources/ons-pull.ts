// Pulling ONS geography and population for the force's local authorities: the LSOA 2021 → LAD lookup and
// LSOA 2021 boundaries from ONS Open Geography (ArcGIS REST, paged), and mid-year population from Nomis.
import {csvFormat} from "d3-dsv";
import {DataError, FetchError} from "../lib/errors.ts";
import {fetchBytes, fetchJson, garbage, rebase} from "../lib/http.ts";
import type {NewFile, PullContext, SourceResult} from "../lib/pull-context.ts";
import {checkBoundaries, readLsoaLookup, readPopulation} from "./ons-read.ts";

/**
 * ONS renames services with every release (LAD25 → LAD26, _V4 → _V5): the one place to change them.
 * Field names follow the service's vintage.
 */
export const ONS_SERVICES = {
  arcgis: "https://services1.arcgis.com/ESMARspQHYMw9BZ9/arcgis/rest/services",
  lookup: {service: "LSOA21_WD25_LAD25_EW_LU_v2", lsoaCode: "LSOA21CD", lsoaName: "LSOA21NM", ladCode: "LAD25CD", ladName: "LAD25NM", period: "2025"},
  boundaries: {service: "Lower_layer_Super_Output_Areas_December_2021_Boundaries_EW_BSC_V4", lsoaCode: "LSOA21CD", lsoaName: "LSOA21NM", period: "2021"},
  nomis: {url: "https://www.nomisweb.co.uk/api/v01/dataset/NM_2002_1.data.csv", query: "date=latest&gender=0&c_age=200&measures=20100"}
};

export interface OnsOptions {
  /** features per ArcGIS request (the services allow up to 2000) */
  pageSize?: number;
  /** LSOA codes per boundary query, to keep URLs short */
  codesPerQuery?: number;
}

type Attributes = Record<string, unknown>;
interface GeoFeature {
  type: "Feature";
  properties: Attributes;
  geometry: unknown;
}

export const queryUrl = (service: string, params: Record<string, string>) =>
  `${ONS_SERVICES.arcgis}/${service}/FeatureServer/0/query?${new URLSearchParams(params)}`;

const inList = (field: string, codes: string[]) => `${field} IN (${codes.map((c) => `'${c}'`).join(",")})`;

/** All features of a query, page by page (resultOffset) while the service says exceededTransferLimit. */
async function queryAll<T>(ctx: PullContext, service: string, params: Record<string, string>, format: "json" | "geojson", pageSize: number): Promise<T[]> {
  const features: T[] = [];
  for (let offset = 0; ; ) {
    const url = rebase(queryUrl(service, {...params, resultOffset: String(offset), resultRecordCount: String(pageSize), f: format}), ctx.baseUrl);
    const page = (await fetchJson(url, ctx.http)) as {error?: {code?: number; message?: string}; features?: T[]; exceededTransferLimit?: boolean; properties?: {exceededTransferLimit?: boolean}};
    if (page?.error) throw new FetchError(url, `ArcGIS error ${page.error.code ?? ""}: ${page.error.message ?? "no message"}`.replace("  ", " "));
    if (!Array.isArray(page?.features)) throw garbage(url, "an ArcGIS query result with features", Buffer.from(JSON.stringify(page) ?? ""));
    features.push(...page.features);
    const more = page.exceededTransferLimit ?? page.properties?.exceededTransferLimit ?? false;
    if (!more) return features;
    if (!page.features.length) throw new FetchError(url, "ArcGIS paging made no progress (exceededTransferLimit with no features)");
    offset += page.features.length;
  }
}

export async function pullOns(ctx: PullContext, options: OnsOptions = {}): Promise<SourceResult> {
  const pageSize = options.pageSize ?? 2000;
  const lookup = await pullLookup(ctx, pageSize);
  const boundaries = await pullBoundaries(ctx, lookup.codes, pageSize, options.codesPerQuery ?? 100);
  const population = await pullPopulation(ctx);
  return {files: [lookup.file, boundaries, population], skipped: []};
}

async function pullLookup(ctx: PullContext, pageSize: number): Promise<{file: NewFile; codes: string[]}> {
  const cfg = ONS_SERVICES.lookup;
  const params = {where: inList(cfg.ladCode, ctx.ladCodes), outFields: "*", orderByFields: cfg.lsoaCode, returnGeometry: "false"};
  ctx.log(`ons: LSOA → LAD lookup from ${cfg.service}`);
  const features = await queryAll<{attributes?: Attributes}>(ctx, cfg.service, params, "json", pageSize);
  const label = `${cfg.service} query`;
  const byCode = new Map<string, {lsoa_code: string; lsoa_name: string; lad_code: string; lad_name: string}>();
  features.forEach((f, i) => {
    const a = f?.attributes ?? {};
    const row = {lsoa_code: String(a[cfg.lsoaCode] ?? ""), lsoa_name: String(a[cfg.lsoaName] ?? ""), lad_code: String(a[cfg.ladCode] ?? ""), lad_name: String(a[cfg.ladName] ?? "")};
    const before = byCode.get(row.lsoa_code);
    if (before && before.lad_code !== row.lad_code) throw new DataError(label, null, `features[${i}].attributes.${cfg.ladCode}`, `one LAD for ${row.lsoa_code} (${before.lad_code})`, row.lad_code);
    byCode.set(row.lsoa_code, row);
  });
  const rows = [...byCode.values()].sort((a, b) => a.lsoa_code.localeCompare(b.lsoa_code));
  for (const lad of ctx.ladCodes) {
    if (!rows.some((r) => r.lad_code === lad)) throw new DataError(label, null, cfg.ladCode, `LSOAs for every local authority of the force`, `none for ${lad}`);
  }
  const content = Buffer.from(csvFormat(rows, ["lsoa_code", "lsoa_name", "lad_code", "lad_name"]) + "\n", "utf8");
  const path = `ons/lsoa21_to_lad_${ctx.forceId}.csv.gz`;
  let count = 0;
  for await (const _ of readLsoaLookup(content, path)) ++count;
  const url = queryUrl(cfg.service, {...params, f: "json"});
  return {file: {path, source: "ons", kind: "lsoa-lookup", url, content, rows: count, period: cfg.period}, codes: rows.map((r) => r.lsoa_code)};
}

async function pullBoundaries(ctx: PullContext, codes: string[], pageSize: number, codesPerQuery: number): Promise<NewFile> {
  const cfg = ONS_SERVICES.boundaries;
  ctx.log(`ons: ${codes.length} LSOA 2021 boundaries from ${cfg.service}`);
  const byCode = new Map<string, GeoFeature>();
  for (let i = 0; i < codes.length; i += codesPerQuery) {
    const chunk = codes.slice(i, i + codesPerQuery);
    const params = {where: inList(cfg.lsoaCode, chunk), outFields: `${cfg.lsoaCode},${cfg.lsoaName}`, outSR: "4326", orderByFields: cfg.lsoaCode};
    for (const f of await queryAll<GeoFeature>(ctx, cfg.service, params, "geojson", pageSize)) {
      const code = String(f?.properties?.[cfg.lsoaCode] ?? "");
      // Keep only the two code/name properties, in a fixed order, so identical boundaries give identical bytes.
      byCode.set(code, {type: "Feature", properties: {[cfg.lsoaCode]: code, [cfg.lsoaName]: f?.properties?.[cfg.lsoaName] ?? null}, geometry: f?.geometry ?? null});
    }
  }
  const label = `${cfg.service} query`;
  const missing = codes.filter((c) => !byCode.has(c));
  if (missing.length) throw new DataError(label, null, cfg.lsoaCode, `a boundary for every LSOA in the lookup`, `${missing.length} missing (${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""})`);
  const features = codes.map((c) => byCode.get(c)!);
  const path = `ons/lsoa21_boundaries_${ctx.forceId}.geojsonl.gz`;
  checkBoundaries({type: "FeatureCollection", features}, path, cfg.lsoaCode);
  // One feature a line, like the embedded split-areas file (loaders/geo reads lsoa21-boundaries that way).
  const content = Buffer.from(features.map((f) => JSON.stringify(f)).join("\n") + "\n", "utf8");
  const url = queryUrl(cfg.service, {where: `${cfg.lsoaCode} IN (<LSOAs of ${ctx.ladCodes.join(",")}>)`, outFields: `${cfg.lsoaCode},${cfg.lsoaName}`, outSR: "4326", f: "geojson"});
  return {path, source: "ons", kind: "lsoa21-boundaries", url, content, rows: features.length, period: cfg.period};
}

async function pullPopulation(ctx: PullContext): Promise<NewFile> {
  const cfg = ONS_SERVICES.nomis;
  const liveUrl = `${cfg.url}?geography=${ctx.ladCodes.join(",")}&${cfg.query}`;
  const url = rebase(liveUrl, ctx.baseUrl);
  ctx.log(`ons: population from ${url}`);
  const content = await fetchBytes(url, ctx.http);
  if (/^\s*</.test(content.subarray(0, 100).toString("utf8"))) throw garbage(url, "CSV text", content);
  const path = `ons/population_mye_lad_${ctx.forceId}.csv.gz`;
  const seen = new Map<string, number>();
  const periods = new Set<string>();
  let rows = 0;
  for await (const r of readPopulation(content, path)) {
    if (seen.has(r.ladCode)) throw new DataError(path, r.line, "GEOGRAPHY_CODE", `one row per local authority`, `${r.ladCode} again (first on line ${seen.get(r.ladCode)})`);
    seen.set(r.ladCode, r.line);
    periods.add(r.period);
    ++rows;
  }
  const missing = ctx.ladCodes.filter((c) => !seen.has(c));
  if (missing.length) throw new DataError(path, null, "GEOGRAPHY_CODE", `a row for every local authority of the force`, `none for ${missing.join(", ")}`);
  if (periods.size !== 1) throw new DataError(path, null, "DATE", "one year", [...periods].join(", "));
  return {path, source: "ons", kind: "population-mye", url: liveUrl, content, rows, period: [...periods][0]};
}
