// Charts on /forces: every compared force's crime per 1,000 residents, ranked (the force highlighted, its neighbours
// named, the average of the forces shown), and the force's rate by crime type against that average. Every title and
// description is computed from the facts (facts.ts).
import type {ChartSpec} from "../../src/components/chart.ts";
import {formatCount, formatMonth, formatRate, formatRate2} from "../../src/components/format.ts";
import {chartGroup} from "../charts/group.ts";
import {CENSUS_DISTRICTS_SOURCE, POLICE_UK_NATIONAL_SOURCE} from "../charts/sources.ts";
import {force} from "../lib/force.ts";
import {capital, comparedWith, listWords, lower, periodWords, possessive, rankWords} from "../lib/words.ts";
import {forcesFacts, type ForcesFacts} from "./facts.ts";

export const forcesCharts = chartGroup("forces", import.meta.url, async (db) => {
  const facts = await forcesFacts(db);
  return {rates: forceRatesChart(facts), byType: forceTypesChart(facts)};
});

const SOURCE = `${POLICE_UK_NATIONAL_SOURCE}; ${CENSUS_DISTRICTS_SOURCE}`;
const updated = (f: ForcesFacts) => `Data to ${formatMonth(f.months.at(-1)!)}`;

/** "the 36 forces with all 12 months of 2025" */
export const comparedWords = (f: ForcesFacts): string => `the ${formatCount(f.compared.length)} forces with all ${f.months.length} months of ${f.year}`;

/** "Average of the 36 forces" */
export const averageLabel = (f: ForcesFacts): string => `Average of the ${formatCount(f.average.forces)} forces`;

/** The forces not compared, in a sentence for a chart's note. */
export function missingWords(f: ForcesFacts): string {
  return `Not shown: ${f.missing.map((m) => `${m.name}, as ${m.reason}`).join("; ")}.`;
}

function forceRatesChart(f: ForcesFacts): ChartSpec {
  const neighbours = new Set(f.neighbours.map((n) => n.force));
  const label = (r: ForcesFacts["compared"][number]) => (r.force === f.force.force ? `${r.name} (this force)` : neighbours.has(r.force) ? `${r.name} (neighbour)` : r.name);
  const round = (n: number) => Math.round(n * 10) / 10;
  const data = [
    ...f.compared.map((r) => ({rank: r.rank, label: label(r), value: round(r.rate), crime: r.crime, population: r.population, districts: r.districts,
      role: r.force === f.force.force ? "this" : "other"})),
    {rank: null, label: averageLabel(f), value: round(f.average.meanRate), crime: null, population: null, districts: null, role: "force"}
  ];
  // Forces in rank order, the average placed by its exact value among them (rounded values can tie).
  const exact = new Map([...f.compared.map((r) => [label(r), r.rate] as const), [averageLabel(f), f.average.meanRate]]);
  data.sort((a, b) => exact.get(b.label)! - exact.get(a.label)! || a.label.localeCompare(b.label));
  const top = f.compared[0], bottom = f.compared.at(-1)!;
  const higher = f.neighbours.filter((n) => n.rate !== null && n.rate > f.force.rate), lower_ = f.neighbours.filter((n) => n.rate !== null && n.rate <= f.force.rate);
  const neighbourWords = (list: typeof f.neighbours) => listWords(list.map((n) => `${n.name} (${formatRate(n.rate!)})`));
  return {
    id: "forces-crime-rates",
    title: `${possessive(force.name)} crime rate was ${rankWords(f.force.rank, f.compared.length, "forces")} in ${f.year}`,
    subtitle: `Crimes (excluding anti-social behaviour) recorded on police.uk per 1,000 residents, ${periodWords(f.months)}, ${comparedWords(f)}. Grey: the average of their rates.`,
    description: `${force.name} recorded ${formatRate(f.force.rate)} crimes per 1,000 residents in ${f.year}, ${rankWords(f.force.rank, f.compared.length, "forces")} and ${comparedWith(f.force.rate, f.average.meanRate)} the average of the forces (${formatRate(f.average.meanRate)}). Rates ranged from ${formatRate(bottom.rate)} (${bottom.name}) to ${formatRate(top.rate)} (${top.name}).${higher.length ? ` Neighbouring forces with higher rates: ${neighbourWords(higher)}.` : ""}${lower_.length ? ` Neighbouring forces with lower rates: ${neighbourWords(lower_)}.` : ""}`,
    plot: "rankedBars",
    options: {valueLabel: "Crimes per 1,000 residents", format: "rate"},
    data,
    columns: [{key: "rank", label: "Rank (1 = highest)", kind: "count"}, {key: "label", label: "Force", kind: "text"}, {key: "crime", label: `Crimes, ${f.year}`, kind: "count"},
      {key: "population", label: "Residents (Census 2021)", kind: "count"}, {key: "districts", label: "Districts", kind: "count"}, {key: "value", label: "Per 1,000 residents", kind: "rate"}],
    source: SOURCE,
    updated: updated(f),
    note: `${f.caveat} A force's residents are those of the council districts where most of its records fall. ${missingWords(f)}`
  };
}

function forceTypesChart(f: ForcesFacts): ChartSpec {
  const round = (n: number) => Math.round(n * 100) / 100;
  const data = f.byType.map((t) => ({label: t.crimeType, count: t.count, share: round(t.rate), compare: round(t.meanRate), rank: t.rank}));
  const above = f.byType.filter((t) => comparedWith(t.rate, t.meanRate) === "above"), below = f.byType.filter((t) => comparedWith(t.rate, t.meanRate) === "below");
  const typeWords = (list: typeof f.byType) => listWords(list.map((t) => `${lower(t.crimeType)} (${formatRate2(t.rate)} against ${formatRate2(t.meanRate)})`));
  return {
    id: "forces-crime-types",
    title: `${possessive(force.name)} crime rate by type, against the average of the forces`,
    subtitle: `Crimes recorded on police.uk per 1,000 residents by type, ${periodWords(f.months)}. Bar: ${force.name}; black mark: the average of ${comparedWords(f)}.`,
    description: [
      above.length ? `${force.name} had more crime per 1,000 residents than the average of the forces for ${typeWords(above)}.` : "",
      below.length ? `It had less for ${typeWords(below)}.` : "",
      above.length + below.length < f.byType.length ? `${capital(listWords(f.byType.filter((t) => comparedWith(t.rate, t.meanRate) === "about the same as").map((t) => lower(t.crimeType))))} ${above.length + below.length === f.byType.length - 1 ? "was" : "were"} within 5% of the average.` : ""
    ].filter(Boolean).join(" "),
    plot: "shareBars",
    options: {valueLabel: "Crimes per 1,000 residents", compareLabel: "average", format: "rate"},
    data,
    columns: [{key: "label", label: "Crime type", kind: "text"}, {key: "count", label: `Crimes, ${f.year}`, kind: "count"}, {key: "share", label: `${force.name}, per 1,000`, kind: "rate"},
      {key: "compare", label: `${averageLabel(f)}, per 1,000`, kind: "rate"}, {key: "rank", label: `Rank of ${formatCount(f.compared.length)} (1 = highest)`, kind: "count"}],
    source: SOURCE,
    updated: updated(f),
    note: `${f.caveat} ${missingWords(f)}`
  };
}
