// The /figures page's chart: every count and rate open data can check now, as a percentage of the published figure
// (one footing for collisions, offences and rates per 1,000), with the published figure itself at 100%.
import type {ChartSpec} from "../../src/components/chart.ts";
import {formatCount, formatMonth, formatRate} from "../../src/components/format.ts";
import {chartGroup} from "../charts/group.ts";
import {lower, periodWords} from "../lib/words.ts";
import {POLICE_UK_SOURCE, STATS19_SOURCE} from "../charts/sources.ts";
import {areaByCode} from "../lib/force.ts";
import {documentOf} from "../sources/documents.ts";
import {CLOSE, figureComparisons, STATUS_LABELS, type Comparison} from "./compare.ts";
import {periodText} from "../sources/documents.ts";

export const figuresCharts = chartGroup("figures", import.meta.url, async (db) => ({openVsPublished: openVsPublished(await figureComparisons(db))}));

/** Figures open data checks on the same footing: counts and rates (not changes or directions). */
export const chartable = (c: Comparison) => !!c.open && !c.open.before && (c.measure.unit === "count" || c.measure.unit === "per_1000") && c.measure.value > 0;

/** "Killed or seriously injured collisions, force area": the measure, shortened to fit a phone, and its place. */
const label = (c: Comparison) => `${c.measure.measure.replace(/ \(comparator\)| \(KSI\)|road traffic | population/g, "")}, ${c.measure.areaCode ? areaByCode.get(c.measure.areaCode)!.name : "force area"}`;

/** Open data over the published figure, with open data rounded as the verdict rounds it. */
const ratio = (c: Comparison) => c.rounded! / c.measure.value;

const shown = (c: Comparison, v: number) => (c.measure.unit === "per_1000" ? formatRate(v) : formatCount(v));

function openVsPublished(comparisons: Comparison[]): ChartSpec | undefined {
  const rows = comparisons.filter(chartable);
  if (!rows.length) return undefined;
  const n = (s: string) => rows.filter((c) => c.status === s).length;
  const data = rows.map((c) => ({
    label: label(c),
    share: Math.round(ratio(c) * 1000) / 1000,
    compare: 1,
    published: c.measure.value,
    open: c.rounded!,
    verdict: STATUS_LABELS[c.status],
    source: `${documentOf(c.measure.document).shortTitle}, ${periodText(c.measure.period)}; ${c.open!.source}, ${periodWords(c.open!.months)}`
  }));
  const furthest = rows.reduce((a, b) => (Math.abs(ratio(b) - 1) > Math.abs(ratio(a) - 1) ? b : a));
  const sources = [...new Set(rows.map((c) => c.open!.source))];
  return {
    id: "figures-open-vs-published",
    title: `Open data matches ${formatCount(n("matches"))} of the ${formatCount(rows.length)} published counts and rates it can check, and comes within ${CLOSE * 100}% of ${formatCount(n("close"))} more`,
    subtitle: "What open data shows, as a percentage of each published figure (the black tick is the published figure, 100%)",
    description: `Of ${formatCount(rows.length)} published counts and rates that open data can be set beside now, ${formatCount(n("matches"))} ${n("matches") === 1 ? "matches" : "match"}, ${formatCount(n("close"))} are within ${CLOSE * 100}% and ${formatCount(n("differs"))} differ by more. `
      + `The furthest apart is ${lower(label(furthest))}: ${shown(furthest, furthest.measure.value)} published, ${shown(furthest, furthest.rounded!)} in ${furthest.open!.source}. `
      + "Periods and definitions are not the same for every figure; the table of every figure says how each one differs.",
    note: "Bars are on one footing: open data divided by the published figure. Where the snapshot does not cover the report's period, the nearest 12 months it holds stand in, so some differences are periods as much as counts.",
    plot: "shareBars",
    options: {valueLabel: "Open data as a percentage of the published figure", compareLabel: "published", labelCompare: false},
    data,
    columns: [{key: "label", label: "Figure", kind: "text"}, {key: "published", label: "Published", kind: "rate"}, {key: "open", label: "Open data", kind: "rate"},
      {key: "share", label: "Open data as a share of published", kind: "percent"}, {key: "verdict", label: "Verdict", kind: "text"}, {key: "source", label: "Periods", kind: "text"}],
    source: `The reports named in each row; ${sources.map((s) => (s === "STATS19" ? STATS19_SOURCE : POLICE_UK_SOURCE)).join("; ")}`,
    updated: `Open data to ${formatMonth(rows.map((c) => c.open!.months.at(-1)!).sort().at(-1)!)}`
  };
}
