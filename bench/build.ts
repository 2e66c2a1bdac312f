// Build benchmark: clean build time, warm rebuild time, dist size (total, wasm share, gzip), number of pages.
// By default it builds a temporary copy of the working tree (everything but node_modules, dist, .cache, .git and
// src/.observablehq/cache; node_modules is symlinked), so the shared checkout's dist/ and caches are untouched
// while others use them. --in-place removes dist, .cache (except .cache/bench) and src/.observablehq/cache here.
//   npx tsx bench/build.ts [--in-place] [--keep]
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync} from "node:fs";
import {join, relative} from "node:path";
import {gzipSync} from "node:zlib";
import {BENCH_CACHE, dirSize, ensureDir, fmt, hasFlag, heading, machine, measureProcess, ROOT, table, waitForQuiet} from "./lib/common.ts";

const SKIP_TOP = new Set(["node_modules", "dist", ".cache", ".git"]);

function copyTree(to: string): void {
  for (const name of readdirSync(ROOT)) {
    if (SKIP_TOP.has(name)) continue;
    cpSync(join(ROOT, name), join(to, name), {recursive: true, filter: (src) => !relative(ROOT, src).startsWith(join("src", ".observablehq", "cache"))});
  }
  symlinkSync(join(ROOT, "node_modules"), join(to, "node_modules"), "dir");
}

function cleanInPlace(): void {
  rmSync(join(ROOT, "dist"), {recursive: true, force: true});
  rmSync(join(ROOT, "src", ".observablehq", "cache"), {recursive: true, force: true});
  if (existsSync(join(ROOT, ".cache"))) for (const name of readdirSync(join(ROOT, ".cache"))) if (name !== "bench") rmSync(join(ROOT, ".cache", name), {recursive: true, force: true});
}

function distFacts(dist: string) {
  const all = dirSize(dist, (p) => p.endsWith(".wasm"));
  let pages = 0, gzip = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        if (name.endsWith(".html") && name !== "404.html") pages++;
        if (!name.endsWith(".gz")) gzip += gzipSync(readFileSync(p), {level: 6}).length;
      }
    }
  };
  walk(dist);
  return {total: all.total, wasm: all.matched, files: all.files, pages, gzip};
}

/** Returns the directory built in (a temporary copy is removed unless --keep is given; then the caller removes it). */
export async function runBuildBench(argv: string[]): Promise<{dir: string; inPlace: boolean}> {
  const inPlace = hasFlag(argv, "in-place");
  console.log(`build bench (${inPlace ? "in place" : "temporary copy of the working tree"}); ${machine()}`);
  const dir = inPlace ? ROOT : mkdtempSync(join(ensureDir(join(BENCH_CACHE, "build")), "copy-"));
  try {
    if (inPlace) cleanInPlace();
    else copyTree(dir);
    const env = {OBSERVABLE_TELEMETRY_DISABLE: "true"};
    const quiet = await waitForQuiet();
    const clean = await measureProcess(["npm", "run", "build"], {cwd: dir, env});
    const warm = await measureProcess(["npm", "run", "build"], {cwd: dir, env});
    const facts = distFacts(join(dir, "dist"));
    heading(`npm run build (prebuild npm cache + observable build + postbuild); ${quiet} before the clean build`);
    console.log(table(["measure", "clean build (baseline)", "warm rebuild", "ratio (warm ÷ clean)"], [
      ["wall time", fmt.ms(clean.wallMs), fmt.ms(warm.wallMs), fmt.ratio(warm.wallMs, clean.wallMs)],
      ["peak RSS (largest process)", fmt.bytes(clean.peakRss), fmt.bytes(warm.peakRss), fmt.ratio(warm.peakRss, clean.peakRss)]
    ]));
    heading("dist/");
    console.log(table(["measure", "total (baseline)", "value", "share of total"], [
      ["size on disk", fmt.bytes(facts.total), fmt.bytes(facts.total), "100%"],
      ["wasm", fmt.bytes(facts.total), fmt.bytes(facts.wasm), `${((100 * facts.wasm) / facts.total).toFixed(1)}%`],
      ["everything but wasm", fmt.bytes(facts.total), fmt.bytes(facts.total - facts.wasm), `${((100 * (facts.total - facts.wasm)) / facts.total).toFixed(1)}%`],
      ["gzip -6 of every file", fmt.bytes(facts.total), fmt.bytes(facts.gzip), `${((100 * facts.gzip) / facts.total).toFixed(1)}%`]
    ]));
    console.log(`pages (HTML files, 404 excluded): ${facts.pages}; files: ${facts.files}`);
    return {dir, inPlace};
  } finally {
    if (!inPlace && !hasFlag(argv, "keep")) rmSync(dir, {recursive: true, force: true});
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runBuildBench(process.argv.slice(2));
}
