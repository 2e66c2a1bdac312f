// A plain static server for dist/ on 127.0.0.1: what `npm start` runs and what the browser tests use.
// Clean URLs (/about → about.html) as on any static host; gzip where the client asks for it.
import {createServer, type Server} from "node:http";
import {join} from "node:path";
import {readFileSync, existsSync} from "node:fs";
import sirv from "sirv";

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serveDist(options: {dir?: string; port?: number; host?: string} = {}): Promise<RunningServer> {
  const dir = options.dir ?? join(process.cwd(), process.env.SITE_DIST ?? "dist");
  if (!existsSync(join(dir, "index.html"))) throw new Error(`${dir} has no index.html: run npm run build first`);
  const host = options.host ?? "127.0.0.1";
  const assets = sirv(dir, {extensions: ["html"], gzip: true, brotli: false, etag: true, dev: false,
    setHeaders(res, path) {
      // Hashed files never change; pages and data are revalidated.
      res.setHeader("Cache-Control", /\.[0-9a-f]{8}\.|\/_npm\/|\/_node\//.test(path) ? "public, max-age=31536000, immutable" : "no-cache");
    }});
  const notFound = existsSync(join(dir, "404.html")) ? readFileSync(join(dir, "404.html")) : Buffer.from("Not found");
  const server = createServer((req, res) => assets(req, res, () => {
    res.statusCode = 404;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(notFound);
  }));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {url: `http://${host}:${port}`, server, close: () => new Promise((resolve) => server.close(() => resolve()))};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 3000);
  const {url} = await serveDist({port});
  console.log(`Serving dist/ on ${url}/ (Ctrl+C to stop)`);
}
