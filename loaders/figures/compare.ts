// Every published figure beside what open data shows: the open-data value computed from the extracts (STATS19
// collisions, police.uk records) where checks.ts says how, the difference, and a verdict in plain words — matches;
// close (within CLOSE); differs, and why; cannot be checked yet (the snapshot lacks the data, named); or cannot be
// checked with open data, and what would check it.
import {formatCount, formatRate} from "../../src/components/format.ts";
import {monthsBetween} from "../../src/components/months.ts";
import {countsByArea, monthsHeld} from "../extracts/crime-facts.ts";
import {forcesFacts} from "../forces/facts.ts";
import {crimePeriods} from "../extracts/periods.ts";
import {sqlList, type Db} from "../lib/duckdb.ts";
import {areaByCode} from "../lib/force.ts";
import {describeMonths, listWords, lower, periodWords} from "../lib/words.ts";
import {readPublishedMeasures, type PublishedMeasure} from "../sources/published.ts";
import {ALL_CRIME, CHECKS, type Check, type OpenMeasure} from "./checks.ts";
import {REASONS, type Reason, type ReasonId} from "./reasons.ts";

/** A figure is "close" when open data is within this share of it. */
export const CLOSE = 0.1;

export type Status = "matches" | "close" | "differs" | "not-yet" | "no-open-data";

export const STATUS_LABELS: Record<Status, string> = {
  "matches": "Matches",
  "close": "Close",
  "differs": "Differs",
  "not-yet": "Cannot be checked yet",
  "no-open-data": "Cannot be checked with open data"
};

export interface OpenValue {
  /** on the published figure's footing: a count, a rate per 1,000, a percentage change, or a direction (-1, 0, 1) */
  value: number;
  /** the months counted (for a change, the later period) */
  months: string[];
  /** for a change: the earlier period's months */
  before?: string[];
  source: "STATS19" | "police.uk";
  /** what was counted, in words, with the numbers behind the value */
  text: string;
  /** for a direction: the side, against what ("higher than the West Midlands forces compared and …") */
  side?: string;
}

export interface Comparison {
  measure: PublishedMeasure;
  check: Check;
  status: Status;
  open: OpenValue | null;
  /** the open-data value rounded as the figure is given (rates to one decimal place), as the verdict states it */
  rounded: number | null;
  /** rounded open value minus published, in the figure's unit (percentage points for a change) */
  difference: number | null;
  /** the difference as a share of the published figure */
  relative: number | null;
  /** the verdict in plain words, one sentence ("Differs: STATS19 has 226, 34 fewer than the 260 published (13% lower).") */
  verdict: string;
  /** what the snapshot lacks, for "cannot be checked yet" */
  missing: string | null;
  reasons: ReasonId[];
}

/** "YYYY", "YYYY-MM" or a range of those: every month it covers ("..B" covers none). */
export function periodMonths(period: string): string[] {
  if (period.startsWith("..")) return [];
  const [a, b = a] = period.split("..");
  return monthsBetween(a.length === 4 ? `${a}-01` : a.slice(0, 7), b.length === 4 ? `${b}-12` : b.slice(0, 7));
}

const severityWords = (s: string[]) => (s.length === 2 ? "killed or seriously injured (KSI)" : s[0].toLowerCase());

/** How a set of police.uk categories reads in a sentence. */
export function typesText(types: string[]): string {
  if (types.length === ALL_CRIME.length && ALL_CRIME.every((t) => types.includes(t))) return "crimes (every category but anti-social behaviour)";
  return types.length === 1 ? `"${types[0]}" records` : `records in ${listWords(types.map((t) => `"${t}"`))}`;
}

/** "+10.5", "−3.1", "0.0" */
const signed = (n: number, digits = 1) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${Math.abs(n).toFixed(digits)}`;
const change = (before: number, after: number) => (before === 0 ? NaN : ((after - before) / before) * 100);

interface Context {
  db: Db;
  stats19Months: Set<string>;
  streetMonths: Set<string>;
  latest12: string[];
}

type Outcome = {open: OpenValue} | {missing: string; missingReason: ReasonId};

async function stats19(ctx: Context, m: PublishedMeasure, o: Extract<OpenMeasure, {source: "stats19"}>): Promise<Outcome> {
  const months = periodMonths(m.period), before = o.before ? periodMonths(o.before) : [];
  const lacking = [...before, ...months].filter((x) => !ctx.stats19Months.has(x));
  if (lacking.length) return {missing: `STATS19 collisions for ${describeMonths(lacking)}`, missingReason: "stats19-not-held"};
  const count = async (ms: string[]) => (await ctx.db.all<{n: number}>(`SELECT count(*)::INTEGER AS n FROM road_collisions
    WHERE severity IN ${sqlList(o.severities)} AND month IN ${sqlList(ms)}`))[0].n;
  const after = await count(months);
  const what = `${severityWords(o.severities)} collisions`;
  if (!o.before) return {open: {value: after, months, source: "STATS19", text: `${formatCount(after)} ${what}, ${periodWords(months)}`}};
  const earlier = await count(before);
  return {open: {value: change(earlier, after), months, before, source: "STATS19",
    text: `${signed(change(earlier, after))}%: ${formatCount(earlier)} ${what} in ${periodWords(before)}, ${formatCount(after)} in ${periodWords(months)}`}};
}

async function policeUk(ctx: Context, m: PublishedMeasure, o: Extract<OpenMeasure, {source: "police-uk"}>): Promise<Outcome> {
  const months = o.months === "latest-12" ? ctx.latest12 : periodMonths(m.period), before = o.before ? periodMonths(o.before) : [];
  const lacking = [...before, ...months].filter((x) => !ctx.streetMonths.has(x));
  if (lacking.length) return {missing: `police.uk street records for ${describeMonths(lacking)}`, missingReason: "months-not-held"};
  const area = o.where === "area" ? areaByCode.get(m.areaCode ?? "") : undefined;
  if (o.where === "area" && !area) throw new Error(`loaders/figures/checks.ts: ${m.id} is checked for its area, but has no area_code`);
  const count = async (ms: string[]) => {
    const c = await countsByArea(ctx.db, o.types, ms);
    return area ? {n: c.areas.find((a) => a.area.code === area.code)!.count, population: area.population} : {n: c.force.count, population: c.force.population};
  };
  const place = area ? area.name : "the force area";
  const after = await count(months);
  if (o.before) {
    const earlier = await count(before);
    return {open: {value: change(earlier.n, after.n), months, before, source: "police.uk",
      text: `${signed(change(earlier.n, after.n))}%: ${formatCount(earlier.n)} ${typesText(o.types)} in ${place} in ${periodWords(before)}, ${formatCount(after.n)} in ${periodWords(months)}`}};
  }
  if (o.measure === "count") return {open: {value: after.n, months, source: "police.uk", text: `${formatCount(after.n)} ${typesText(o.types)} in ${place}, ${periodWords(months)}`}};
  const rate = (after.n / after.population) * 1000;
  return {open: {value: rate, months, source: "police.uk",
    text: `${formatRate(rate)} per 1,000 residents: ${formatCount(after.n)} ${typesText(o.types)} in ${place}, ${periodWords(months)}, and ${formatCount(after.population)} residents (Census 2021)`}};
}

async function direction(ctx: Context, m: PublishedMeasure, o: Extract<OpenMeasure, {source: "police-uk-direction"}>): Promise<Outcome> {
  const months = o.months === "latest-12" ? ctx.latest12 : periodMonths(m.period);
  const lacking = months.filter((x) => !ctx.streetMonths.has(x));
  if (lacking.length) return {missing: `police.uk street records for ${describeMonths(lacking)}`, missingReason: "months-not-held"};
  const area = areaByCode.get(m.areaCode ?? "");
  if (!area) throw new Error(`loaders/figures/checks.ts: ${m.id} compares its area with the force area, but has no area_code`);
  const c = await countsByArea(ctx.db, o.types, months);
  const mine = c.areas.find((a) => a.area.code === area.code)!;
  // Within 5% either way reads as "about the same" (the site's rule: loaders/lib/words.ts comparedWith).
  const ratio = mine.rate / c.force.rate;
  const value = ratio < 0.95 ? -1 : ratio > 1.05 ? 1 : 0;
  return {open: {value, months, source: "police.uk", side: against(value, "the force area"),
    text: `${formatRate(mine.rate)} per 1,000 residents in ${area.name} against ${formatRate(c.force.rate)} across the force area (${typesText(o.types)}, ${periodWords(months)})`}};
}

/** "lower than the force area", "about the same as …", "higher than …" */
const against = (v: number, what: string) => `${v < 0 ? "lower than" : v > 0 ? "higher than" : "about the same as"} ${what}`;

/** The force's crime per 1,000 against the forces of its region and of England and Wales (pooled: their crime over their residents). */
async function allForces(ctx: Context): Promise<Outcome> {
  const tables = new Set((await ctx.db.all<{t: string}>(`SELECT table_name AS t FROM information_schema.tables`)).map((r) => r.t));
  if (!["force_crime_monthly", "force_files", "districts"].every((t) => tables.has(t))) {
    return {missing: "the all-forces comparison (every force's crime per 1,000 residents)", missingReason: "needs-force-comparison"};
  }
  const f = await forcesFacts(ctx.db);
  const districts = await ctx.db.all<{lad_name: string; region: string; population: number; force: string}>(`SELECT lad_name, region, population, force FROM districts`);
  const mine = districts.filter((d) => d.force === f.force.force);
  const region = [...new Set(mine.map((d) => d.region))].sort((a, b) => mine.filter((d) => d.region === b).length - mine.filter((d) => d.region === a).length)[0];
  const inRegion = districts.filter((d) => d.region === region);
  const regional = f.compared.filter((r) => inRegion.some((d) => d.force === r.force));
  const pooled = (list: typeof regional) => (list.reduce((s, r) => s + r.crime, 0) / list.reduce((s, r) => s + r.population, 0)) * 1000;
  const regionRate = pooled(regional), nationalRate = f.average.pooledRate;
  const uncovered = inRegion.filter((d) => !regional.some((r) => r.force === d.force));
  // Below (or above) only when below (or above) both averages by more than 5% (loaders/lib/words.ts comparedWith).
  const sideOf = (ratio: number) => (ratio < 0.95 ? -1 : ratio > 1.05 ? 1 : 0);
  const a = sideOf(f.force.rate / regionRate), b = sideOf(f.force.rate / nationalRate);
  const others = regional.filter((r) => r.force !== f.force.force).map((r) => r.name);
  return {open: {value: a === b ? a : 0, months: f.months, source: "police.uk",
    side: `${against(a, `the ${region} forces compared`)} and ${against(b, "the forces of England and Wales compared")}`,
    text: `${formatRate(f.force.rate)} crimes (every category but anti-social behaviour) per 1,000 residents in the force area in ${periodWords(f.months)}, against ${formatRate(regionRate)} across the ${region} forces compared (the force with ${listWords(others)}) and ${formatRate(nationalRate)} across the ${f.average.forces} forces of England and Wales compared`
      + (uncovered.length ? `; ${formatCount(uncovered.length)} ${region} districts (${formatCount(uncovered.reduce((s, d) => s + d.population, 0))} residents, including ${listWords(uncovered.slice(0, 3).map((d) => d.lad_name))}) are in no force compared` : "")
      + `; ${formatCount(f.missing.length)} forces are left out (see the data page)`}};
}

function open(ctx: Context, m: PublishedMeasure, o: OpenMeasure): Promise<Outcome> | Outcome {
  switch (o.source) {
    case "stats19": return stats19(ctx, m, o);
    case "police-uk": return policeUk(ctx, m, o);
    case "police-uk-direction": return direction(ctx, m, o);
    case "all-forces": return allForces(ctx);
  }
}

/** The value as the verdict words it, in the figure's unit. */
export function valueWords(value: number, m: Pick<PublishedMeasure, "unit">, isChange: boolean): string {
  if (isChange || m.unit === "percent") return `${signed(value, Number.isInteger(value) ? 0 : 1)}%`;
  if (m.unit === "per_1000") return `${formatRate(value)} per 1,000`;
  return formatCount(value);
}

/** Decimal places the published figure is given to (rates to one). */
const decimals = (m: PublishedMeasure) => (m.unit === "per_1000" ? 1 : (String(m.value).split(".")[1]?.length ?? 0));

function verdict(m: PublishedMeasure, o: OpenValue): Pick<Comparison, "status" | "rounded" | "difference" | "relative" | "verdict"> {
  if (m.unit === "direction") {
    const claimed = m.value < 0 ? "lower" : m.value > 0 ? "higher" : "about the same";
    return o.value === m.value
      ? {status: "matches", rounded: o.value, difference: null, relative: null, verdict: `Matches: ${o.source} also has it ${o.side}.`}
      : {status: "differs", rounded: o.value, difference: null, relative: null, verdict: `Differs: ${o.source} has it ${o.side}, not ${claimed}.`};
  }
  const isChange = !!o.before;
  const rounded = Number(o.value.toFixed(decimals(m)));
  const difference = Number((rounded - m.value).toFixed(decimals(m))), relative = m.value === 0 ? null : difference / Math.abs(m.value);
  if (difference === 0) return {status: "matches", rounded, difference: 0, relative: 0, verdict: `Matches: ${o.source} also has ${valueWords(rounded, m, isChange)}.`};
  const published = valueWords(m.value, m, isChange);
  const percent = relative === null ? null : Math.round(Math.abs(relative) * 100);
  const higher = difference > 0 ? "higher" : "lower";
  const away = isChange ? `${formatRate(Math.abs(difference))} percentage points ${higher} than the ${published} published`
    : m.unit === "count" ? `${formatCount(Math.abs(difference))} ${difference > 0 ? "more" : "fewer"} than the ${published} published (${percent}% ${higher})`
    : `${percent}% ${higher} than the ${published} published`;
  // Close: within CLOSE of the published figure, as the verdict shows it (whole per cent). A change is compared in
  // percentage points, where a share of a share says little, so it is close only when it matches.
  const close = !isChange && percent !== null && percent <= CLOSE * 100;
  return {status: close ? "close" : "differs", rounded, difference, relative, verdict: `${close ? "Close" : "Differs"}: ${o.source} has ${valueWords(rounded, m, isChange)}, ${away}.`};
}

/** Every published figure with its comparison, in the table's order. */
export async function figureComparisons(db: Db, measures: PublishedMeasure[] = readPublishedMeasures()): Promise<Comparison[]> {
  const stats19Months = new Set((await db.all<{month: string}>(`SELECT DISTINCT month FROM road_collisions`)).map((r) => r.month));
  const streetMonths = new Set((await monthsHeld(db)).months);
  const ctx: Context = {db, stats19Months, streetMonths, latest12: (await crimePeriods(db)).last12};
  const out: Comparison[] = [];
  for (const m of measures) {
    const check = CHECKS.get(m.id);
    if (!check) throw new Error(`loaders/figures/checks.ts has no entry for ${m.id} (data/reference/published-measures.csv line ${m.line}): say how open data checks it, or why it cannot`);
    const base = {measure: m, check, rounded: null, difference: null, relative: null};
    if (!check.open) {
      // Cannot be checked yet when open data would check it but the snapshot does not hold it; else not with open data.
      const missing = check.missing ?? check.reasons.map((r) => (REASONS[r] as Reason).missing).find(Boolean) ?? null;
      const not = missing
        ? {status: "not-yet" as const, missing, verdict: `Cannot be checked yet: needs ${missing}, which this snapshot does not hold.`}
        : {status: "no-open-data" as const, missing: null, verdict: `Cannot be checked with open data: ${lower(REASONS[check.reasons.find((r) => REASONS[r].kind === "blocks") ?? check.reasons[0]].title)}.`};
      out.push({...base, ...not, open: null, reasons: check.reasons});
      continue;
    }
    const result = await open(ctx, m, check.open);
    if ("missing" in result) {
      const reasons = [...new Set<ReasonId>([result.missingReason, ...check.reasons])];
      out.push({...base, status: "not-yet", open: null, missing: result.missing, reasons,
        verdict: `Cannot be checked yet: needs ${result.missing}, which this snapshot does not hold.`});
      continue;
    }
    out.push({measure: m, check, open: result.open, missing: null, reasons: check.reasons, ...verdict(m, result.open)});
  }
  return out;
}

/** The months a comparison's open data covers, as a period ("2025-01..2025-12"), for downloads. */
export const monthsPeriod = (months: string[]) => (months.length ? `${months[0]}..${months.at(-1)}` : "");
