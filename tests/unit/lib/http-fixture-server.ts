// A real HTTP server on 127.0.0.1 for pull tests: serves fixture files at the live sources' paths, emulates
// ArcGIS FeatureServer queries (where … IN, paging), and can misbehave on request (status codes, hangs, garbage).
import {existsSync, readFileSync, statSync} from "node:fs";
import {createServer, type IncomingMessage, type ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";
import {join, normalize} from "node:path";

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** send headers and this many body bytes, then stall forever (a stuck download) */
  stallAfter?: number;
  /** never answer at all */
  hang?: boolean;
  /** send the body one byte every this many milliseconds (a download that never stalls long enough to time out) */
  trickleMs?: number;
}

export type Handler = (url: URL, req: IncomingMessage) => Reply | undefined;

export interface FixtureServer {
  baseUrl: string;
  /** "GET /path?query" for every request, in order */
  requests: string[];
  /** handlers are tried newest first, before the static files */
  use(handler: Handler): void;
  close(): Promise<void>;
}

export async function startFixtureServer(root: string, handlers: Handler[] = []): Promise<FixtureServer> {
  const chain = [...handlers];
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    let reply: Reply | undefined;
    for (const h of [...chain].reverse()) if ((reply = h(url, req))) break;
    reply ??= staticFile(root, url.pathname) ?? {status: 404, headers: {"content-type": "text/html"}, body: "<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>"};
    send(req, res, reply);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    use: (h) => void chain.push(h),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    })
  };
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  if (reply.hang) return; // the socket stays open until the client gives up or the server closes
  const body = typeof reply.body === "string" ? Buffer.from(reply.body) : (reply.body ?? Buffer.alloc(0));
  res.writeHead(reply.status ?? 200, {"content-length": String(body.length), ...reply.headers});
  if (req.method === "HEAD") return void res.end();
  if (reply.stallAfter !== undefined) return void res.write(body.subarray(0, reply.stallAfter));
  if (reply.trickleMs !== undefined) {
    let sent = 0;
    const timer = setInterval(() => {
      if (sent >= body.length) return void (clearInterval(timer), res.end());
      res.write(body.subarray(sent, ++sent));
    }, reply.trickleMs);
    res.on("close", () => clearInterval(timer));
    return;
  }
  res.end(body);
}

function staticFile(root: string, pathname: string): Reply | undefined {
  const file = join(root, normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, ""));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return undefined;
  const type = file.endsWith(".zip") ? "application/zip" : file.endsWith(".csv") ? "text/csv" : "application/json";
  return {headers: {"content-type": type}, body: readFileSync(file)};
}

/** Always this reply for one path. */
export function at(pathname: string, reply: Reply | (() => Reply)): Handler {
  return (url) => (url.pathname === pathname ? (typeof reply === "function" ? reply() : reply) : undefined);
}

/** `reply` for the first `times` requests of a path, then fall through to the next handler or the files. */
export function failFirst(pathname: string, times: number, reply: Reply): Handler {
  let n = 0;
  return (url) => (url.pathname === pathname && n++ < times ? reply : undefined);
}

type Attributes = Record<string, string | number | null>;

/**
 * An ArcGIS FeatureServer layer: `…/{service}/FeatureServer/0/query` with `where=FIELD IN ('a','b')`
 * (or 1=1), resultOffset/resultRecordCount paging, orderByFields, and f=json (attributes) or f=geojson.
 */
export function arcgisLayer(service: string, rows: {attributes: Attributes; geometry?: unknown}[], options: {maxRecordCount?: number} = {}): Handler {
  const path = `/ESMARspQHYMw9BZ9/arcgis/rest/services/${service}/FeatureServer/0/query`;
  return (url) => {
    if (url.pathname !== path) return undefined;
    const q = url.searchParams;
    const where = q.get("where") ?? "1=1";
    const m = /^(\w+) IN \(((?:'[^']*',?)*)\)$/.exec(where);
    if (!m && where !== "1=1") return json({error: {code: 400, message: "Unable to complete operation.", details: [`Invalid where: ${where}`]}});
    const wanted = m ? new Set(m[2].split(",").map((s) => s.replace(/'/g, ""))) : null;
    let hits = rows.filter((r) => !wanted || wanted.has(String(r.attributes[m![1]])));
    const order = q.get("orderByFields");
    if (order) hits = [...hits].sort((a, b) => String(a.attributes[order]).localeCompare(String(b.attributes[order])));
    const offset = Number(q.get("resultOffset") ?? 0);
    const count = Math.min(Number(q.get("resultRecordCount") ?? 2000), options.maxRecordCount ?? 2000);
    const page = hits.slice(offset, offset + count);
    const exceeded = offset + count < hits.length;
    const fields = (q.get("outFields") ?? "*") === "*" ? null : q.get("outFields")!.split(",");
    const pick = (a: Attributes) => (fields ? Object.fromEntries(fields.map((f) => [f, a[f] ?? null])) : a);
    if (q.get("f") === "geojson") {
      return json({type: "FeatureCollection", features: page.map((r, i) => ({type: "Feature", id: offset + i + 1, geometry: r.geometry ?? null, properties: pick(r.attributes)})),
        ...(exceeded ? {properties: {exceededTransferLimit: true}} : {})});
    }
    return json({objectIdFieldName: "ObjectId", globalIdFieldName: "", fields: Object.keys(pick(rows[0]?.attributes ?? {})).map((name) => ({name, type: "esriFieldTypeString", alias: name})),
      features: page.map((r) => ({attributes: pick(r.attributes)})), ...(exceeded ? {exceededTransferLimit: true} : {})});
  };
}

const json = (data: unknown): Reply => ({headers: {"content-type": "application/json; charset=utf-8"}, body: JSON.stringify(data)});

/** The ONS fixtures (lookup attributes and boundaries) as two ArcGIS layers. */
export function onsLayers(fixtures: string, services: {lookup: string; boundaries: string}, options: {maxRecordCount?: number} = {}): Handler[] {
  const attributes = JSON.parse(readFileSync(join(fixtures, "ons", "lookup-attributes.json"), "utf8")) as Attributes[];
  const boundaries = JSON.parse(readFileSync(join(fixtures, "ons", "lsoa21-boundaries.geojson"), "utf8")) as {features: {properties: Attributes; geometry: unknown}[]};
  return [
    arcgisLayer(services.lookup, attributes.map((a) => ({attributes: a})), options),
    arcgisLayer(services.boundaries, boundaries.features.map((f) => ({attributes: f.properties, geometry: f.geometry})), options)
  ];
}
