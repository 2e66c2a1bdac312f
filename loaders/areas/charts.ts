// Charts on the local area pages (/areas/<slug>) and the areas index (/areas/): every title, description
// and number computed from the area facts (facts.ts).
import type {ChartSpec} from "../../src/components/chart.ts";
import {describeChange, formatCount, formatMonth, formatMonthRange, formatPercent, formatRate} from "../../src/components/format.ts";
import {trendGapNote} from "../charts/crime.ts";
import {chartGroup} from "../charts/group.ts";
import {CENSUS_SOURCE, POLICE_UK_SOURCE, STATS19_SOURCE} from "../charts/sources.ts";
import {readLsoaFeatures} from "../geo/boundaries.ts";
import {pointCount, webTopology} from "../geo/topology.ts";
import {areas, force} from "../lib/force.ts";
import {capital, comparedWith, describeMonths, during, numberWord, periodWords, possessive, rankWords} from "../lib/words.ts";
import {deprivationChart} from "./deprivation-section.ts";
import {deprivationFacts} from "./deprivation.ts";
import {areaFacts, type AllFacts, type AreaFacts} from "./facts.ts";
import {lsoaWards} from "./places.ts";
import {trendVerdicts} from "./trend-verdict.ts";

/** The force as a whole, as area charts and tables label it. */
export const FORCE_LABEL = `${force.place} (all ${numberWord(areas.length)} areas)`;
const RATE_SOURCE = `${POLICE_UK_SOURCE}; ${CENSUS_SOURCE}`;
const AREAS_WORDS = `the ${numberWord(areas.length)} areas`;

/** All area charts: two for the index, eight for each area (by slug). */
export const areaCharts = chartGroup("areas", import.meta.url, async (db) => {
  const all = await areaFacts(db);
  const {underSupplied} = await trendVerdicts(db);
  const deprivation = await deprivationFacts(db);
  return {
    index: {crimeRates: rateChart(all, "crime"), asbRates: rateChart(all, "asb")},
    byArea: Object.fromEntries(all.areas.map((f) => [f.area.slug, {
      crimeRates: rateChart(all, "crime", f), asbRates: rateChart(all, "asb", f), trend: trendChart(all, f, underSupplied), changes: changesChart(all, f),
      map: mapChart(all, f), deprivation: deprivationChart(deprivation.areas.find((d) => d.code === f.area.code)!, deprivation.force),
      roads: roadsChart(all, f), outcomes: outcomesChart(all, f)
    }])) as Record<string, AreaChartSet>
  };
});

export type AreaChartSet = {
  crimeRates: ChartSpec;
  asbRates: ChartSpec;
  trend: ChartSpec;
  changes: ChartSpec;
  map: ChartSpec;
  deprivation: ChartSpec;
  roads: ChartSpec;
  outcomes: ChartSpec;
};

const updated = (all: AllFacts) => `Data to ${formatMonth(all.latest)}`;
function rateRanking(all: AllFacts, key: "crimeRate" | "asbRate", highlight?: string) {
  return [
    ...all.areas.map((f) => ({label: f.area.slug === highlight ? `${f.area.name} (this area)` : f.area.name, value: Math.round(f[key] * 10) / 10, role: f.area.slug === highlight ? "this" : "other",
      count: key === "crimeRate" ? f.crime : f.asb, population: f.area.population})),
    {label: FORCE_LABEL, value: Math.round(all.force[key] * 10) / 10, role: "force", count: key === "crimeRate" ? all.force.crime : all.force.asb, population: all.force.population}
  ].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

const rateColumns = (what: string) => [
  {key: "label", label: "Area", kind: "text" as const},
  {key: "count", label: what, kind: "count" as const},
  {key: "population", label: "Residents (Census 2021)", kind: "count" as const},
  {key: "value", label: "Per 1,000 residents", kind: "rate" as const}
];

/** " The highest was X (v) and the lowest Y (w)." — leaving out whichever is the area itself. */
function extremes(sorted: AreaFacts[], key: "crimeRate" | "asbRate", f: AreaFacts): string {
  const top = sorted[0], bottom = sorted.at(-1)!;
  const parts = [top !== f ? `the highest was ${top.area.name} (${formatRate(top[key])})` : "", bottom !== f ? `the lowest ${bottom.area.name} (${formatRate(bottom[key])})` : ""].filter(Boolean);
  return parts.length ? ` ${capital(parts.join(" and "))}.` : "";
}

function rateChart(all: AllFacts, kind: "crime" | "asb", f?: AreaFacts): ChartSpec {
  const key = kind === "crime" ? "crimeRate" : "asbRate";
  const period = periodWords(all.last12);
  const noun = kind === "crime" ? "crimes" : "anti-social behaviour incidents";
  const data = rateRanking(all, key, f?.area.slug);
  const sorted = [...all.areas].sort((a, b) => b[key] - a[key]);
  const description = f
    ? `${f.area.name} had ${formatRate(f[key])} ${noun} per 1,000 residents ${during(all.last12)}, ${rankWords(kind === "crime" ? f.crimeRank : f.asbRank, all.areas.length)} and ${comparedWith(f[key], all.force[key])} the rate for ${force.place} as a whole (${formatRate(all.force[key])}).${extremes(sorted, key, f)}`
    : `${capital(during(all.last12))}, ${noun} per 1,000 residents ranged from ${formatRate(sorted.at(-1)![key])} in ${sorted.at(-1)!.area.name} to ${formatRate(sorted[0][key])} in ${sorted[0].area.name}; the rate for ${force.place} as a whole was ${formatRate(all.force[key])}.`;
  const title = f
    ? `${possessive(f.area.name)} ${kind === "crime" ? "crime" : "anti-social behaviour"} rate is ${rankWords(kind === "crime" ? f.crimeRank : f.asbRank, all.areas.length)}`
    : kind === "crime" ? `Crime per 1,000 residents is highest in ${sorted[0].area.name}` : `Anti-social behaviour per 1,000 residents is highest in ${sorted[0].area.name}`;
  return {
    id: f ? `area-${f.area.slug}-${kind}-rates` : `areas-${kind}-rates`,
    title,
    subtitle: `${kind === "crime" ? "Crimes (excluding anti-social behaviour)" : "Anti-social behaviour incidents"} per 1,000 residents, ${period}, the ${numberWord(areas.length)} Community Safety Partnership areas`,
    description,
    plot: "rankedBars",
    options: {valueLabel: `${kind === "crime" ? "Crimes" : "Incidents"} per 1,000 residents`, format: "rate"},
    data,
    columns: rateColumns(kind === "crime" ? `Crimes, ${period}` : `Incidents, ${period}`),
    source: RATE_SOURCE,
    updated: updated(all),
    note: kind === "asb" ? "Rates divide police.uk counts by Census 2021 residents. Places with many visitors (town centres, shopping and night-time areas) have higher rates than their residents alone would suggest." : `Rates divide police.uk counts by Census 2021 residents; places with many visitors (town centres, shopping and night-time areas) have higher rates than their residents alone would suggest. The force figure counts records located in ${AREAS_WORDS}; ${formatCount(all.force.noLocation)} records with no location and ${formatCount(all.force.outside)} located just outside the force area are in no area's count.`
  };
}

function trendChart(all: AllFacts, f: AreaFacts, underSupplied: string[]): ChartSpec {
  const data = f.monthly.flatMap((m) => [{month: m.month, series: "Crime", count: m.crime}, {month: m.month, series: "Anti-social behaviour", count: m.asb}])
    .sort((a, b) => (a.series === b.series ? a.month.localeCompare(b.month) : a.series === "Crime" ? -1 : 1));
  const last12 = f.monthly.filter((m) => all.last12.includes(m.month));
  const peak = last12.reduce((a, b) => (b.crime > a.crime ? b : a));
  const low = last12.reduce((a, b) => (b.crime < a.crime ? b : a));
  const asbPeak = last12.reduce((a, b) => (b.asb > a.asb ? b : a));
  return {
    id: `area-${f.area.slug}-trend`,
    title: `Crime and anti-social behaviour in ${f.area.name}, month by month`,
    subtitle: `Records published on police.uk each month, ${describeMonths(all.months)} (the months this snapshot holds)`,
    description: `${capital(during(all.last12))}, crime in ${f.area.name} was highest in ${formatMonth(peak.month)} (${formatCount(peak.crime)}) and lowest in ${formatMonth(low.month)} (${formatCount(low.crime)}). Anti-social behaviour peaked in ${formatMonth(asbPeak.month)} (${formatCount(asbPeak.asb)}).`,
    plot: "gappedMonthlyLines",
    options: {series: ["Crime", "Anti-social behaviour"], yLabel: "Records per month"},
    data,
    columns: [{key: "month", label: "Month", kind: "month"}, {key: "series", label: "Type", kind: "text"}, {key: "count", label: "Records", kind: "count"}],
    source: POLICE_UK_SOURCE,
    updated: updated(all),
    note: `police.uk updates past months when records are reclassified or moved, so counts can change slightly between downloads. ${trendGapNote(all.months, underSupplied)}`
  };
}

function changesChart(all: AllFacts, f: AreaFacts): ChartSpec {
  const before = periodWords(all.compare.before), after = periodWords(all.compare.after);
  const data = [...f.changes].sort((a, b) => b.change - a.change || a.crimeType.localeCompare(b.crimeType))
    .map((c) => ({label: c.crimeType, before: c.before, after: c.after, change: c.change, ratio: c.ratio === null ? null : Math.round(c.ratio * 1000) / 1000}));
  const rises = f.changes.filter((c) => c.change > 0), falls = f.changes.filter((c) => c.change < 0);
  const biggestRise = rises.sort((a, b) => b.change - a.change)[0], biggestFall = falls.sort((a, b) => a.change - b.change)[0];
  const parts = [
    `Comparing ${after} with ${before}, crime in ${f.area.name} ${describeChange(f.totalsBefore.crime, f.totalsAfter.crime)} (${formatCount(f.totalsBefore.crime)} to ${formatCount(f.totalsAfter.crime)}).`,
    biggestFall ? `The biggest fall was in ${biggestFall.crimeType.toLowerCase()} (down ${formatCount(-biggestFall.change)}, from ${formatCount(biggestFall.before)} to ${formatCount(biggestFall.after)}).` : "",
    biggestRise ? `The biggest rise was in ${biggestRise.crimeType.toLowerCase()} (up ${formatCount(biggestRise.change)}, from ${formatCount(biggestRise.before)} to ${formatCount(biggestRise.after)}).` : ""
  ];
  return {
    id: `area-${f.area.slug}-changes`,
    title: `How crime in ${f.area.name} changed, type by type: ${after} against ${before}`,
    subtitle: `Crimes recorded on police.uk. Hollow dot: ${before}; filled dot at the arrow's head: ${after}. The only months this snapshot holds for both years.`,
    description: parts.filter(Boolean).join(" "),
    plot: "beforeAfter",
    options: {valueLabel: "Crimes", beforeLabel: before, afterLabel: after},
    data,
    columns: [{key: "label", label: "Crime type", kind: "text"}, {key: "before", label: before, kind: "count"}, {key: "after", label: after, kind: "count"},
      {key: "change", label: "Change", kind: "count"}, {key: "ratio", label: "Change (%)", kind: "percent"}],
    source: POLICE_UK_SOURCE,
    updated: updated(all),
    note: "Four months are a short window: small categories swing by chance, and a change in how crimes are recorded or classified shows up as a change in the count. Drug offences mostly reflect police activity (searches and operations), not how much drug use there is."
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

function mapChart(all: AllFacts, f: AreaFacts): ChartSpec {
  const {features, added, retired} = readLsoaFeatures(f.area.code);
  const counts = new Map(f.lsoas.map((l) => [l.code, l]));
  const wards = lsoaWards(f.area.code, features);
  const drawn = features.map((x) => ({code: x.properties.code, name: x.properties.name, crime: counts.get(x.properties.code)?.crime ?? 0}));
  const missing = f.lsoas.filter((l) => !features.some((x) => x.properties.code === l.code));
  const bands = countBands(drawn.map((d) => d.crime));
  const ranked = [...drawn].sort((a, b) => b.crime - a.crime || a.code.localeCompare(b.code));
  const data = ranked.map((d, i) => ({
    rank: i + 1, code: d.code, name: d.name, ward: wards.get(d.code) ?? "", count: d.crime,
    band: bands.find((b) => d.crime >= b.min && d.crime <= b.max)?.label ?? bands.at(-1)!.label
  }));
  const period = periodWords(all.last12);
  const median = ranked[Math.floor(ranked.length / 2)].crime;
  const top = data[0];
  const topShare = data.slice(0, 5).reduce((s, d) => s + d.count, 0) / Math.max(1, f.crime);
  return {
    id: `area-${f.area.slug}-lsoa-map`,
    title: `Where in ${f.area.name} crimes were recorded, by small area`,
    subtitle: `Crimes (excluding anti-social behaviour) located in each Lower layer Super Output Area (LSOA), ${period}. Darker means more; the five with the most are outlined and numbered.`,
    description: `${capital(during(all.last12))}, police.uk located ${formatCount(f.crime)} crimes in ${possessive(f.area.name)} ${formatCount(drawn.length)} LSOAs. The most were in ${top.name}${top.ward ? ` (around ${top.ward} ward)` : ""}: ${formatCount(top.count)}. The five LSOAs with the most crimes held ${formatPercent(topShare)} of the area's total; half of all LSOAs had ${formatCount(median)} or fewer.`,
    plot: "choropleth",
    options: {
      topology: webTopology({lsoa: features}, {keep: Math.min(0.4, 2500 / pointCount(features)), quantization: 4000}), object: "lsoa",
      bands: bands.map((b) => b.label), valueLabel: "Crimes", numbered: 5,
      ...(added.length ? {dashed: added, caption: "Dashed outlines: 2021 LSOAs, from a later ONS release than the rest (2011), so shared edges differ slightly."} : {})
    },
    data,
    columns: [{key: "rank", label: "Rank", kind: "count"}, {key: "name", label: "LSOA", kind: "text"}, {key: "code", label: "LSOA code", kind: "text"},
      {key: "ward", label: "Around (2013 ward)", kind: "text"}, {key: "count", label: `Crimes, ${period}`, kind: "count"}, {key: "band", label: "Map band", kind: "text"}],
    source: `${POLICE_UK_SOURCE}; ONS LSOA boundaries (2011${added.length ? ", and 2021 for split areas" : ""}) and 2013 ward boundaries (Open Government Licence v3.0; contains OS data © Crown copyright and database right)`,
    updated: updated(all),
    note: `These are counts, not rates: the snapshot has no population for each LSOA. LSOAs are built to hold roughly similar numbers of people (about 1,000 to 3,000 residents, ONS definition), so counts are broadly comparable, but an LSOA with a town centre, shops, a station or a hospital has more crime recorded than its residents alone would suggest. Locations are anonymised to a nearby street or place. ${added.length ? `Boundaries come from two ONS releases: 2011 LSOAs, with ${formatCount(retired.length)} replaced by the ${formatCount(added.length)} 2021 LSOAs they were split into (drawn from the later release, so their edges differ slightly from their neighbours').` : `Boundaries are ONS 2011 LSOAs: every LSOA police.uk uses in ${f.area.name} kept its 2011 code (and so its boundary) in 2021.`} The ward shown is the 2013 ward containing the LSOA's centre, as a rough guide to where it is.${missing.length ? ` ${formatCount(missing.reduce((s, l) => s + l.crime, 0))} crimes in ${formatCount(missing.length)} LSOAs without a boundary are not drawn.` : ""}`
  };
}

function roadsChart(all: AllFacts, f: AreaFacts): ChartSpec {
  const data = [
    ...all.areas.map((a) => ({label: a.area.slug === f.area.slug ? `${a.area.name} (this area)` : a.area.name, value: Math.round(a.roads.ksiRate * 10) / 10,
      role: a.area.slug === f.area.slug ? "this" : "other", ksi: a.roads.ksi, collisions: a.roads.collisions})),
    {label: FORCE_LABEL, value: Math.round(all.force.roads.ksiRate * 10) / 10, role: "force", ksi: all.force.roads.ksi, collisions: all.force.roads.collisions}
  ].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const rank = [...all.areas].sort((a, b) => b.roads.ksiRate - a.roads.ksiRate).findIndex((a) => a.area.slug === f.area.slug) + 1;
  const year = f.roads.year ?? "";
  return {
    id: `area-${f.area.slug}-roads-ksi`,
    title: `Collisions that killed or seriously injured someone in ${f.area.name}, ${year}`,
    subtitle: `Collisions reported to police in which someone was killed or seriously injured (KSI), per 100,000 residents, ${year}, ${AREAS_WORDS}`,
    description: `In ${year}, police recorded ${formatCount(f.roads.ksi)} collisions in ${f.area.name} in which someone was killed or seriously injured (${formatCount(f.roads.fatal)} fatal, ${formatCount(f.roads.serious)} serious): ${formatRate(f.roads.ksiRate)} per 100,000 residents, ${rankWords(rank, all.areas.length)}, against ${formatRate(all.force.roads.ksiRate)} for ${force.place}.`,
    plot: "rankedBars",
    options: {valueLabel: "KSI collisions per 100,000 residents", format: "rate"},
    data,
    columns: [{key: "label", label: "Area", kind: "text"}, {key: "collisions", label: `All injury collisions, ${year}`, kind: "count"},
      {key: "ksi", label: `KSI collisions, ${year}`, kind: "count"}, {key: "value", label: "KSI per 100,000 residents", kind: "rate"}],
    source: `${STATS19_SOURCE}; ${CENSUS_SOURCE}`,
    updated: `Data for ${year}`,
    note: "STATS19 counts collisions where someone was hurt and police recorded it; damage-only collisions are not included and slight injuries are under-recorded. A collision is placed in the council area where it happened, so main roads through an area count there whoever was driving. The force's own KSI figures are counted differently and will not match."
  };
}

function outcomesChart(all: AllFacts, f: AreaFacts): ChartSpec {
  const top = f.outcomes.slice(0, 7), rest = f.outcomes.slice(7);
  const data = [
    ...top.map((o) => ({label: o.outcome, count: o.count, share: Math.round(o.share * 1000) / 1000, compare: Math.round(o.forceShare * 1000) / 1000})),
    ...(rest.length ? [{label: `Other outcomes (${formatCount(rest.length)} kinds)`, count: rest.reduce((s, o) => s + o.count, 0),
      share: Math.round(rest.reduce((s, o) => s + o.share, 0) * 1000) / 1000, compare: Math.round(rest.reduce((s, o) => s + o.forceShare, 0) * 1000) / 1000}] : [])
  ];
  const first = f.outcomes[0];
  const charged = f.outcomes.filter((o) => /court|charged/i.test(o.outcome));
  const chargedShare = charged.reduce((s, o) => s + o.share, 0), forceCharged = charged.reduce((s, o) => s + o.forceShare, 0);
  return {
    id: `area-${f.area.slug}-outcomes`,
    title: `What happened after crimes were recorded in ${f.area.name}`,
    subtitle: `Latest outcome of crimes recorded ${periodWords(all.last12)}, share of all crimes; the black mark is ${force.place}`,
    description: `Of ${formatCount(f.outcomeTotal)} crimes recorded in ${f.area.name} ${during(all.last12)}, the most common latest outcome was "${first.outcome}" (${formatPercent(first.share)}, against ${formatPercent(first.forceShare)} for ${force.place}). Outcomes involving a charge or court (${charged.map((o) => `"${o.outcome}"`).join(", ")}) made up ${formatPercent(chargedShare, 1)}, against ${formatPercent(forceCharged, 1)} for ${force.place}.`,
    plot: "shareBars",
    options: {valueLabel: "Share of crimes", compareLabel: "force"},
    data,
    columns: [{key: "label", label: "Latest outcome", kind: "text"}, {key: "count", label: "Crimes", kind: "count"}, {key: "share", label: "Share", kind: "percent"}, {key: "compare", label: `Share, ${force.place}`, kind: "percent"}],
    source: POLICE_UK_SOURCE,
    updated: updated(all),
    note: "The outcome is the latest one police.uk held when the month's file was published; recent crimes are more often still open, and later files update them. \"Unable to prosecute suspect\" includes cases where a suspect was identified but the victim did not support action or evidence was insufficient."
  };
}
