// Chart builders for police.uk counts that more than one page draws: a monthly trend over every month held (gaps
// drawn and named), rates per 1,000 residents by area, last-outcome shares against a comparison, and counts by
// small area (LSOA) on a map. Each takes counts from loaders/extracts/crime-facts.ts and the words its page computed;
// it returns a typed chart spec.
import type {ChartSpec} from "../../src/components/chart.ts";
import {formatCount, formatMonthRange} from "../../src/components/format.ts";
import {monthGaps} from "../../src/components/months.ts";
import type {CountsByArea, OutcomeShare} from "../extracts/crime-facts.ts";
import {readLsoaFeatures} from "../geo/boundaries.ts";
import {pointCount, webTopology} from "../geo/topology.ts";
import {areas, force} from "../lib/force.ts";
import {describeGaps, describeMonths, numberWord} from "../lib/words.ts";

/** What every chart states about itself: its address, its words and its source. */
export interface ChartText {
  id: string;
  title: string;
  subtitle: string;
  description: string;
  note?: string;
  source: string;
  updated: string;
}

/** How a monthly trend is drawn beyond its rows. */
export interface TrendOptions {
  yLabel?: string;
  /** months where something changed how the series is counted (a recording rule): labelled vertical lines */
  events?: {month: string; label: string}[];
  /** wrap the line-end labels at this width in ems (long series names) */
  labelWidth?: number;
}

/** Monthly counts, one line per series, broken where months are not held (the chart names the gap). */
export function monthlyTrendChart(text: ChartText, rows: {month: string; series: string; count: number}[], {yLabel = "Records per month", events, labelWidth}: TrendOptions = {}): ChartSpec {
  const series = [...new Set(rows.map((r) => r.series))];
  return {
    ...text,
    plot: "gappedMonthlyLines",
    options: {series, yLabel, ...(events?.length ? {events} : {}), ...(labelWidth ? {labelWidth} : {})},
    data: rows,
    columns: [{key: "month", label: "Month", kind: "month"}, {key: "series", label: "Type", kind: "text"}, {key: "count", label: "Records", kind: "count"}]
  };
}

/**
 * What a monthly trend over every month held says about its gaps and its under-supplied months: "The gaps
 * (December 2022 to December 2023 and May to December 2024) are months this snapshot does not hold, …".
 */
export function trendGapNote(months: string[], underSupplied: string[]): string {
  const gaps = describeGaps(months), n = underSupplied.length;
  const one = monthGaps(months).length === 1;
  return [
    gaps ? `The ${one ? "gap" : "gaps"} (${gaps}) ${one ? "is" : "are"} months this snapshot does not hold, not months without crime.` : "",
    n ? `${describeMonths(underSupplied)} ${n === 1 ? "looks" : "look"} low because police.uk seems not to have received all records for ${n === 1 ? "it" : "them"} (every crime type is lower than in the months around), not because crime fell.` : ""
  ].filter(Boolean).join(" ");
}

/** Rates per 1,000 residents for each area and the force as a whole, highest first; `highlight` marks one area. */
export function areaRatesChart(text: ChartText, counts: CountsByArea, countLabel: string, highlight?: string): ChartSpec {
  const period = formatMonthRange(counts.months[0], counts.months.at(-1)!);
  const data = [
    ...counts.areas.map((a) => ({label: a.area.code === highlight ? `${a.area.name} (this area)` : a.area.name, value: Math.round(a.rate * 10) / 10,
      count: a.count, population: a.area.population, role: a.area.code === highlight ? "this" : "other"})),
    {label: `${force.place} (all ${numberWord(areas.length)} areas)`, value: Math.round(counts.force.rate * 10) / 10, count: counts.force.count, population: counts.force.population, role: "force"}
  ].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  return {
    ...text,
    plot: "rankedBars",
    options: {valueLabel: `${countLabel} per 1,000 residents`, format: "rate"},
    data,
    columns: [{key: "label", label: "Area", kind: "text"}, {key: "count", label: `${countLabel}, ${period}`, kind: "count"},
      {key: "population", label: "Residents (Census 2021)", kind: "count"}, {key: "value", label: "Per 1,000 residents", kind: "rate"}]
  };
}

/** What an outcome chart calls its outcomes and what they are outcomes of (police.uk crimes by default). */
export interface OutcomeWords {
  outcome: string;
  count: string;
  share: string;
}
const CRIME_OUTCOMES: OutcomeWords = {outcome: "Last outcome", count: "Crimes", share: "Share of crimes"};

/**
 * The share of crimes ending in each last outcome, with a comparison marked on each bar (such as all crime, or the
 * force): the `top` most common outcomes, and the rest together. `words` names other outcomes (stop and search).
 */
export function outcomeSharesChart(text: ChartText, shares: OutcomeShare[], compare: OutcomeShare[], compareLabel: string, top = 7, words: OutcomeWords = CRIME_OUTCOMES): ChartSpec {
  const compareShare = (outcome: string) => compare.find((c) => c.outcome === outcome)?.share ?? 0;
  const shown = shares.slice(0, top), rest = shares.slice(top);
  const restOutcomes = new Set(rest.map((r) => r.outcome));
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const data = [
    ...shown.map((o) => ({label: o.outcome, count: o.count, share: round(o.share), compare: round(compareShare(o.outcome))})),
    ...(rest.length ? [{label: `Other outcomes (${rest.length} kinds)`, count: rest.reduce((s, o) => s + o.count, 0), share: round(rest.reduce((s, o) => s + o.share, 0)),
      compare: round(compare.filter((c) => restOutcomes.has(c.outcome) || !shares.some((o) => o.outcome === c.outcome)).reduce((s, c) => s + c.share, 0))}] : [])
  ];
  return {
    ...text,
    plot: "shareBars",
    options: {valueLabel: words.share, compareLabel},
    data,
    columns: [{key: "label", label: words.outcome, kind: "text"}, {key: "count", label: words.count, kind: "count"}, {key: "share", label: "Share", kind: "percent"},
      {key: "compare", label: `Share, ${compareLabel}`, kind: "percent"}]
  };
}

/** Quantile bands with whole-number edges, low to high: [{min, max, label}] */
export function countBands(counts: number[], n = 5): {min: number; max: number; label: string}[] {
  const sorted = [...counts].sort((a, b) => a - b);
  if (!sorted.length) return [];
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const edges = [...new Set(Array.from({length: n - 1}, (_, i) => q((i + 1) / n)))].filter((e) => e < sorted.at(-1)!);
  const bands: {min: number; max: number; label: string}[] = [];
  let min = sorted[0];
  for (const e of [...edges, sorted.at(-1)!]) {
    if (e < min) continue;
    bands.push({min, max: e, label: min === e ? formatCount(e) : `${formatCount(min)} to ${formatCount(e)}`});
    min = e + 1;
  }
  return bands;
}

/**
 * Counts by LSOA across the force's areas on one map (LSOA polygons per area, readLsoaFeatures), in quantile bands;
 * the `numbered` LSOAs with most are outlined and numbered. Every LSOA of the areas is drawn, those with no record
 * at 0. A sentence on LSOAs with records but no boundary (not drawn) is added to the note.
 */
export function lsoaCountsMapChart(text: ChartText, counts: {lsoa: string; areaCode: string; count: number}[], valueLabel: string, numbered = 5): ChartSpec {
  const layers = areas.map((a) => ({area: a, ...readLsoaFeatures(a.code)}));
  const features = layers.flatMap((l) => l.features);
  const areaOf = new Map(layers.flatMap((l) => l.features.map((f) => [f.properties.code, l.area.name] as const)));
  const byCode = new Map(counts.map((c) => [c.lsoa, c.count]));
  const drawn = features.map((f) => ({code: f.properties.code, name: f.properties.name, count: byCode.get(f.properties.code) ?? 0}));
  const missing = counts.filter((c) => !areaOf.has(c.lsoa));
  const bands = countBands(drawn.map((d) => d.count));
  const ranked = [...drawn].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const added = layers.flatMap((l) => l.added);
  const data = ranked.map((d, i) => ({rank: i + 1, code: d.code, name: d.name, area: areaOf.get(d.code)!, count: d.count,
    band: bands.find((b) => d.count >= b.min && d.count <= b.max)?.label ?? bands.at(-1)!.label}));
  const notDrawn = missing.length ? ` ${formatCount(missing.reduce((s, c) => s + c.count, 0))} records in ${formatCount(missing.length)} LSOAs without a boundary in the snapshot are not drawn.` : "";
  return {
    ...text,
    ...(text.note || notDrawn ? {note: `${text.note ?? ""}${notDrawn}`.trim()} : {}),
    plot: "choropleth",
    options: {
      topology: webTopology({lsoa: features}, {keep: Math.min(0.3, 9000 / pointCount(features)), quantization: 5000}), object: "lsoa",
      bands: bands.map((b) => b.label), valueLabel, numbered,
      ...(added.length ? {dashed: added, caption: "Dashed outlines: 2021 LSOAs, from a later ONS release than the rest (2011), so shared edges differ slightly."} : {})
    },
    data,
    columns: [{key: "rank", label: "Rank", kind: "count"}, {key: "name", label: "LSOA", kind: "text"}, {key: "code", label: "LSOA code", kind: "text"},
      {key: "area", label: "Area", kind: "text"}, {key: "count", label: valueLabel, kind: "count"}, {key: "band", label: "Map band", kind: "text"}]
  };
}
