// The explorer's numbers, in plain code over the extract's columns: no database. indexExtract turns the decoded
// columns into small integer codes once; computeResult then answers any state in one pass over the rows
// (a few milliseconds even at national size: see bench/explore.ts).
import {populationOf, type Catalogue} from "./catalogue.js";
import {monthGaps, monthIndex, monthsBetween} from "../months.js";
import type {ExploreState} from "./state.js";

export interface ExtractColumns {
  month: ArrayLike<string>;
  area_code: ArrayLike<string>;
  crime_type: ArrayLike<string>;
  count: ArrayLike<number | bigint>;
}

export interface Extract {
  rows: number;
  /** index into catalogue.months */
  month: Uint16Array;
  /** index into codes */
  area: Uint16Array;
  /** index into typeNames */
  type: Uint16Array;
  count: Float64Array;
  codes: string[];
  typeNames: string[];
}

function encode(values: ArrayLike<string>, dictionary: string[], index = new Map<string, number>()): Uint16Array {
  dictionary.forEach((v, i) => index.set(v, i));
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let code = index.get(v);
    if (code === undefined) {
      code = dictionary.push(v) - 1;
      index.set(v, code);
    }
    out[i] = code;
  }
  return out;
}

/** Integer codes for the decoded columns. Fails if the data holds a month the catalogue does not list. */
export function indexExtract(columns: ExtractColumns, catalogue: Catalogue): Extract {
  const rows = columns.month.length;
  for (const k of ["area_code", "crime_type", "count"] as const) {
    if (columns[k].length !== rows) throw new Error(`explorer data: column ${k} has ${columns[k].length} rows, month has ${rows}`);
  }
  const months = [...catalogue.months];
  const month = encode(columns.month, months);
  if (months.length !== catalogue.months.length) {
    throw new Error(`explorer data: month ${JSON.stringify(months[catalogue.months.length])} is not among the months the page lists`);
  }
  const codes: string[] = [], typeNames: string[] = [];
  const area = encode(columns.area_code, codes), type = encode(columns.crime_type, typeNames);
  const count = Float64Array.from(columns.count as ArrayLike<number>, Number);
  return {rows, month, area, type, count, codes, typeNames};
}

export interface Gap {
  from: string;
  to: string;
  months: number;
}

export interface SeriesResult {
  slug: string;
  label: string;
  /** residents of the series' areas, or null where there is no population (no location, outside) */
  population: number | null;
  /** records per held month in range (aligned with Result.months) */
  counts: number[];
  /** what is drawn: counts, or records per 1,000 residents (null without a population) */
  values: (number | null)[];
}

export interface Result {
  state: ExploreState;
  /** months held within the range, in order */
  months: string[];
  /** every calendar month of the range */
  span: string[];
  /** runs of months in the range that the data does not hold */
  gaps: Gap[];
  series: SeriesResult[];
  /** what is combined in every line: the areas (when lines are types) and the types (when lines are areas) */
  areasLabel: string;
  typesLabel: string;
}

/** "A", "A and B", "A, B and C" */
export function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

export function computeResult(extract: Extract, state: ExploreState, catalogue: Catalogue): Result {
  const areaChoices = state.areas.map((s) => catalogue.areas.find((a) => a.slug === s)!).filter(Boolean);
  const typeChoices = state.types.map((s) => catalogue.types.find((t) => t.slug === s)!).filter(Boolean);
  const from = monthIndex(state.from), to = monthIndex(state.to);
  const months = catalogue.months.filter((m) => monthIndex(m) >= from && monthIndex(m) <= to);
  const monthPos = new Int16Array(catalogue.months.length).fill(-1);
  catalogue.months.forEach((m, i) => { if (monthIndex(m) >= from && monthIndex(m) <= to) monthPos[i] = months.indexOf(m); });

  const codeIndex = new Map(extract.codes.map((c, i) => [c, i]));
  const typeIndex = new Map(extract.typeNames.map((t, i) => [t, i]));
  const areaBits = new Uint8Array(extract.codes.length), typeBits = new Uint8Array(extract.typeNames.length);
  const mark = (bits: Uint8Array, index: Map<string, number>, keys: string[], bit: number) => {
    for (const k of keys) {
      const i = index.get(k);
      if (i !== undefined) bits[i] |= bit;
    }
  };
  const allAreaCodes = [...new Set(areaChoices.flatMap((a) => a.codes))];
  const allTypes = [...new Set(typeChoices.flatMap((t) => t.types))];
  const ALL = 0xff;
  let lines: {slug: string; label: string; codes: string[]}[];
  if (state.view === "areas") {
    lines = areaChoices.map((a) => ({slug: a.slug, label: a.label, codes: a.codes}));
    lines.forEach((l, s) => mark(areaBits, codeIndex, l.codes, 1 << s));
    mark(typeBits, typeIndex, allTypes, ALL);
  } else if (state.view === "types") {
    lines = typeChoices.map((t) => ({slug: t.slug, label: t.label, codes: allAreaCodes}));
    typeChoices.forEach((t, s) => mark(typeBits, typeIndex, t.types, 1 << s));
    mark(areaBits, codeIndex, allAreaCodes, ALL);
  } else {
    lines = [{slug: "total", label: `${listWords(typeChoices.map((t) => t.label))}: ${listWords(areaChoices.map((a) => a.label))}`, codes: allAreaCodes}];
    mark(areaBits, codeIndex, allAreaCodes, 1);
    mark(typeBits, typeIndex, allTypes, 1);
  }

  const n = months.length;
  const acc = new Float64Array(lines.length * n);
  const {month, area, type, count} = extract;
  for (let i = 0; i < extract.rows; i++) {
    const p = monthPos[month[i]];
    if (p < 0) continue;
    let bits = areaBits[area[i]] & typeBits[type[i]];
    for (let s = 0; bits; s++, bits >>= 1) if (bits & 1) acc[s * n + p] += count[i];
  }
  const series = lines.map((l, s): SeriesResult => {
    const counts = Array.from(acc.subarray(s * n, (s + 1) * n));
    const population = populationOf(l.codes, catalogue);
    const values = state.measure === "count" ? counts : counts.map((c) => (population ? (c / population) * 1000 : null));
    return {slug: l.slug, label: l.label, population, counts, values};
  });
  return {
    state, months, span: monthsBetween(state.from, state.to), series,
    gaps: monthGaps(months).map((g) => ({...g, months: monthIndex(g.to) - monthIndex(g.from) + 1})),
    areasLabel: listWords(areaChoices.map((a) => a.label)), typesLabel: listWords(typeChoices.map((t) => t.label))
  };
}
