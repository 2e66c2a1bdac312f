// A static server for dist/ on 127.0.0.1: what `npm start` runs and what the browser tests use.
// It behaves like a careful static host: clean URLs (/about → about.html), one address per page (a trailing slash
// on a page, or a missing one on a folder, is a redirect: Framework's pages use relative module paths, so a page
// served at the wrong depth would lose its scripts), precompressed .gz files for clients that accept gzip, and
// byte ranges, conditional requests and ETags from `send` (Express's file sender). Anything it cannot serve gets
// a status that says why (400, 404, 405, 416) and never an exception: a request cannot stop the server.
import {existsSync, readFileSync, statSync} from "node:fs";
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import {extname, join, resolve, sep} from "node:path";
import send from "send";

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Content types by extension, so data files are labelled for what they are (send's table lacks some). */
export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".parquet": "application/vnd.apache.parquet",
  ".arrow": "application/vnd.apache.arrow.file",
  ".wasm": "application/wasm",
  ".gz": "application/gzip",
  ".zip": "application/zip"
};

const ALLOW = "GET, HEAD";

/** Hashed files never change; pages and data are revalidated. */
const cacheControl = (path: string) => (/\.[0-9a-f]{8}\.|\/_npm\/|\/_node\//.test(path) ? "public, max-age=31536000, immutable" : "no-cache");

/** Where a request path leads: a file to send, a redirect to the page's one address, or nothing. */
type Route = {file: string} | {redirect: string} | null;

export function route(dir: string, path: string): Route {
  const isFile = (p: string) => {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  };
  const local = (p: string) => resolve(dir, "." + p);
  if (path.endsWith("/")) {
    if (isFile(join(local(path), "index.html"))) return {file: join(local(path), "index.html")};
    const bare = path.slice(0, -1);
    if (path !== "/" && (isFile(local(bare) + ".html") || isFile(local(bare)))) return {redirect: bare};
    return null;
  }
  if (isFile(local(path))) return {file: local(path)};
  if (isFile(local(path) + ".html")) return {file: local(path) + ".html"};
  if (isFile(join(local(path), "index.html"))) return {redirect: path + "/"};
  return null;
}

/** The request handler for `dir` (exported for tests that drive it without a browser). */
export function staticHandler(dir: string): (req: IncomingMessage, res: ServerResponse) => void {
  dir = resolve(dir);
  const notFoundFile = join(dir, "404.html");
  const notFound = existsSync(notFoundFile) ? readFileSync(notFoundFile) : Buffer.from("Not found\n");

  const plain = (req: IncomingMessage, res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(status, {"Content-Type": "text/plain; charset=utf-8", "Content-Length": String(Buffer.byteLength(text)), ...headers});
    res.end(req.method === "HEAD" ? undefined : text);
  };
  const page404 = (req: IncomingMessage, res: ServerResponse) => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(404, {"Content-Type": CONTENT_TYPES[".html"], "Content-Length": String(notFound.length), "Cache-Control": "no-cache"});
    res.end(req.method === "HEAD" ? undefined : notFound);
  };

  return (req, res) => {
    try {
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Referrer-Policy", "same-origin");
      if (req.method === "OPTIONS") return void plain(req, res, 204, "", {Allow: ALLOW});
      if (req.method !== "GET" && req.method !== "HEAD") return void plain(req, res, 405, `Method ${req.method} not allowed: this site is read-only\n`, {Allow: ALLOW});
      const raw = req.url ?? "";
      if (!raw.startsWith("/")) return void plain(req, res, 400, "Bad request: expected a path starting with /\n");
      const q = raw.indexOf("?");
      const rawPath = q < 0 ? raw : raw.slice(0, q);
      const query = q < 0 ? "" : raw.slice(q).replace(/[^\x21-\x7e]/g, encodeURIComponent);
      let path: string;
      try {
        path = decodeURIComponent(rawPath);
      } catch {
        return void plain(req, res, 400, "Bad request: the path is not valid percent-encoding\n");
      }
      if (/[\0\\]/.test(path)) return void plain(req, res, 400, "Bad request: the path holds a NUL or backslash\n");
      if (/\/{2,}/.test(path)) return void redirect(res, path.replace(/\/{2,}/g, "/") + query);
      // No dot segments (the client normalises them away) and no hidden files.
      if (path.split("/").some((s) => s.startsWith("."))) return void page404(req, res);
      const found = route(dir, path);
      if (!found) return void page404(req, res);
      if ("redirect" in found) return void redirect(res, found.redirect + query);
      const file = found.file;
      if (!file.startsWith(dir + sep)) return void page404(req, res);
      serve(req, res, file, plain, page404);
    } catch (error) {
      plain(req, res, 500, `Internal error: ${(error as Error).message}\n`);
    }
  };

  function redirect(res: ServerResponse, location: string): void {
    const target = encodeURI(location.split("?")[0]) + (location.includes("?") ? location.slice(location.indexOf("?")) : "");
    res.writeHead(301, {"Location": target, "Content-Length": "0", "Cache-Control": "no-cache"});
    res.end();
  }

  function serve(req: IncomingMessage, res: ServerResponse, file: string, plain: (req: IncomingMessage, res: ServerResponse, status: number, text: string) => void, page404: (req: IncomingMessage, res: ServerResponse) => void): void {
    const ext = extname(file);
    const gz = `${file}.gz`;
    const hasGz = ext !== ".gz" && existsSync(gz);
    // A range is a range of the file's own bytes: ranged requests get the file as it is, never gzip.
    const gzip = hasGz && !req.headers.range && acceptsGzip(req.headers["accept-encoding"]);
    res.setHeader("Content-Type", CONTENT_TYPES[ext] ?? "application/octet-stream");
    res.setHeader("Cache-Control", cacheControl(file.slice(dir.length)));
    if (hasGz) res.setHeader("Vary", "Accept-Encoding");
    if (gzip) res.setHeader("Content-Encoding", "gzip");
    // Embed code on other sites loads resize.js with an integrity hash, which needs CORS.
    if (file === join(dir, "embed", "resize.js")) res.setHeader("Access-Control-Allow-Origin", "*");
    send(req, gzip ? gz : file, {dotfiles: "allow", index: false, etag: true, lastModified: true, cacheControl: false, acceptRanges: !gzip})
      .on("error", (error: {status?: number; message?: string}) => {
        res.removeHeader("Content-Encoding");
        if (error.status === 404) page404(req, res);
        else plain(req, res, error.status ?? 500, `${error.message ?? "Error"}\n`);
      })
      .pipe(res);
  }
}

/** True when the client accepts gzip (and has not refused it with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  return value.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return q === undefined || Number(q) > 0;
  });
}

export async function serveDist(options: {dir?: string; port?: number; host?: string} = {}): Promise<RunningServer> {
  const dir = options.dir ?? join(process.cwd(), process.env.SITE_DIST ?? "dist");
  if (!existsSync(join(dir, "index.html"))) throw new Error(`${dir} has no index.html: run npm run build first`);
  const host = options.host ?? "127.0.0.1";
  const server = createServer(staticHandler(dir));
  // A request Node cannot even parse gets a 400 and its connection closed.
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {url: `http://${host}:${port}`, server, close: () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  })};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 3000);
  const {url} = await serveDist({port});
  console.log(`Serving dist/ on ${url}/ (Ctrl+C to stop)`);
}
