// After `observable build`: fix what Framework's HTML lacks for accessibility, and write each chart's
// files at stable addresses (/downloads/charts/<id>.csv|.svg, /embed/<id>).
import {mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {chartCatalogue} from "../loaders/charts/catalogue.ts";
import {chartCsv, chartEmbedPage, chartSvgFile, EMBED_CSS, EMBED_RESIZE_SCRIPT, EMBED_SCRIPT} from "../loaders/site/chart-files.ts";
import {ROOT} from "../loaders/lib/paths.ts";
import {EMBED_RESIZE_INTEGRITY} from "../src/components/embed-resize.ts";
import {addSecurityPolicy, fixHtml, subresourceIntegrity} from "./html-fixes.ts";
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
for (const file of htmlFiles(DIST)) {
  writeFileSync(file, fixHtml(readFileSync(file, "utf8"), {notFoundPage: file === join(DIST, "404.html"), file, root: DIST}));
  ++pages;
}

const charts = await chartCatalogue();
mkdirSync(join(DIST, "downloads", "charts"), {recursive: true});
mkdirSync(join(DIST, "embed"), {recursive: true});
// The embed code offers resize.js with an integrity hash: the file must be exactly what the hash says.
const resize = EMBED_RESIZE_SCRIPT + "\n";
if (subresourceIntegrity(resize) !== EMBED_RESIZE_INTEGRITY) throw new Error(`embed/resize.js changed: set EMBED_RESIZE_INTEGRITY in src/components/embed-resize.ts to "${subresourceIntegrity(resize)}"`);
writeFileSync(join(DIST, "embed", "resize.js"), resize);
for (const spec of charts.values()) {
  writeFileSync(join(DIST, "downloads", "charts", `${spec.id}.csv`), chartCsv(spec));
  writeFileSync(join(DIST, "downloads", "charts", `${spec.id}.svg`), chartSvgFile(spec));
  writeFileSync(join(DIST, "downloads", "charts", `${spec.id}.json`), JSON.stringify(spec)); // for interactive redraws of large charts
  writeFileSync(join(DIST, "embed", `${spec.id}.html`), addSecurityPolicy(chartEmbedPage(spec, EMBED_CSS, EMBED_SCRIPT)));
}
console.log(`postbuild: ${pages} pages given lang="en-GB" and a zoomable viewport; ${charts.size} charts written as CSV, SVG, JSON and embed pages`);
console.log(`postbuild: ${await (await import("../loaders/areas/downloads.ts")).writeAreaDownloads(DIST)} area CSV slices written to /downloads/areas/`);

// Last, so every file written above is compressed too.
const gz = precompress(DIST);
console.log(`postbuild: ${gz.files} files precompressed (${(gz.bytes / 1e6).toFixed(1)} MB → ${(gz.gzipBytes / 1e6).toFixed(1)} MB gzip)`);
