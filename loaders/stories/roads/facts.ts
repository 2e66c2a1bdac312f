// Every number the Roads story uses, computed from the road-collisions extract (STATS19), the areas and the force's
// published figures; and the sentences that more than one place states (a chart's description and a step).
import {formatCount, formatPercent} from "../../../src/components/format.ts";
import type {Db} from "../../lib/duckdb.ts";
import {areas, forcePopulation} from "../../lib/force.ts";
import {citation} from "../../sources/documents.ts";
import {publishedMeasure} from "../../sources/published.ts";

export interface Count {
  label: string;
  collisions: number;
  ksi: number;
}

export interface RoadFacts {
  year: number;
  years: number[];
  collisions: number;
  fatal: number;
  serious: number;
  slight: number;
  ksi: number;
  casualties: number;
  byArea: {code: string; name: string; collisions: number; ksi: number; population: number; ksiPer100k: number; per100k: number}[];
  forceKsiPer100k: number;
  forcePer100k: number;
  byHourDay: {hour: number; day: string; collisions: number}[];
  byMonth: {month: string; collisions: number; ksi: number}[];
  bySpeed: Count[];
  byUrbanLight: Count[];
  byRoadClass: Count[];
  points: {longitude: number; latitude: number; severity: string; area_code: string}[];
  /** the three consecutive hours with most collisions */
  peakHours: {from: number; to: number; collisions: number};
  peakDay: {day: string; collisions: number};
  quietDay: {day: string; collisions: number};
  /** people killed or seriously injured by road user, most first; null when the snapshot has no casualty table */
  roadUsers: {label: string; ksi: number; all: number}[] | null;
}

export const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export async function roadFacts(db: Db): Promise<RoadFacts> {
  const years = (await db.all<{year: number}>(`SELECT DISTINCT year FROM road_collisions ORDER BY year`)).map((d) => d.year);
  const year = years.at(-1)!;
  const where = `WHERE year = ${year}`;
  const [t] = await db.all<{collisions: number; fatal: number; serious: number; slight: number; ksi: number; casualties: number}>(`
    SELECT count(*)::INTEGER AS collisions, count(*) FILTER (WHERE severity = 'Fatal')::INTEGER AS fatal,
      count(*) FILTER (WHERE severity = 'Serious')::INTEGER AS serious, count(*) FILTER (WHERE severity = 'Slight')::INTEGER AS slight,
      count(*) FILTER (WHERE ksi)::INTEGER AS ksi, sum(casualties)::INTEGER AS casualties FROM road_collisions ${where}`);
  const areaCounts = new Map((await db.all<{area_code: string; collisions: number; ksi: number}>(`
    SELECT area_code, count(*)::INTEGER AS collisions, count(*) FILTER (WHERE ksi)::INTEGER AS ksi FROM road_collisions ${where} GROUP BY area_code`)).map((d) => [d.area_code, d]));
  const byArea = areas.map((a) => {
    const c = areaCounts.get(a.code) ?? {collisions: 0, ksi: 0};
    return {code: a.code, name: a.name, collisions: c.collisions, ksi: c.ksi, population: a.population,
      ksiPer100k: (c.ksi / a.population) * 1e5, per100k: (c.collisions / a.population) * 1e5};
  }).sort((a, b) => b.ksiPer100k - a.ksiPer100k);
  const hourDay = await db.all<{hour: number; day: string; collisions: number}>(`
    SELECT hour, day_of_week AS day, count(*)::INTEGER AS collisions FROM road_collisions ${where} AND hour IS NOT NULL GROUP BY ALL`);
  const cell = new Map(hourDay.map((d) => [`${d.hour}|${d.day}`, d.collisions]));
  const byHourDay = DAYS.flatMap((day) => Array.from({length: 24}, (_, hour) => ({hour, day, collisions: cell.get(`${hour}|${day}`) ?? 0})));
  const byHour = Array.from({length: 24}, (_, h) => byHourDay.filter((d) => d.hour === h).reduce((s, d) => s + d.collisions, 0));
  let peak = {from: 0, to: 3, collisions: -1};
  for (let h = 0; h <= 21; ++h) {
    const n = byHour[h] + byHour[h + 1] + byHour[h + 2];
    if (n > peak.collisions) peak = {from: h, to: h + 3, collisions: n};
  }
  const byDay = DAYS.map((day) => ({day, collisions: byHourDay.filter((d) => d.day === day).reduce((s, d) => s + d.collisions, 0)}));
  const sortedDays = [...byDay].sort((a, b) => b.collisions - a.collisions);
  const counts = (expr: string, order: string) => db.all<Count>(`SELECT ${expr} AS label, count(*)::INTEGER AS collisions, count(*) FILTER (WHERE ksi)::INTEGER AS ksi
    FROM road_collisions ${where} GROUP BY 1 ORDER BY ${order}`);
  return {
    year, years, ...t,
    byArea,
    forceKsiPer100k: (t.ksi / forcePopulation) * 1e5,
    forcePer100k: (t.collisions / forcePopulation) * 1e5,
    byHourDay,
    byMonth: await db.all(`SELECT month, count(*)::INTEGER AS collisions, count(*) FILTER (WHERE ksi)::INTEGER AS ksi FROM road_collisions ${where} GROUP BY month ORDER BY month`),
    bySpeed: await counts(`CASE WHEN speed_limit IS NULL THEN 'Unknown' ELSE speed_limit || ' mph' END`, "min(coalesce(speed_limit, 999))"),
    byUrbanLight: await counts(`urban_rural || ', ' || CASE WHEN light = 'Daylight' THEN 'daylight' ELSE 'dark' END`, "1"),
    byRoadClass: await counts(`CASE WHEN road_class IN ('Motorway', 'A(M)') THEN 'Motorway' ELSE road_class END`, "2 DESC"),
    points: await db.all(`SELECT longitude, latitude, severity, area_code FROM road_collisions ${where} AND longitude IS NOT NULL
      ORDER BY CASE severity WHEN 'Slight' THEN 0 WHEN 'Serious' THEN 1 ELSE 2 END, accident_index`),
    peakHours: peak,
    peakDay: sortedDays[0],
    quietDay: sortedDays.at(-1)!,
    roadUsers: await roadUsers(db, year)
  };
}

/** Casualties killed or seriously injured, by road user — only when the snapshot holds DfT's casualty table. */
async function roadUsers(db: Db, year: number): Promise<RoadFacts["roadUsers"]> {
  const views = await db.all<{n: number}>(`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'road_casualties'`);
  if (!views[0].n) return null;
  const rows = await db.all<{label: string; ksi: number; all: number}>(`
    SELECT CASE WHEN c.casualty_type = 'Pedestrian' THEN 'Pedestrians' WHEN casualty_type = 'Cyclist' THEN 'Cyclists'
        WHEN casualty_type LIKE 'Motorcycle%' OR casualty_type LIKE 'Electric motorcycle%' THEN 'Motorcyclists'
        WHEN casualty_type LIKE 'Car occupant%' OR casualty_type LIKE 'Taxi%' THEN 'Car occupants' ELSE 'Other road users' END AS label,
      count(*) FILTER (WHERE c.severity IN ('Fatal', 'Serious'))::INTEGER AS ksi, count(*)::INTEGER AS "all"
    FROM road_casualties c JOIN road_collisions r USING (accident_index) WHERE r.year = ${year} GROUP BY 1 ORDER BY ksi DESC, label`);
  return rows.length ? rows : null;
}

/** The force's published collision figures for a year that STATS19 also measures, with their citations. */
export function forceCollisionFigures(year: number) {
  const get = (id: string) => {
    const m = publishedMeasure(id);
    return {value: m.value, citation: citation(m), quote: m.quote, period: m.period, measure: m};
  };
  return {fatal: get(`roads-fatal-collisions-${year}`), serious: get(`roads-serious-collisions-${year}`), ksi: get(`roads-ksi-collisions-${year}`), deaths: get(`roads-deaths-${year}`)};
}

/** "Of 250 people killed or seriously injured in 2023, 80 were car occupants. Pedestrians: 50; …." */
export function roadUsersSentence(f: RoadFacts): string | null {
  if (!f.roadUsers) return null;
  const [top, ...rest] = f.roadUsers;
  const total = f.roadUsers.reduce((s, r) => s + r.ksi, 0);
  return `Of ${formatCount(total)} people killed or seriously injured in ${f.year}, ${formatCount(top.ksi)} were ${top.label.toLowerCase()}. ${rest.map((r) => `${r.label}: ${formatCount(r.ksi)}`).join("; ")}.`;
}

/** The share of a group's collisions that killed or seriously injured someone. */
export const ksiShare = (c: Count): number => (c.collisions ? c.ksi / c.collisions : 0);

/** The group with the highest KSI share, and the lowest. */
export const highestShare = (rows: Count[]): Count => rows.reduce((a, b) => (ksiShare(b) > ksiShare(a) ? b : a));
export const lowestShare = (rows: Count[]): Count => rows.reduce((a, b) => (ksiShare(b) < ksiShare(a) ? b : a));

/** Collisions by speed limit, without those whose limit is unknown. */
export const knownSpeeds = (f: RoadFacts): Count[] => f.bySpeed.filter((c) => c.label !== "Unknown");

/** Collisions by urban or rural area and daylight or dark, without unknowns. */
export const urbanLightGroups = (f: RoadFacts): Count[] => f.byUrbanLight.filter((c) => /^(Urban|Rural),/.test(c.label));

/** "Rural, dark" → "rural road in the dark" (or "roads") */
export const urbanLightWords = (c: Count, road: string): string => c.label.toLowerCase().replace(",", ` ${road} in the`);

/** "41% of collisions on rural roads in the dark killed or seriously injured someone, against 21% on urban roads in the daylight" */
export function urbanLightSentence(f: RoadFacts): string {
  const rows = urbanLightGroups(f), top = highestShare(rows), low = lowestShare(rows);
  return `${formatPercent(ksiShare(top))} of collisions on ${urbanLightWords(top, "roads")} killed or seriously injured someone, against ${formatPercent(ksiShare(low))} on ${urbanLightWords(low, "roads")}`;
}

/** 15 → "3pm", 0 → "midnight", 12 → "midday" */
export function hourWords(h: number): string {
  if (h === 0 || h === 24) return "midnight";
  if (h === 12) return "midday";
  return h < 12 ? `${h}am` : `${h - 12}pm`;
}
