// Every chart the site publishes: the home page's, the area pages', the forces page's, each story's and the published figures page's. The build
// writes each one's files at stable addresses (loaders/pages/site-files.ts) and the chart snapshot tests draw them all.
import type {ChartSpec} from "../../src/components/chart.ts";
import {areaCharts} from "../areas/charts.ts";
import {chartsOf, type ChartGroup, type ChartTree} from "../charts/group.ts";
import {forcesCharts} from "../forces/charts.ts";
import {figuresCharts} from "../figures/charts.ts";
import {STORIES} from "../stories/registry.ts";
import {homeCharts} from "./home-charts.ts";

export async function chartGroups(): Promise<ChartGroup<ChartTree>[]> {
  const stories = await Promise.all(STORIES.filter((s) => s.status === "published").map(async (s) => (await s.load()).story.charts));
  return [homeCharts, areaCharts, forcesCharts, ...stories, figuresCharts];
}

/** All charts, in page order; their ids are unique (each names its files). */
export async function allCharts(): Promise<ChartSpec[]> {
  const charts: ChartSpec[] = [];
  for (const group of await chartGroups()) charts.push(...chartsOf(await group.load()));
  const seen = new Set<string>();
  for (const c of charts) {
    if (seen.has(c.id)) throw new Error(`two charts share the id ${c.id}: each chart's id names its download and embed addresses`);
    seen.add(c.id);
  }
  return charts;
}
