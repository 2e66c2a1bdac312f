// Every chart on the site, computed once per snapshot and cached: pages embed them, and the build
// writes each one's CSV, SVG and embed page at a stable address (see scripts/postbuild.ts).
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {ChartSpec} from "../../src/components/chart.ts";
import {cacheKey} from "../lib/cache-key.ts";
import {ROOT} from "../lib/paths.ts";
import {withExtracts} from "../extracts/query.ts";
import {homeMonthlyTrend} from "./home.ts";
import {roadCharts} from "./roads.ts";
import {areaCharts} from "./areas.ts";
import type {Db} from "../lib/duckdb.ts";

/** Chart builders, in page order. Each returns one chart or several. */
const BUILDERS: ((db: Db) => Promise<ChartSpec | ChartSpec[]>)[] = [homeMonthlyTrend, roadCharts, areaCharts];

const CACHE_DIR = join(ROOT, ".cache", "charts");

/** Charts change when the snapshot, the reference tables or the code that computes or draws them changes. */
const CODE_DIRS = ["loaders/charts", "loaders/extracts", "loaders/areas", "loaders/geo", "loaders/roads", "loaders/sources", "src/components", "src/components/plots"];

let pending: Promise<Map<string, ChartSpec>> | undefined;

export function chartCatalogue(): Promise<Map<string, ChartSpec>> {
  return (pending ??= (async () => {
    const file = join(CACHE_DIR, `${cacheKey(CODE_DIRS)}.json`);
    if (existsSync(file) && !process.env.CHARTS_NO_CACHE) {
      return new Map((JSON.parse(readFileSync(file, "utf8")) as ChartSpec[]).map((c) => [c.id, c]));
    }
    const charts = await withExtracts(async (db) => {
      const out: ChartSpec[] = [];
      for (const build of BUILDERS) out.push(...[await build(db)].flat()); // one connection: one query at a time
      return out;
    });
    const ids = new Set<string>();
    for (const c of charts) {
      if (ids.has(c.id)) throw new Error(`two charts share the id ${c.id}`);
      ids.add(c.id);
    }
    mkdirSync(CACHE_DIR, {recursive: true});
    writeFileSync(`${file}.tmp-${process.pid}`, JSON.stringify(charts));
    renameSync(`${file}.tmp-${process.pid}`, file);
    return new Map(charts.map((c) => [c.id, c]));
  })());
}

export async function getChart(id: string): Promise<ChartSpec> {
  const chart = (await chartCatalogue()).get(id);
  if (!chart) throw new Error(`no chart with id ${id}`);
  return chart;
}
