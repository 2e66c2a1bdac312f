// A chart group: the charts one part of the site draws (a story, the area pages, the home page), built by one
// typed function of the extracts and cached on disk. Framework runs each page loader in a process of its own,
// so without the cache every area page would compute every area's charts again.
//   export const roadsCharts = chartGroup("roads", import.meta.url, async (db) => ({severity: …, map: …}));
//   const charts = await roadsCharts.load();   // typed: charts.severity is a ChartSpec
// The cache key covers the snapshot, the reference tables and every module the group's file imports, so a code
// change anywhere in what builds the charts rebuilds them (loaders/lib/module-graph.ts).
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import type {ChartSpec} from "../../src/components/chart.ts";
import {moduleCacheKey} from "../lib/cache-key.ts";
import type {Db} from "../lib/duckdb.ts";
import {ROOT} from "../lib/paths.ts";
import {withExtracts} from "../extracts/query.ts";

/** Charts in any nesting of records and lists (optional charts may be absent). */
export type ChartTree = ChartSpec | undefined | readonly ChartTree[] | {readonly [key: string]: ChartTree};

export interface ChartGroup<T extends ChartTree> {
  name: string;
  /** the group's charts, computed once per snapshot and code version */
  load(): Promise<T>;
}

const CACHE_DIR = join(ROOT, ".cache", "charts");

export function chartGroup<T extends ChartTree>(name: string, moduleUrl: string, build: (db: Db) => Promise<T>): ChartGroup<T> {
  let pending: Promise<T> | undefined;
  const module = fileURLToPath(moduleUrl);
  return {
    name,
    load: () => (pending ??= (async () => {
      const file = join(CACHE_DIR, `${name}-${moduleCacheKey([module])}.json`);
      if (existsSync(file) && !process.env.CHARTS_NO_CACHE) return JSON.parse(readFileSync(file, "utf8")) as T;
      const charts = await withExtracts(build);
      mkdirSync(CACHE_DIR, {recursive: true});
      writeFileSync(`${file}.tmp-${process.pid}`, JSON.stringify(charts));
      renameSync(`${file}.tmp-${process.pid}`, file);
      return charts;
    })())
  };
}

function isChart(tree: ChartTree): tree is ChartSpec {
  return !!tree && !Array.isArray(tree) && typeof (tree as ChartSpec).plot === "string" && typeof (tree as ChartSpec).id === "string";
}

/** Every chart in a tree, in order. */
export function chartsOf(tree: ChartTree): ChartSpec[] {
  if (!tree) return [];
  if (isChart(tree)) return [tree];
  if (Array.isArray(tree)) return tree.flatMap(chartsOf);
  return Object.values(tree as {[key: string]: ChartTree}).flatMap(chartsOf);
}
