// Time to first chart and bytes before any interaction, for built pages, side by side with a "floor": a static
// HTML page holding the same chart as pre-rendered SVG and no JavaScript, served from a separate directory
// (.cache/bench/first-chart/floor; dist/ is never modified).
//   npx tsx bench/first-chart.ts [--runs 7] [--path /stories/roads --chart <chart id> | --only /stories/roads,/stories/vawg] [--dist DIR]
//   npx tsx bench/first-chart.ts --baseline DIR [--dist DIR] [--runs 7]   (two builds side by side: before and after)
// Needs a built dist/ (npm run build), or --dist pointing at another build. Add pages to PAGES below.
import {mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {gzipSync} from "node:zlib";
import type {Request} from "playwright-core";
import {serveDist} from "../scripts/static-server.ts";
import type {Site} from "../tests/e2e/lib/site.ts";
import {siteFor} from "./lib/browser.ts";
import {argValue, BENCH_CACHE, fmt, heading, machine, median, ROOT, table, waitForQuiet} from "./lib/common.ts";

/** Pages to measure, each with the chart whose pre-rendered SVG is the floor, and what to wait for on the page
 *  (`selector`, default its first chart; `measures` names it in the report). */
export const PAGES: {path: string; chartId: string; selector?: string; measures?: string}[] = [
  {path: "/", chartId: "home-monthly-crime-asb"},
  // The story's first chart is the graphic panel's first frame (the copy in the step is visually hidden).
  {path: "/stories/roads", chartId: "roads-severity", selector: ".scrolly-frame.is-active .chart-plot svg"},
  {path: "/stories/county-lines", chartId: "county-lines-drugs-weapons-monthly", selector: ".scrolly-frame.is-active .chart-plot svg"},
  {path: "/stories/vawg", chartId: "vawg-violence-sexual-offences-monthly", selector: ".scrolly-frame.is-active .chart-plot svg"},
  {path: "/stories/victims", chartId: "victims-outcomes", selector: ".scrolly-frame.is-active .chart-plot svg"},
  // An area page shows its headline numbers first; everything from its comparison charts on is deferred
  // (loaders/pages/area.ts), so the page is timed to its headlines, against the floor of its first chart.
  {path: "/areas/stafford", chartId: "area-stafford-crime-rates", selector: ".area-headlines", measures: "headline numbers visible"}
];

export interface FirstChart {
  path: string;
  runs: number;
  /** ms from navigation start until the first element matching selector is laid out with a size (next animation frame) */
  chartMs: number[];
  /** first contentful paint, ms */
  fcpMs: number[];
  /** load event end, ms */
  loadMs: number[];
  /** sum of encoded (on-the-wire) response body sizes until network idle */
  bytes: number[];
  /** the same responses if the host gzipped them (gzip -6 of each body not already encoded) */
  gzipBytes: number[];
  /** of which JavaScript and wasm */
  scriptBytes: number[];
  requests: number[];
  outside: string[];
  median: {chartMs: number; fcpMs: number; loadMs: number; bytes: number; gzipBytes: number; scriptBytes: number; requests: number};
}

const INIT = (selector: string) => `(() => {
  const selector = ${JSON.stringify(selector)};
  let seen = false;
  const check = () => {
    if (seen) return true;
    // The first match that is laid out with a size (a chart may have a hidden second rendering).
    const laidOut = Array.from(document.querySelectorAll(selector)).some((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    });
    if (!laidOut) return false;
    seen = true;
    requestAnimationFrame(() => { window.__firstChart = performance.now(); });
    return true;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, {childList: true, subtree: true});
  document.addEventListener("DOMContentLoaded", () => { if (check()) observer.disconnect(); });
})();`;

/** Median of `runs` fresh browser contexts loading site.url + path. */
export async function measureFirstChart(site: Site, path: string, options: {selector?: string; runs?: number; viewport?: {width: number; height: number}} = {}): Promise<FirstChart> {
  const selector = options.selector ?? "figure.chart svg";
  const runs = options.runs ?? 5;
  const out: FirstChart = {path, runs, chartMs: [], fcpMs: [], loadMs: [], bytes: [], gzipBytes: [], scriptBytes: [], requests: [], outside: [],
    median: {chartMs: NaN, fcpMs: NaN, loadMs: NaN, bytes: NaN, gzipBytes: NaN, scriptBytes: NaN, requests: NaN}};
  const origin = new URL(site.url).origin;
  for (let i = 0; i < runs; i++) {
    const context = await site.browser.newContext({viewport: options.viewport ?? {width: 1280, height: 900}});
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("data:") || url.startsWith("blob:") || new URL(url).origin === origin) return route.continue();
      out.outside.push(url);
      return route.abort();
    });
    await context.addInitScript({content: INIT(selector)});
    let bytes = 0, scriptBytes = 0, requests = 0, gzipBytes = 0;
    const finished: Request[] = [];
    context.on("requestfinished", (request) => { finished.push(request); });
    const page = await context.newPage();
    const response = await page.goto(site.url + path, {waitUntil: "networkidle"});
    if (!response || response.status() !== 200) throw new Error(`${path}: HTTP ${response?.status()}`);
    await page.waitForFunction(() => (globalThis as {__firstChart?: number}).__firstChart !== undefined, null, {timeout: 30_000});
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      return {chart: (globalThis as {__firstChart?: number}).__firstChart!, fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN, load: nav?.loadEventEnd ?? NaN};
    });
    // Sizes are read after network idle, so the reading does not compete with the page load.
    for (const request of finished) {
      const sizes = await request.sizes();
      const response = await request.response();
      requests++;
      bytes += sizes.responseBodySize;
      if (/\.(m?js|wasm)(\?|$)/.test(request.url())) scriptBytes += sizes.responseBodySize;
      const encoded = response && (await response.allHeaders())["content-encoding"];
      gzipBytes += encoded || !response ? sizes.responseBodySize : gzipSync(await response.body(), {level: 6}).length;
    }
    out.chartMs.push(t.chart);
    out.fcpMs.push(t.fcp);
    out.loadMs.push(t.load);
    out.bytes.push(bytes);
    out.scriptBytes.push(scriptBytes);
    out.gzipBytes.push(gzipBytes);
    out.requests.push(requests);
    await context.close();
  }
  out.median = {chartMs: median(out.chartMs), fcpMs: median(out.fcpMs), loadMs: median(out.loadMs), bytes: median(out.bytes), gzipBytes: median(out.gzipBytes),
    scriptBytes: median(out.scriptBytes), requests: median(out.requests)};
  return out;
}

/** Several measurements of one page as one (their runs pooled, medians recomputed). */
export function mergeRuns(all: FirstChart[]): FirstChart {
  const pool = <K extends keyof FirstChart>(key: K) => all.flatMap((r) => r[key] as number[]);
  const out: FirstChart = {...all[0], runs: all.length, chartMs: pool("chartMs"), fcpMs: pool("fcpMs"), loadMs: pool("loadMs"), bytes: pool("bytes"),
    gzipBytes: pool("gzipBytes"), scriptBytes: pool("scriptBytes"), requests: pool("requests"), outside: all.flatMap((r) => r.outside)};
  out.median = {chartMs: median(out.chartMs), fcpMs: median(out.fcpMs), loadMs: median(out.loadMs), bytes: median(out.bytes), gzipBytes: median(out.gzipBytes),
    scriptBytes: median(out.scriptBytes), requests: median(out.requests)};
  return out;
}

/** The floor: one static page per chart with the chart's pre-rendered SVG inline, no JavaScript, no CSS file. */
export function writeFloor(dist: string, dir: string, pages: {path: string; chartId: string}[]): void {
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(join(dir, "bench-floor"), {recursive: true});
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>floor</title>\n");
  for (const p of pages) {
    const svg = readFileSync(join(dist, "downloads", "charts", `${p.chartId}.svg`), "utf8").replace(/^<\?xml[^>]*>\s*/, "");
    writeFileSync(join(dir, "bench-floor", `${p.chartId}.html`), `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.chartId}</title><link rel="icon" href="data:,"><style>body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:680px}svg{max-width:100%;height:auto}</style></head>
<body><main><figure class="chart">${svg}</figure></main></body></html>
`);
  }
}

/**
 * The page's own first screen as a static page: its built HTML with the body's scripts and the deferred parts
 * (deferredHtml) taken out. The head's script stays, so the layout is the one scripted browsers get. Page ÷ this
 * is what the page's scripts and later content add before the first chart; this ÷ floor is what the first
 * screen's own content adds (stylesheet, header, headline, the first step's text). Returns its path on the
 * floor server.
 */
export function writeFirstScreen(dist: string, dir: string, path: string): string {
  const name = path === "/" ? "index" : path.replace(/^\//, "").replace(/\/$/, "/index");
  const html = readFileSync(join(dist, `${name}.html`), "utf8");
  const body = html.indexOf("<body");
  if (body < 0) throw new Error(`${name}.html: no <body>`);
  const screen = html.slice(0, body) + html.slice(body)
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<noscript data-deferred[^>]*>[\s\S]*?<\/noscript>/gi, "");
  // Beside the page's own path, so relative addresses in it resolve as they do on the page.
  const out = `${name}-first-screen.html`;
  mkdirSync(dirname(join(dir, out)), {recursive: true});
  writeFileSync(join(dir, out), screen);
  return "/" + out.replace(/\.html$/, "");
}

/**
 * Two builds of the site side by side (a baseline, e.g. the code before a change, and the current one): each page's
 * runs alternate between them in one warm browser, so a change in machine load touches both sides alike.
 */
export async function runBeforeAfter(baseline: string, dist: string, runs: number, pages = PAGES): Promise<void> {
  console.log(`first-chart bench, before (${baseline}) and after (${dist}); ${machine()}`);
  const after = await siteFor(dist);
  const beforeServer = await serveDist({dir: baseline});
  const before: Site = {url: beforeServer.url, browser: after.browser, close: beforeServer.close};
  try {
    for (const p of pages) {
      const quiet = await waitForQuiet();
      const run = (site: Site) => measureFirstChart(site, p.path, {runs: 1, selector: p.selector});
      await run(before);
      await run(after);
      const b: FirstChart[] = [], a: FirstChart[] = [];
      for (let i = 0; i < runs; i++) {
        b.push(await run(before));
        a.push(await run(after));
      }
      const mb = mergeRuns(b).median, ma = mergeRuns(a).median;
      heading(`${p.path}: median of ${runs} fresh contexts each, before and after alternating, 1280×900; ${quiet}`);
      const row = (label: string, key: keyof FirstChart["median"], format: (v: number) => string) => [label, format(mb[key]), format(ma[key]), fmt.ratio(ma[key], mb[key])];
      console.log(table(["measure", "before (baseline)", "after", "after ÷ before"], [
        row(p.measures ?? "first chart visible", "chartMs", fmt.ms),
        row("first contentful paint", "fcpMs", fmt.ms),
        row("load event end", "loadMs", fmt.ms),
        row("bytes until network idle (encoded)", "bytes", fmt.bytes),
        row("  of which JS + wasm (as sent)", "scriptBytes", fmt.bytes),
        row("requests until network idle", "requests", String)
      ]));
    }
  } finally {
    await beforeServer.close();
    await after.close();
  }
}

export async function runFirstChartBench(argv: string[]): Promise<void> {
  const runs = Number(argValue(argv, "runs") ?? 7);
  const baseline = argValue(argv, "baseline");
  // --only /stories/roads,/stories/county-lines measures some of PAGES (in one run, so they share the machine's load).
  const only = argValue(argv, "only")?.split(",");
  const pages: (typeof PAGES)[number][] = argValue(argv, "path") ? [{path: argValue(argv, "path")!, chartId: argValue(argv, "chart") ?? "", selector: argValue(argv, "selector")}]
    : only ? PAGES.filter((p) => only.includes(p.path)) : PAGES;
  if (baseline) return runBeforeAfter(baseline, argValue(argv, "dist") ?? join(ROOT, "dist"), runs, pages);
  const dist = argValue(argv, "dist") ?? join(ROOT, "dist");
  console.log(`first-chart bench on ${dist}; ${machine()}`);
  const floorDir = join(BENCH_CACHE, "first-chart", "floor");
  writeFloor(dist, floorDir, pages.filter((p) => p.chartId));
  // Written before the server starts, which lists its files once.
  const screenPaths = new Map(pages.map((p) => [p.path, writeFirstScreen(dist, floorDir, p.path)]));
  const site = await siteFor(dist);
  const floorServer = await serveDist({dir: floorDir});
  const floorSite: Site = {url: floorServer.url, browser: site.browser, close: floorServer.close};
  try {
    for (const p of pages) {
      // Alternate page, floor and first-screen runs in one warm browser; each run is a fresh context (cold HTTP cache).
      const quiet = await waitForQuiet();
      const screenPath = screenPaths.get(p.path)!;
      const pageRun = () => measureFirstChart(site, p.path, {runs: 1, selector: p.selector});
      const floorRun = () => measureFirstChart(floorSite, `/bench-floor/${p.chartId}`, {runs: 1});
      const screenRun = () => measureFirstChart(floorSite, screenPath, {runs: 1, selector: p.selector});
      await pageRun();
      if (p.chartId) await floorRun();
      await screenRun();
      // The runs alternate, so a change in machine load touches every side of the ratios alike.
      const pageRuns: FirstChart[] = [], floorRuns: FirstChart[] = [], screenRuns: FirstChart[] = [];
      for (let i = 0; i < runs; i++) {
        pageRuns.push(await pageRun());
        if (p.chartId) floorRuns.push(await floorRun());
        screenRuns.push(await screenRun());
      }
      const page = mergeRuns(pageRuns), screen = mergeRuns(screenRuns);
      const floor = p.chartId ? mergeRuns(floorRuns) : undefined;
      heading(`${p.path} (chart ${p.chartId || "?"}): median of ${runs} fresh contexts each, page, floor and first screen alternating, 1280×900, scripts/static-server.ts on 127.0.0.1 (gzip only where a .gz file exists); ${quiet}`);
      const f = floor?.median;
      const m = page.median, sc = screen.median;
      const row = (label: string, key: keyof FirstChart["median"], format: (v: number) => string, ratios = true) => [label, format(f?.[key] ?? NaN), format(sc[key]), format(m[key]),
        ratios ? fmt.ratio(m[key], f?.[key] ?? NaN) : "", ratios ? fmt.ratio(sc[key], f?.[key] ?? NaN) : "", ratios ? fmt.ratio(m[key], sc[key]) : ""];
      console.log(table(["measure", "floor: static SVG page (baseline)", "first screen alone (static)", `page ${p.path}`, "page ÷ floor", "first screen ÷ floor", "page ÷ first screen"], [
        row(p.measures ?? "first chart visible", "chartMs", fmt.ms),
        row("first contentful paint", "fcpMs", fmt.ms),
        row("load event end", "loadMs", fmt.ms),
        row("bytes until network idle (encoded)", "bytes", fmt.bytes),
        row("bytes if gzipped by the host (estimate)", "gzipBytes", fmt.bytes),
        row("  of which JS + wasm (as sent)", "scriptBytes", fmt.bytes, false),
        row("requests", "requests", String)
      ]));
      const list = (xs: number[] | undefined) => xs?.map((x) => Math.round(x)).join(", ") ?? "–";
      console.log(`  first chart, ms: page ${list(page.chartMs)}; floor ${list(floor?.chartMs)}; first screen ${list(screen.chartMs)}`);
      const outside = [...page.outside, ...(floor?.outside ?? []), ...screen.outside];
      console.log(outside.length ? `  OUTSIDE REQUESTS (blocked): ${[...new Set(outside)].join(", ")}` : "  no request left 127.0.0.1");
    }
  } finally {
    await floorServer.close();
    await site.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runFirstChartBench(process.argv.slice(2));
}
