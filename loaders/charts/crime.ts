// Chart builders for police.uk counts that more than one page draws: a monthly trend over every month held (gaps
// drawn and named), rates per 1,000 residents by area, and last-outcome shares against a comparison. Each takes
// counts from loaders/extracts/crime-facts.ts and the words its page computed; it returns a typed chart spec.
import type {ChartSpec} from "../../src/components/chart.ts";
import {formatMonthRange} from "../../src/components/format.ts";
import {monthGaps} from "../../src/components/months.ts";
import type {CountsByArea, OutcomeShare} from "../extracts/crime-facts.ts";
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

/** Monthly counts, one line per series, broken where months are not held (the chart names the gap). */
export function monthlyTrendChart(text: ChartText, rows: {month: string; series: string; count: number}[], yLabel = "Records per month"): ChartSpec {
  const series = [...new Set(rows.map((r) => r.series))];
  return {
    ...text,
    plot: "gappedMonthlyLines",
    options: {series, yLabel},
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

/**
 * The share of crimes ending in each last outcome, with a comparison marked on each bar (such as all crime, or the
 * force): the `top` most common outcomes, and the rest together.
 */
export function outcomeSharesChart(text: ChartText, shares: OutcomeShare[], compare: OutcomeShare[], compareLabel: string, top = 7): ChartSpec {
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
    options: {valueLabel: "Share of crimes", compareLabel},
    data,
    columns: [{key: "label", label: "Last outcome", kind: "text"}, {key: "count", label: "Crimes", kind: "count"}, {key: "share", label: "Share", kind: "percent"},
      {key: "compare", label: `Share, ${compareLabel}`, kind: "percent"}]
  };
}
