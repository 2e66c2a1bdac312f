// After `observable build`: fix what Framework's HTML lacks for accessibility, write the embed resize script, and
// precompress. (Chart files, embed pages and area downloads are Framework routes: see loaders/pages/site-files.ts.)
import {existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {EMBED_RESIZE_SCRIPT} from "../loaders/site/chart-files.ts";
import {ROOT} from "../loaders/lib/paths.ts";
import {buildSearchIndex} from "../loaders/pages/search-index.ts";
import {SEARCH_INDEX_PATH} from "../src/components/search.ts";
import {EMBED_RESIZE_INTEGRITY} from "../src/components/embed-resize.ts";
import {fixHtml, subresourceIntegrity} from "./html-fixes.ts";
import {precompress} from "./precompress.ts";

const DIST = join(ROOT, process.env.SITE_DIST ?? "dist");

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith(".html")) yield path;
  }
}

let pages = 0;
const missing = new Set<string>();
for (const file of htmlFiles(DIST)) {
  const html = fixHtml(readFileSync(file, "utf8"), {notFoundPage: file === join(DIST, "404.html"), file, root: DIST});
  for (const [, path] of html.matchAll(/href="(\/downloads\/[^"]+)"/g)) if (!existsSync(join(DIST, path))) missing.add(path);
  writeFileSync(file, html);
  ++pages;
}
if (missing.size) throw new Error(`postbuild: download links with no file at their stable address: ${[...missing].join(", ")}`);
// The hashed copies Framework made of each download are now linked from nowhere (see stableDownloadLinks).
rmSync(join(DIST, "_file", "downloads"), {recursive: true, force: true});
// For pages that embed a chart: it sizes each chart's iframe (the embed code names it; see chart-files.ts).
// The embed code offers resize.js with an integrity hash: the file must be exactly what the hash says.
const resize = EMBED_RESIZE_SCRIPT + "\n";
if (subresourceIntegrity(resize) !== EMBED_RESIZE_INTEGRITY) throw new Error(`embed/resize.js changed: set EMBED_RESIZE_INTEGRITY in src/components/embed-resize.ts to "${subresourceIntegrity(resize)}"`);
writeFileSync(join(DIST, "embed", "resize.js"), resize);
console.log(`postbuild: ${pages} pages given lang="en-GB" and a zoomable viewport; /embed/resize.js written`);

// The site search's index, from the pages as built (loaders/pages/search-index.ts).
const search = buildSearchIndex(DIST);
writeFileSync(join(DIST, SEARCH_INDEX_PATH.slice(1)), search.json);
console.log(`postbuild: search index of ${search.docs} pages, sections, charts and published figures written (${(search.json.length / 1e3).toFixed(0)} kB)`);

// Last, so every file written above is compressed too.
const gz = precompress(DIST);
console.log(`postbuild: ${gz.files} files precompressed (${(gz.bytes / 1e6).toFixed(1)} MB → ${(gz.gzipBytes / 1e6).toFixed(1)} MB gzip)`);
