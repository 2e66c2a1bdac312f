// Fill Observable Framework's npm cache from node_modules, so `observable build` and
// `observable preview` never download from cdn.jsdelivr.net. Framework only fetches a
// module when it is missing from src/.observablehq/cache/_npm (see docs/offline-build.md).
import {copyFileSync, existsSync, mkdirSync, readFileSync, rmSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {build} from "esbuild";

const cache = join("src", ".observablehq", "cache", "_npm");
// Every library a page or Framework's stdlib may import as `npm:…`. Anything else fails the build.
const LIBS = ["d3", "@observablehq/plot", "htl", "isoformat", "apache-arrow", "arquero", "d3-dsv",
  "@duckdb/duckdb-wasm", "parquet-wasm", "topojson-client", "hyparquet", "hyparquet-compressors"];
const ASSETS = {
  "@duckdb/duckdb-wasm": ["dist/duckdb-mvp.wasm", "dist/duckdb-eh.wasm", "dist/duckdb-browser-mvp.worker.js", "dist/duckdb-browser-eh.worker.js"],
  "parquet-wasm": ["esm/parquet_wasm_bg.wasm"]
};
// Referenced lazily by Framework's client bundle; a version directory is enough to stop a registry lookup.
const VERSION_ONLY = ["react-dom@19.0.0", "react@19.0.0", "lodash@4.17.21", "echarts@5.6.0", "leaflet@1.9.4",
  "mapbox-gl@3.9.0", "@observablehq/sample-datasets@1.0.1"];

const pkg = (name) => JSON.parse(readFileSync(join("node_modules", name, "package.json"), "utf8"));
const dir = (name) => join(cache, `${name}@${pkg(name).version}`);
if (pkg("@duckdb/duckdb-wasm").version !== "1.29.0") throw new Error("Framework 1.13 pins @duckdb/duckdb-wasm 1.29.0");

const stamp = join(cache, ".prepared");
const want = JSON.stringify(LIBS.map((n) => `${n}@${pkg(n).version}`));
if (existsSync(stamp) && readFileSync(stamp, "utf8") === want) process.exit(0); // already filled for these versions

rmSync(cache, {recursive: true, force: true});
for (const d of VERSION_ONLY) mkdirSync(join(cache, d), {recursive: true});
for (const name of LIBS) {
  const outfile = join(dir(name), "_esm.js"), p = pkg(name);
  const entryFile = typeof p.exports?.["."] === "object" ? (p.exports["."].import?.default ?? p.exports["."].import ?? p.exports["."].default) : undefined;
  const entry = readFileSync(join("node_modules", name, (typeof entryFile === "string" ? entryFile : undefined) ?? p.module ?? p.main ?? "index.js"), "utf8");
  const hasDefault = /\bexport\s+default\b|\bas\s+default\b/.test(entry);
  await build({
    stdin: {contents: `export * from "${name}";${hasDefault ? `export {default} from "${name}";` : ""}`, resolveDir: process.cwd()},
    bundle: true, format: "esm", platform: "browser", target: "es2022", minify: true, outfile, logLevel: "warning",
    define: {"process.env.NODE_ENV": '"production"'},
    plugins: [{name: "shared", setup(b) { // other LIBS stay external, as ../<dep>@<ver>/_esm.js, so each is loaded once
      b.onResolve({filter: /^[^./]/}, ({path}) => path !== name && LIBS.includes(path)
        ? {path: "./" + relative(dirname(outfile), join(dir(path), "_esm.js")), external: true} : undefined);
    }}]
  });
  for (const f of ASSETS[name] ?? []) {
    mkdirSync(dirname(join(dir(name), f)), {recursive: true});
    copyFileSync(join("node_modules", name, f), join(dir(name), f));
  }
}
mkdirSync(cache, {recursive: true});
import("node:fs").then(({writeFileSync}) => writeFileSync(stamp, want));
