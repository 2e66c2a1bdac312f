// The static server behind `npm start` and the browser tests, sent a corpus of malformed and unusual requests over
// raw sockets (so nothing in between tidies them): each gets the right status and headers, and the server is still
// answering afterwards. A small site in a temp folder stands in for dist/.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {connect} from "node:net";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {gzipSync} from "node:zlib";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {acceptsGzip, serveDist, type RunningServer} from "../../scripts/static-server.ts";

const BYTES = Buffer.from(Array.from({length: 1000}, (_, i) => i % 256));
const JS = "export const answer = 42;\n".repeat(100);
const FILES: Record<string, string | Buffer> = {
  "index.html": "<!DOCTYPE html><title>Home</title>",
  "about.html": "<!DOCTYPE html><title>About</title>",
  "404.html": "<!DOCTYPE html><title>Page not found</title>",
  "areas/index.html": "<!DOCTYPE html><title>Areas</title>",
  "areas/stafford.html": "<!DOCTYPE html><title>Stafford</title>",
  "downloads/extract.parquet": BYTES,
  "downloads/extract.csv": "a,b\n1,2\n",
  "data/monthly.arrow": BYTES,
  "_npm/duckdb.wasm": BYTES,
  "_observablehq/client.0123abcd.js": JS,
  "_observablehq/client.0123abcd.js.gz": gzipSync(JS),
  "embed/resize.js": "(function(){})();\n",
  "chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
  "data.json": "{}",
  ".secret": "not for you"
};

let root: string;
let server: RunningServer;
let port: number;
let crashes: unknown[] = [];
const onCrash = (e: unknown) => crashes.push(e);
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "static-server-"));
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), {recursive: true});
    writeFileSync(join(root, path), content);
  }
  process.on("uncaughtException", onCrash);
  server = await serveDist({dir: root});
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  process.off("uncaughtException", onCrash);
  await server?.close();
  rmSync(root, {recursive: true, force: true});
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Sends `request` as bytes on a fresh connection and parses the single response (or the close with none). */
function raw(request: string): Promise<RawResponse | null> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const parts: Buffer[] = [];
    socket.on("data", (d) => parts.push(d));
    socket.on("error", reject);
    socket.on("close", () => {
      let all = Buffer.concat(parts);
      while (/^HTTP\/1\.1 1\d\d /.test(all.toString("latin1", 0, 13)) && all.includes("\r\n\r\n")) all = all.subarray(all.indexOf("\r\n\r\n") + 4); // interim 1xx
      const end = all.indexOf("\r\n\r\n");
      if (end < 0) return resolve(null);
      const [statusLine, ...lines] = all.subarray(0, end).toString("latin1").split("\r\n");
      const headers: Record<string, string> = {};
      for (const l of lines) headers[l.slice(0, l.indexOf(":")).toLowerCase()] = l.slice(l.indexOf(":") + 1).trim();
      resolve({status: Number(statusLine.split(" ")[1]), headers, body: all.subarray(end + 4)});
    });
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(request.slice(0, 80))}`)));
    socket.write(request); // not end(): a half-closed socket would cut a streamed response short
  });
}
const get = (target: string, headers: Record<string, string> = {}, method = "GET") =>
  raw(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`);

type Expect = {status: number; headers?: Record<string, string | RegExp>; body?: string | Buffer | RegExp};
const NOT_FOUND: Expect = {status: 404, headers: {"content-type": "text/html; charset=utf-8"}, body: /Page not found/};

/** [what, request target, request headers, method, expected] */
const CORPUS: [string, string, Record<string, string>, string, Expect][] = [
  // methods
  ...["POST", "PUT", "DELETE", "PATCH", "TRACE", "MKCOL", "PROPFIND"].map((m): [string, string, Record<string, string>, string, Expect] =>
    [`${m} is refused`, "/about", {"content-length": "0"}, m, {status: 405, headers: {allow: "GET, HEAD"}}]),
  ["OPTIONS lists the methods", "/about", {}, "OPTIONS", {status: 204, headers: {allow: "GET, HEAD"}}],
  ["HEAD has headers and no body", "/about", {}, "HEAD", {status: 200, headers: {"content-type": "text/html; charset=utf-8"}, body: ""}],
  // ranges
  ["a range", "/downloads/extract.parquet", {range: "bytes=0-9"}, "GET", {status: 206, headers: {"content-range": "bytes 0-9/1000"}, body: BYTES.subarray(0, 10)}],
  ["a suffix range gives the last bytes", "/downloads/extract.parquet", {range: "bytes=-5"}, "GET", {status: 206, headers: {"content-range": "bytes 995-999/1000"}, body: BYTES.subarray(995)}],
  ["an open-ended range", "/downloads/extract.parquet", {range: "bytes=990-"}, "GET", {status: 206, headers: {"content-range": "bytes 990-999/1000"}, body: BYTES.subarray(990)}],
  ["a range whose end is past the file is cut to the file", "/downloads/extract.parquet", {range: "bytes=995-5000"}, "GET", {status: 206, headers: {"content-range": "bytes 995-999/1000"}, body: BYTES.subarray(995)}],
  ["a backwards range is unsatisfiable", "/downloads/extract.parquet", {range: "bytes=100-50"}, "GET", {status: 416, headers: {"content-range": "bytes */1000"}}],
  ["a range past the end is unsatisfiable", "/downloads/extract.parquet", {range: "bytes=5000-"}, "GET", {status: 416, headers: {"content-range": "bytes */1000"}}],
  ["an empty suffix range is unsatisfiable", "/downloads/extract.parquet", {range: "bytes=-0"}, "GET", {status: 416}],
  ["a range of garbage is unsatisfiable", "/downloads/extract.parquet", {range: "bytes=abc"}, "GET", {status: 416}],
  ["a range of another unit is ignored", "/downloads/extract.parquet", {range: "rows=0-5"}, "GET", {status: 200, body: BYTES}],
  ["several ranges get the whole file", "/downloads/extract.parquet", {range: "bytes=0-1,5-6"}, "GET", {status: 200, body: BYTES}],
  ["a huge range number", "/downloads/extract.parquet", {range: "bytes=99999999999999999999-"}, "GET", {status: 416}],
  ["a range on a precompressed file gives its own bytes, not gzip", "/_observablehq/client.0123abcd.js", {range: "bytes=0-5", "accept-encoding": "gzip"}, "GET", {status: 206, headers: {"content-range": `bytes 0-5/${JS.length}`}, body: JS.slice(0, 6)}],
  // content types
  ["parquet", "/downloads/extract.parquet", {}, "GET", {status: 200, headers: {"content-type": "application/vnd.apache.parquet", "x-content-type-options": "nosniff"}}],
  ["arrow", "/data/monthly.arrow", {}, "GET", {status: 200, headers: {"content-type": "application/vnd.apache.arrow.file"}}],
  ["wasm", "/_npm/duckdb.wasm", {}, "GET", {status: 200, headers: {"content-type": "application/wasm", "cache-control": "public, max-age=31536000, immutable"}}],
  ["csv", "/downloads/extract.csv", {}, "GET", {status: 200, headers: {"content-type": "text/csv; charset=utf-8", "cache-control": "no-cache"}}],
  ["svg", "/chart.svg", {}, "GET", {status: 200, headers: {"content-type": "image/svg+xml"}}],
  ["json", "/data.json", {}, "GET", {status: 200, headers: {"content-type": "application/json; charset=utf-8"}}],
  ["javascript, gzip for a client that takes it", "/_observablehq/client.0123abcd.js", {"accept-encoding": "gzip, br"}, "GET", {status: 200, headers: {"content-type": "text/javascript; charset=utf-8", "content-encoding": "gzip", "vary": "Accept-Encoding"}, body: gzipSync(JS)}],
  ["javascript, plain for a client that refuses gzip", "/_observablehq/client.0123abcd.js", {"accept-encoding": "gzip;q=0"}, "GET", {status: 200, headers: {"vary": "Accept-Encoding"}, body: JS}],
  ["the embed resize script may be loaded with an integrity hash from anywhere", "/embed/resize.js", {}, "GET", {status: 200, headers: {"access-control-allow-origin": "*"}}],
  // addresses
  ["a clean URL", "/about", {}, "GET", {status: 200, body: /<title>About/}],
  ["the home page", "/", {}, "GET", {status: 200, body: /<title>Home/}],
  ["a page with a trailing slash is redirected to its one address", "/areas/stafford/", {}, "GET", {status: 301, headers: {location: "/areas/stafford"}}],
  ["the redirect keeps the query", "/areas/stafford/?compare=lichfield", {}, "GET", {status: 301, headers: {location: "/areas/stafford?compare=lichfield"}}],
  ["a folder without its slash is redirected", "/areas", {}, "GET", {status: 301, headers: {location: "/areas/"}}],
  ["a folder's index", "/areas/", {}, "GET", {status: 200, body: /<title>Areas/}],
  ["doubled slashes are collapsed (never a redirect to another host)", "//example.com/about", {}, "GET", {status: 301, headers: {location: "/example.com/about"}}],
  ["doubled slashes inside", "/areas//stafford", {}, "GET", {status: 301, headers: {location: "/areas/stafford"}}],
  ["the page .html name works too", "/about.html", {}, "GET", {status: 200, body: /<title>About/}],
  ["percent-encoded letters", "/%61bout", {}, "GET", {status: 200, body: /<title>About/}],
  ["an unknown page", "/nothing-here", {}, "GET", NOT_FOUND],
  ["an unknown page, HEAD", "/nothing-here", {}, "HEAD", {status: 404, body: ""}],
  ["a malformed percent", "/about%", {}, "GET", {status: 400}],
  ["a truncated percent sequence", "/%E0%A4%A", {}, "GET", {status: 400}],
  ["an encoded NUL", "/about%00", {}, "GET", {status: 400}],
  ["an encoded backslash", "/..%5c..%5cetc/passwd", {}, "GET", {status: 400}],
  ["dot segments", "/../../../etc/passwd", {}, "GET", NOT_FOUND],
  ["encoded dot segments", "/%2e%2e/%2e%2e/etc/passwd", {}, "GET", NOT_FOUND],
  ["a dotfile", "/.secret", {}, "GET", NOT_FOUND],
  ["an encoded slash in a name", "/areas%2Fstafford", {}, "GET", {status: 200, body: /<title>Stafford/}],
  ["a script in the path", "/<script>alert(1)</script>", {}, "GET", NOT_FOUND],
  ["an absolute-form target", "http://evil.example/about", {}, "GET", {status: 400}],
  ["an asterisk target", "*", {}, "GET", {status: 400}],
  ["a very long path", "/" + "a".repeat(6000), {}, "GET", NOT_FOUND],
  ["a query with quotes and brackets on a redirect", "/areas?x=\"a\"&y=<b>", {}, "GET", {status: 301, headers: {location: "/areas/?x=\"a\"&y=<b>"}}],
  ["a query on a file", "/about?x=%", {}, "GET", {status: 200}],
  // conditional requests
  ["If-None-Match with a stale ETag", "/about", {"if-none-match": "\"nope\""}, "GET", {status: 200}],
  ["If-Modified-Since in the future", "/about", {"if-modified-since": "Tue, 01 Jan 2999 00:00:00 GMT"}, "GET", {status: 304}],
  ["If-Modified-Since that is not a date", "/about", {"if-modified-since": "yesterday"}, "GET", {status: 200}],
  ["If-Range that does not match gives the whole file", "/downloads/extract.parquet", {"range": "bytes=0-9", "if-range": "\"other\""}, "GET", {status: 200, body: BYTES}],
  ["Expect: 100-continue on a GET", "/about", {"expect": "100-continue"}, "GET", {status: 200}],
  ["Accept-Encoding of garbage", "/_observablehq/client.0123abcd.js", {"accept-encoding": ";;;q=x,,"}, "GET", {status: 200, body: JS}]
];

describe("the static server answers every request correctly and keeps running", () => {
  it.each(CORPUS)("%s", async (_what, target, headers, method, expected) => {
    const response = await get(target, headers, method);
    expect(response, "an HTTP response, not a dropped connection").not.toBeNull();
    expect(response!.status).toBe(expected.status);
    for (const [name, value] of Object.entries(expected.headers ?? {})) {
      if (value instanceof RegExp) expect(response!.headers[name]).toMatch(value);
      else expect(response!.headers[name], name).toBe(value);
    }
    if (typeof expected.body === "string") expect(response!.body.toString("latin1")).toBe(expected.body);
    else if (expected.body instanceof RegExp) expect(response!.body.toString("utf8")).toMatch(expected.body);
    else if (expected.body) expect(response!.body.equals(expected.body)).toBe(true);
  });

  it("requests Node cannot parse get a 400, and none of them stops the server", async () => {
    const broken = [
      "GARBAGE\r\n\r\n",
      "GET /about HTTP/9.9\r\n\r\n",
      "GET /about HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
      "GET /about HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
      `GET /about HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
      "GET /ab\x00out HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /about HTTP/1.1\r\nHost: x\r\nBad Header Name: y\r\n\r\n"
    ];
    for (const request of broken) {
      const response = await raw(request);
      if (response) expect(response.status, JSON.stringify(request.slice(0, 40))).toBeGreaterThanOrEqual(400);
    }
    // A client that hangs up in the middle of a download.
    await new Promise<void>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.write("GET /downloads/extract.parquet HTTP/1.1\r\nHost: x\r\n\r\n");
        socket.once("data", () => { socket.destroy(); resolve(); });
      });
    });
    const after = await get("/about");
    expect(after?.status).toBe(200);
    expect(crashes).toEqual([]);
  });

  it("reads Accept-Encoding as a list with weights", () => {
    expect(acceptsGzip("gzip")).toBe(true);
    expect(acceptsGzip("br, gzip;q=0.5")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip("*")).toBe(true);
  });
});
