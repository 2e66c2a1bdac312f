// The files the site publishes beside its pages, written once per snapshot and code version before Framework
// builds (npm run build's prebuild step, scripts/prepare-site-files.ts), so Framework can build them as ordinary
// routes and its link check knows every one:
//   charts/<id>.csv|.svg|.json   each chart's data, press image and spec (src/downloads/charts.tar.ts)
//   embed/<id>.md                each chart's embed page (src/embed/[chart].md.js)
//   areas/<file>.csv             each area's slice of the monthly extract (src/downloads/areas.tar.ts)
//   index.json                   what is there, for the routes (observablehq.config.ts dynamicPaths)
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {chartCsv} from "../../src/components/chart.ts";
import {writeAreaDownloads} from "../areas/downloads.ts";
import {moduleCacheKey} from "../lib/cache-key.ts";
import {ROOT} from "../lib/paths.ts";
import {chartEmbedPage, chartSvgFile} from "../site/chart-files.ts";
import {allCharts} from "./catalogue.ts";

export const SITE_FILES_DIR = join(ROOT, ".cache", "site-files");
const CURRENT = join(SITE_FILES_DIR, "current.json");

export interface SiteFilesIndex {
  /** folder holding the files, relative to the repository root */
  dir: string;
  charts: string[];
  areaFiles: string[];
}

/** Writes the site files for the current snapshot and code, unless they are already there; returns the index. */
export async function prepareSiteFiles(): Promise<SiteFilesIndex> {
  const key = moduleCacheKey([join(ROOT, "loaders", "pages", "site-files.ts")]);
  const dir = join(".cache", "site-files", key);
  const index = join(ROOT, dir, "index.json");
  if (!existsSync(index)) {
    const tmp = join(ROOT, `${dir}.tmp-${process.pid}`);
    rmSync(tmp, {recursive: true, force: true});
    for (const sub of ["charts", "embed", "areas"]) mkdirSync(join(tmp, sub), {recursive: true});
    const charts = await allCharts();
    for (const spec of charts) {
      writeFileSync(join(tmp, "charts", `${spec.id}.csv`), chartCsv(spec));
      writeFileSync(join(tmp, "charts", `${spec.id}.svg`), chartSvgFile(spec));
      writeFileSync(join(tmp, "charts", `${spec.id}.json`), JSON.stringify(spec));
      writeFileSync(join(tmp, "embed", `${spec.id}.md`), chartEmbedPage(spec));
    }
    const areaFiles = await writeAreaDownloads(join(tmp, "areas"));
    const content: SiteFilesIndex = {dir, charts: charts.map((c) => c.id), areaFiles};
    writeFileSync(join(tmp, "index.json"), JSON.stringify(content));
    rmSync(join(ROOT, dir), {recursive: true, force: true});
    renameSync(tmp, join(ROOT, dir));
  }
  writeFileSync(CURRENT, JSON.stringify({dir}));
  return readSiteFilesIndex();
}

/** The index of the files prepareSiteFiles wrote last (Framework's routes read the files it lists). */
export function readSiteFilesIndex(): SiteFilesIndex {
  if (!existsSync(CURRENT)) throw new Error("no site files yet: run `npm run build` (or `npm run dev`), whose first step writes them (scripts/prepare-site-files.ts)");
  const {dir} = JSON.parse(readFileSync(CURRENT, "utf8")) as {dir: string};
  return JSON.parse(readFileSync(join(ROOT, dir, "index.json"), "utf8")) as SiteFilesIndex;
}
