// How the force compares with the other forces of England and Wales in the latest year of the national counts:
// crime per 1,000 residents for every force with a full year, the force's rank, by crime type, the neighbouring
// forces (by shared district boundaries), the average of the forces, and which forces are missing and why.
// police.uk street-level counts, not Home Office recorded-crime statistics; anti-social behaviour left out.
import type {Db} from "../lib/duckdb.ts";
import {force as configuredForce} from "../lib/force.ts";
import {NOT_TERRITORIAL} from "../geo/force-areas.ts";
import {capital} from "../lib/words.ts";
import {districtNeighbours, forceNeighbours} from "../geo/force-neighbours.ts";

export const ASB = "Anti-social behaviour";

/**
 * Forces of England and Wales with no street files anywhere in the national counts, with the reason and where it is
 * stated (their absence cannot be seen in the files themselves).
 */
export const UNPUBLISHED_FORCES = [
  {force: "greater-manchester", name: "Greater Manchester Police", reason: "publishes no street-level crime data to police.uk", source: "data/snapshot/police-uk-national/PROVENANCE.md"}
];

/**
 * Names of forces whose files of the year are all absent from the copy counted, so no file gives their name: as the
 * national counts' PROVENANCE.md names them.
 */
export const ABSENT_FORCE_NAMES = new Map([["metropolitan", "Metropolitan Police"], ["west-midlands", "West Midlands Police"], ["west-yorkshire", "West Yorkshire Police"]]);

/** Why a force's monthly file can be absent from the national counts (their PROVENANCE.md: the copy counted). */
export const ABSENT_FILES_WHY = "leaves out files of 4 MiB or more";

/** A force whose residents are far fewer than the people who work in and visit its area: a rate per resident misleads. */
export const RESIDENT_RATE_MISLEADS = new Map([["city-of-london", "its residents (Census 2021) are far fewer than the people who work in and visit the City, so a rate per resident does not compare with other forces'"]]);

export interface ForceRate {
  force: string;
  name: string;
  population: number;
  districts: number;
  crime: number;
  /** crime per 1,000 residents in the year */
  rate: number;
  /** 1 = highest rate among the forces compared */
  rank: number;
}

export interface TypeComparison {
  crimeType: string;
  count: number;
  rate: number;
  rank: number;
  /** the mean of the compared forces' rates, and the rate of all compared forces together */
  meanRate: number;
  pooledRate: number;
}

export interface MissingForce {
  force: string;
  name: string;
  reason: string;
  /** months read in the year (0 when none) */
  monthsRead: number;
}

export interface ForcesFacts {
  year: string;
  months: string[];
  /** every force compared, highest rate first */
  compared: ForceRate[];
  force: ForceRate;
  average: {meanRate: number; pooledRate: number; forces: number; population: number};
  byType: TypeComparison[];
  /** every compared force's rate by type, for tables and charts */
  typeRates: {force: string; crimeType: string; count: number; rate: number}[];
  neighbours: {force: string; name: string; sharedBorders: number; rate: number | null; rank: number | null; missing: string | null}[];
  /** districts bordering the force's area that belong to no force in the data */
  neighbourDistrictsWithoutForce: {code: string; name: string}[];
  missing: MissingForce[];
  caveat: string;
}

const per1000 = (n: number, population: number) => (n / population) * 1000;

/** Ranks (1 = highest) of values, ties sharing the better rank. */
function rankOf(values: number[], value: number): number {
  return values.filter((v) => v > value).length + 1;
}

export interface ForceCoverage {
  /** the latest year of the national counts, and its months */
  year: string;
  months: string[];
  /** force id → name as its files give it (or ABSENT_FORCE_NAMES, or its id in words, when none of its files was read) */
  names: Map<string, string>;
  /** territorial forces of England and Wales with every month of the year read, sorted by id */
  full: string[];
  /** every other force, with why it is left out: file-based ones sorted by id, then forces that publish nothing */
  missing: MissingForce[];
  /** the population and district count of each force's area (forces with districts only) */
  areaOf: Map<string, {population: number; districts: number}>;
}

/** Which forces the latest year of the national counts covers in full, and which it does not and why. */
export async function forceCoverage(db: Db): Promise<ForceCoverage> {
  const files = await db.all<{force: string; force_name: string; month: string; status: string}>(`SELECT force, force_name, month, status FROM force_files ORDER BY force, month`);
  const year = files.map((f) => f.month).sort().at(-1)!.slice(0, 4);
  const months = [...new Set(files.filter((f) => f.month.startsWith(year)).map((f) => f.month))].sort();
  const districts = await db.all<{population: number; force: string}>(`SELECT population, force FROM districts`);
  const areaOf = new Map<string, {population: number; districts: number}>();
  for (const d of districts) if (d.force) {
    const a = areaOf.get(d.force) ?? {population: 0, districts: 0};
    a.population += d.population;
    a.districts += 1;
    areaOf.set(d.force, a);
  }
  const names = new Map<string, string>(ABSENT_FORCE_NAMES);
  for (const f of files) if (f.force_name) names.set(f.force, f.force_name);
  // A force none of whose files was read has no name in them: as PROVENANCE.md names it (ABSENT_FORCE_NAMES), else its
  // police.uk id in words ("west-midlands": West Midlands).
  for (const f of files) if (!names.has(f.force)) names.set(f.force, f.force.split("-").map((w) => (w === "and" || w === "of" ? w : capital(w))).join(" "));
  const read = new Map<string, number>();
  for (const f of files) if (f.status === "read" && f.month.startsWith(year)) read.set(f.force, (read.get(f.force) ?? 0) + 1);
  const missing: MissingForce[] = [];
  const full: string[] = [];
  for (const force of [...new Set(files.map((f) => f.force))].sort()) {
    const n = read.get(force) ?? 0;
    const name = names.get(force) ?? force;
    if (NOT_TERRITORIAL.has(force)) missing.push({force, name, monthsRead: n, reason: "polices the railways of Great Britain, not an area of residents"});
    else if (n < months.length) missing.push({force, name, monthsRead: n, reason: n === 0 ? `none of its ${year} street files is in the copy counted, which ${ABSENT_FILES_WHY}` : `only ${n} of its ${months.length} monthly street files of ${year} are in the copy counted, which ${ABSENT_FILES_WHY}`});
    else if (!areaOf.has(force)) missing.push({force, name, monthsRead: n, reason: "it is not a force of England and Wales, and its records have no location in a district there"});
    else full.push(force);
  }
  for (const u of UNPUBLISHED_FORCES) if (!files.some((f) => f.force === u.force)) missing.push({force: u.force, name: u.name, monthsRead: 0, reason: u.reason});
  return {year, months, names, full, missing, areaOf};
}

export async function forcesFacts(db: Db, forceId = configuredForce.id): Promise<ForcesFacts> {
  const coverage = await forceCoverage(db);
  const {year, months, names, areaOf} = coverage;
  const districts = await db.all<{lad_code: string; lad_name: string; population: number; force: string}>(`SELECT lad_code, lad_name, population, force FROM districts`);
  const counts = await db.all<{force: string; crime_type: string; n: number}>(`SELECT force, crime_type, sum(count)::INTEGER AS n FROM force_crime_monthly
    WHERE month LIKE '${year}-%' AND crime_type <> '${ASB}' GROUP BY ALL ORDER BY ALL`);
  // A rate per resident is left out where residents are far fewer than the people in the area (the City of London).
  const unpublished = new Set(UNPUBLISHED_FORCES.map((u) => u.force));
  const rateMisleads: MissingForce[] = coverage.full.filter((f) => RESIDENT_RATE_MISLEADS.has(f))
    .map((force) => ({force, name: names.get(force) ?? force, monthsRead: months.length, reason: RESIDENT_RATE_MISLEADS.get(force)!}));
  const missing = [...[...coverage.missing.filter((m) => !unpublished.has(m.force)), ...rateMisleads].sort((a, b) => a.force.localeCompare(b.force)),
    ...coverage.missing.filter((m) => unpublished.has(m.force))];
  const comparable = coverage.full.filter((f) => !RESIDENT_RATE_MISLEADS.has(f));

  const crimeOf = (force: string) => counts.filter((c) => c.force === force).reduce((s, c) => s + c.n, 0);
  const rates = comparable.map((force) => ({force, name: names.get(force) ?? force, population: areaOf.get(force)!.population, districts: areaOf.get(force)!.districts, crime: crimeOf(force), rate: per1000(crimeOf(force), areaOf.get(force)!.population), rank: 0}));
  for (const r of rates) r.rank = rankOf(rates.map((x) => x.rate), r.rate);
  rates.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  const own = rates.find((r) => r.force === forceId);
  if (!own) throw new Error(`${forceId} is not among the forces compared for ${year}: ${missing.find((m) => m.force === forceId)?.reason ?? "no data"}`);
  const population = rates.reduce((s, r) => s + r.population, 0);
  const crimeAll = rates.reduce((s, r) => s + r.crime, 0);

  const types = [...new Set(counts.map((c) => c.crime_type))].sort();
  const typeRates = rates.flatMap((r) => types.map((t) => {
    const count = counts.find((c) => c.force === r.force && c.crime_type === t)?.n ?? 0;
    return {force: r.force, crimeType: t, count, rate: per1000(count, r.population)};
  }));
  const byType = types.map((t) => {
    const list = typeRates.filter((x) => x.crimeType === t);
    const mine = list.find((x) => x.force === forceId)!;
    return {crimeType: t, count: mine.count, rate: mine.rate, rank: rankOf(list.map((x) => x.rate), mine.rate),
      meanRate: list.reduce((s, x) => s + x.rate, 0) / list.length, pooledRate: per1000(list.reduce((s, x) => s + x.count, 0), population)};
  }).sort((a, b) => b.rate - a.rate);

  const n = forceNeighbours(districts.map((d) => ({code: d.lad_code, name: d.lad_name.replace(/^the /, ""), force: d.force || null})), names, forceId, districtNeighbours());
  const missingBy = new Map(missing.map((m) => [m.force, m.reason]));
  return {
    year, months, compared: rates, force: own,
    average: {meanRate: rates.reduce((s, r) => s + r.rate, 0) / rates.length, pooledRate: per1000(crimeAll, population), forces: rates.length, population},
    byType, typeRates,
    neighbours: n.forces.map((f) => {
      const r = rates.find((x) => x.force === f.force);
      return {...f, rate: r?.rate ?? null, rank: r?.rank ?? null, missing: r ? null : missingBy.get(f.force) ?? null};
    }),
    neighbourDistrictsWithoutForce: n.unassigned,
    missing,
    caveat: "These are police.uk street-level records, not Home Office police recorded crime statistics: forces differ in how they record and publish, so a gap between two forces is not only a difference in crime."
  };
}
