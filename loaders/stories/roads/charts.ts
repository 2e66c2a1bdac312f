// The Roads story's charts: STATS19 collisions in the force area, and the force's own figures beside them.
// Every title, description and number comes from the facts (facts.ts).
import type {ChartSpec} from "../../../src/components/chart.ts";
import {formatCount, formatPercent, formatRate} from "../../../src/components/format.ts";
import {chartGroup} from "../../charts/group.ts";
import {STATS19_SOURCE} from "../../charts/sources.ts";
import {readLadFeatures} from "../../geo/boundaries.ts";
import {webTopology} from "../../geo/topology.ts";
import {areas, force} from "../../lib/force.ts";
import {article} from "../../lib/words.ts";
import {DAYS, forceCollisionFigures, highestShare, hourWords, knownSpeeds, ksiShare, lowestShare, roadFacts, roadUsersSentence, urbanLightGroups, urbanLightSentence, urbanLightWords, type Count, type RoadFacts} from "./facts.ts";

export const roadsCharts = chartGroup("roads", import.meta.url, async (db) => {
  const f = await roadFacts(db);
  return {severity: severity(f), ksiByArea: ksiByArea(f), map: map(f), hourDay: hourDay(f), speed: speed(f), urbanLight: urbanLight(f),
    roadUsers: roadUsers(f), forceVsStats19: forceVsStats19(f)};
});

const rateColumns = [{key: "label", label: "Area", kind: "text" as const}, {key: "value", label: "KSI collisions per 100,000 residents", kind: "rate" as const}];

/** Road users killed or seriously injured — only when the snapshot holds DfT's casualty table. */
export function roadUsers(f: RoadFacts): ChartSpec | undefined {
  if (!f.roadUsers) return undefined;
  const top = f.roadUsers[0];
  return {
    id: "roads-casualties-by-road-user",
    title: `${top.label} were the largest group of people killed or seriously injured`,
    subtitle: `People killed or seriously injured in collisions reported to police, by road user, ${f.year}`,
    description: roadUsersSentence(f)!,
    plot: "rankedBars",
    options: {valueLabel: "People killed or seriously injured", format: "count"},
    data: f.roadUsers.map((r) => ({label: r.label, value: r.ksi, all: r.all, role: r === top ? "this" : "other"})),
    columns: [{key: "label", label: "Road user", kind: "text"}, {key: "value", label: "Killed or seriously injured", kind: "count"}, {key: "all", label: "All casualties", kind: "count"}],
    source: STATS19_SOURCE,
    updated: `Data for ${f.year}`
  };
}

function severity(f: RoadFacts): ChartSpec {
  const data = [
    {label: "Fatal (someone died)", value: f.fatal, role: "this"},
    {label: "Serious (someone seriously injured)", value: f.serious, role: "other"},
    {label: "Slight (minor injuries only)", value: f.slight, role: "other"}
  ];
  return {
    id: "roads-severity",
    title: `${formatCount(f.fatal)} of ${formatCount(f.collisions)} injury collisions killed someone`,
    subtitle: `Collisions reported to police in ${force.place}, ${f.year}, by the most severe injury`,
    description: `In ${f.year}, ${formatCount(f.collisions)} collisions in which someone was hurt were reported to police: ${formatCount(f.fatal)} fatal, ${formatCount(f.serious)} serious and ${formatCount(f.slight)} slight. Together, ${formatCount(f.ksi)} collisions (${formatPercent(f.ksi / f.collisions)}) killed or seriously injured someone.`,
    plot: "rankedBars",
    options: {valueLabel: "Collisions", format: "count"},
    data,
    columns: [{key: "label", label: "Severity", kind: "text"}, {key: "value", label: "Collisions", kind: "count"}],
    source: STATS19_SOURCE,
    updated: `Data for ${f.year}`
  };
}

function ksiByArea(f: RoadFacts): ChartSpec {
  const data = [
    ...f.byArea.map((a) => ({label: a.name, value: Math.round(a.ksiPer100k * 10) / 10, collisions: a.ksi, role: "other"})),
    {label: `${force.place} (all areas)`, value: Math.round(f.forceKsiPer100k * 10) / 10, collisions: f.ksi, role: "force"}
  ].sort((a, b) => b.value - a.value);
  const top = f.byArea[0], bottom = f.byArea.at(-1)!;
  return {
    id: "roads-ksi-by-area",
    title: `${top.name} had the highest rate of collisions that killed or seriously injured`,
    subtitle: `Killed or seriously injured (KSI) collisions per 100,000 residents, ${f.year}`,
    description: `${top.name} had ${formatRate(top.ksiPer100k)} KSI collisions per 100,000 residents (${formatCount(top.ksi)} collisions), and ${bottom.name} the lowest at ${formatRate(bottom.ksiPer100k)} (${formatCount(bottom.ksi)}). Across ${force.place} the rate was ${formatRate(f.forceKsiPer100k)}.`,
    note: "Rates use where the collision happened and Census 2021 residents; roads carry people from elsewhere, so areas with busy through-routes can have high rates.",
    plot: "rankedBars",
    options: {valueLabel: "KSI collisions per 100,000 residents", format: "rate"},
    data,
    columns: [...rateColumns, {key: "collisions", label: "KSI collisions", kind: "count"}],
    source: `${STATS19_SOURCE}; ONS Census 2021 population`,
    updated: `Data for ${f.year}`
  };
}

function map(f: RoadFacts): ChartSpec {
  const topology = webTopology({areas: readLadFeatures(areas.map((a) => a.code))}, {keep: 0.25, quantization: 5e3});
  const groups = ["Slight", "Serious", "Fatal"];
  const names = new Map(areas.map((a) => [a.code, a.name]));
  const data = f.points.map((p) => ({longitude: Math.round(p.longitude * 1e4) / 1e4, latitude: Math.round(p.latitude * 1e4) / 1e4, group: p.severity, area: names.get(p.area_code) ?? p.area_code}));
  const inArea = (s: string) => f.points.filter((p) => p.severity === s).length;
  return {
    id: "roads-map",
    title: `Where the ${formatCount(f.points.length)} collisions reported to police happened`,
    subtitle: `Each mark is one collision reported to police, ${f.year}; the lines are council boundaries`,
    description: `The map shows ${formatCount(f.points.length)} collisions with a location: ${formatCount(inArea("Fatal"))} fatal (large dark triangles), ${formatCount(inArea("Serious"))} serious (orange diamonds) and ${formatCount(inArea("Slight"))} slight (small blue circles). The table counts them by area and severity.`,
    plot: "pointsMap",
    options: {topology, object: "areas", groups, colours: ["#5694CA", "#F46A25", "#0b0c0c"], symbols: ["circle", "diamond", "triangle"], radii: [2, 3.5, 5], legendLabel: "Severity"},
    data,
    columns: [{key: "area", label: "Area", kind: "text"}, {key: "group", label: "Severity", kind: "text"}, {key: "longitude", label: "Longitude", kind: "text"}, {key: "latitude", label: "Latitude", kind: "text"}],
    table: {
      note: `The map's ${formatCount(data.length)} points, counted by area and severity. The CSV download lists every point with its location.`,
      columns: [{key: "area", label: "Area", kind: "text"}, ...groups.slice().reverse().map((g) => ({key: g, label: g, kind: "count" as const})), {key: "total", label: "All collisions", kind: "count"}],
      data: [...new Set(data.map((d) => d.area))].sort().map((area) => {
        const inArea = data.filter((d) => d.area === area);
        return {area, ...Object.fromEntries(groups.map((g) => [g, inArea.filter((d) => d.group === g).length])), total: inArea.length};
      })
    },
    source: `${STATS19_SOURCE}; boundaries: ONS (Open Government Licence v3.0)`,
    updated: `Data for ${f.year}`
  };
}

function hourDay(f: RoadFacts): ChartSpec {
  const p = f.peakHours;
  return {
    id: "roads-hour-day",
    title: `Collisions peak between ${hourWords(p.from)} and ${hourWords(p.to)}, and on ${f.peakDay.day}s`,
    subtitle: `Collisions reported to police by hour and day of the week, ${f.year}`,
    description: `The three hours from ${hourWords(p.from)} to ${hourWords(p.to)} saw ${formatCount(p.collisions)} collisions, ${formatPercent(p.collisions / f.collisions)} of the year's total. ${f.peakDay.day} had the most collisions (${formatCount(f.peakDay.collisions)}) and ${f.quietDay.day} the fewest (${formatCount(f.quietDay.collisions)}).`,
    plot: "hourDayHeatmap",
    options: {days: DAYS, valueLabel: "Collisions"},
    data: f.byHourDay,
    columns: [{key: "day", label: "Day", kind: "text"}, {key: "hour", label: "Hour starting", kind: "count"}, {key: "collisions", label: "Collisions", kind: "count"}],
    source: STATS19_SOURCE,
    updated: `Data for ${f.year}`
  };
}

/** The share of collisions that killed or seriously injured, for each group of `rows`; `top` highlighted. */
function ksiShareChart(f: RoadFacts, rows: Count[], top: Count, text: {id: string; title: string; subtitle: string; description: string; groupLabel: string; label?: (c: Count) => string}): ChartSpec {
  const data = rows.map((c) => ({label: text.label?.(c) ?? c.label, value: Math.round(ksiShare(c) * 1000) / 1000, collisions: c.collisions, ksi: c.ksi, role: c === top ? "this" : "other"}));
  return {
    id: text.id, title: text.title, subtitle: `${text.subtitle}, ${f.year}`, description: text.description,
    plot: "rankedBars",
    options: {valueLabel: "Share of collisions that were KSI", format: "percent"},
    data,
    columns: [{key: "label", label: text.groupLabel, kind: "text"}, {key: "value", label: "Share KSI", kind: "percent"}, {key: "ksi", label: "KSI collisions", kind: "count"}, {key: "collisions", label: "All collisions", kind: "count"}],
    source: STATS19_SOURCE,
    updated: `Data for ${f.year}`
  };
}

function speed(f: RoadFacts): ChartSpec {
  const rows = knownSpeeds(f);
  const top = highestShare(rows);
  const most = rows.reduce((a, b) => (b.ksi > a.ksi ? b : a));
  return ksiShareChart(f, rows, top, {
    id: "roads-speed-limit",
    title: `Collisions on ${top.label} roads were the most likely to kill or seriously injure`,
    subtitle: "Share of collisions in which someone was killed or seriously injured, by speed limit",
    description: `On ${top.label} roads, ${formatPercent(ksiShare(top))} of collisions killed or seriously injured someone (${formatCount(top.ksi)} of ${formatCount(top.collisions)}). ${most.label} roads had the most such collisions, ${formatCount(most.ksi)}, because most collisions happen there (${formatCount(most.collisions)}).`,
    groupLabel: "Speed limit",
    label: (c) => `${c.label} roads`
  });
}

function urbanLight(f: RoadFacts): ChartSpec {
  const rows = urbanLightGroups(f);
  const top = highestShare(rows);
  return ksiShareChart(f, rows, top, {
    id: "roads-urban-rural-light",
    title: `A collision on ${article(urbanLightWords(top, "road"))} ${urbanLightWords(top, "road")} was the most likely to be serious`,
    subtitle: "Share of collisions that killed or seriously injured, by area type and light",
    description: `${urbanLightSentence(f)}. "Dark" includes roads with and without street lights.`,
    groupLabel: "Area type and light",
    label: (c) => c.label.replace(/^(Urban|Rural)/, "$1 roads")
  });
}

function forceVsStats19(f: RoadFacts): ChartSpec | undefined {
  let figures: ReturnType<typeof forceCollisionFigures>;
  try {
    figures = forceCollisionFigures(f.year);
  } catch {
    return undefined; // the reports give no figures for this year: nothing to set beside STATS19
  }
  const data = [
    {measure: "Fatal collisions", source: "Force report", value: figures.fatal.value},
    {measure: "Fatal collisions", source: "STATS19", value: f.fatal},
    {measure: "Serious collisions", source: "Force report", value: figures.serious.value},
    {measure: "Serious collisions", source: "STATS19", value: f.serious},
    {measure: "KSI collisions", source: "Force report", value: figures.ksi.value},
    {measure: "KSI collisions", source: "STATS19", value: f.ksi}
  ];
  const same = figures.fatal.value === f.fatal;
  return {
    id: "roads-force-vs-stats19",
    title: `The force counts ${formatCount(figures.serious.value)} serious collisions in ${f.year}; STATS19 has ${formatCount(f.serious)}`,
    subtitle: `Two counts of the same year, side by side: the force's own report and the Department for Transport's STATS19`,
    description: `For ${f.year} the force reports ${formatCount(figures.fatal.value)} fatal and ${formatCount(figures.serious.value)} serious collisions (${formatCount(figures.ksi.value)} killed or seriously injured); STATS19 has ${formatCount(f.fatal)} fatal and ${formatCount(f.serious)} serious (${formatCount(f.ksi)}). ${same ? "The fatal counts agree; " : ""}the serious counts differ by ${formatCount(Math.abs(figures.serious.value - f.serious))}.`,
    note: `Force figures: ${figures.fatal.citation}.`,
    plot: "pairedBars",
    options: {sources: ["Force report", "STATS19"], valueLabel: "Collisions"},
    data,
    columns: [{key: "measure", label: "Measure", kind: "text"}, {key: "source", label: "Source", kind: "text"}, {key: "value", label: "Collisions", kind: "count"}],
    source: `${figures.fatal.citation}; ${STATS19_SOURCE}`,
    updated: `Data for ${f.year}`
  };
}
