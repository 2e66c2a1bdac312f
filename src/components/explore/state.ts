// The explorer's state is its address: ?area=…&type=…&from=…&to=…&measure=…&view=…
// parseState reads any address without throwing and keeps only values found in the catalogue's lists;
// everything else is set aside with a note in plain words. Nothing from the address is ever used as code,
// HTML or SQL: values are compared with known slugs and months, and notes are shown as text.
import type {Catalogue} from "./catalogue.js";
import {formatMonth} from "../format.js";
import {monthIndex} from "../months.js";

const isMonth = (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

export type Measure = "count" | "rate";
/** one line per chosen area, one line per chosen type, or one line for everything chosen */
export type View = "areas" | "types" | "total";

export interface ExploreState {
  areas: string[];
  types: string[];
  from: string;
  to: string;
  measure: Measure;
  view: View;
}

export const MEASURES: readonly Measure[] = ["count", "rate"];
export const VIEWS: readonly View[] = ["areas", "types", "total"];
/** Lines on one chart: the palette has six colours, dash patterns and symbols. */
export const MAX_SERIES = 6;
/** Longer addresses are not read at all. */
export const MAX_QUERY_LENGTH = 2000;
const MAX_VALUES = 50;
const MAX_NOTES = 6;
const KEYS = ["area", "type", "from", "to", "measure", "view"] as const;

export function defaultState(catalogue: Catalogue): ExploreState {
  return {areas: [catalogue.areas[0].slug], types: [catalogue.types[0].slug], from: catalogue.months[0], to: catalogue.months.at(-1)!, measure: "count", view: "areas"};
}

/** A value from an address, made safe and short enough to quote in a note (shown as text, never as HTML). */
export function quote(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, " ").replace(/\s+/g, " ").trim();
  return `"${clean.length > 40 ? `${clean.slice(0, 40)}…` : clean}"`;
}

/**
 * Keeps a state within what the page can draw: at least one area and type, months inside the data, from before
 * to, and no more lines than MAX_SERIES. Returns notes for anything it changed.
 */
export function normaliseState(state: ExploreState, catalogue: Catalogue): {state: ExploreState; notes: string[]} {
  const notes: string[] = [];
  const s = {...state, areas: [...new Set(state.areas)], types: [...new Set(state.types)]};
  const d = defaultState(catalogue);
  if (!s.areas.length) {
    s.areas = d.areas;
    notes.push(`No area was chosen, so this shows ${catalogue.areas[0].label.toLowerCase()}.`);
  }
  if (!s.types.length) {
    s.types = d.types;
    notes.push(`No type was chosen, so this shows ${catalogue.types[0].label.toLowerCase()}.`);
  }
  if (monthIndex(s.from) > monthIndex(s.to)) [s.from, s.to] = [s.to, s.from];
  const lines = s.view === "areas" ? "areas" : s.view === "types" ? "types" : null;
  if (lines && s[lines].length > MAX_SERIES) {
    notes.push(`At most ${MAX_SERIES} lines fit on one chart: the first ${MAX_SERIES} ${lines === "areas" ? "areas" : "types"} chosen are drawn.`);
    s[lines] = s[lines].slice(0, MAX_SERIES);
  }
  return {state: s, notes};
}

/** Reads an address's query string (with or without "?"). Never throws. */
export function parseState(search: string, catalogue: Catalogue): {state: ExploreState; notes: string[]} {
  const state = defaultState(catalogue);
  const notes: string[] = [];
  const raw = typeof search === "string" ? search.replace(/^\?/, "") : "";
  if (!raw) return {state, notes};
  if (raw.length > MAX_QUERY_LENGTH) return {state, notes: [`The address was longer than ${MAX_QUERY_LENGTH} characters, so its settings were not read.`]};
  let params: [string, string][];
  try {
    params = Array.from(new URLSearchParams(raw));
  } catch {
    return {state, notes: ["The address's settings could not be read."]};
  }
  const first = catalogue.months[0], last = catalogue.months.at(-1)!;
  const values = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (!(KEYS as readonly string[]).includes(key)) {
      notes.push(`Ignored ${quote(key)} in the address: it is not a setting of this page.`);
      continue;
    }
    const list = values.get(key) ?? [];
    for (const v of key === "area" || key === "type" ? value.split(",") : [value]) if (v.trim()) list.push(v.trim());
    values.set(key, list);
  }
  const choose = (key: "area" | "type", known: {slug: string}[], what: string) => {
    const given = values.get(key) ?? [];
    if (given.length > MAX_VALUES) notes.push(`Only the first ${MAX_VALUES} values of ${key} were read.`);
    const chosen: string[] = [];
    for (const v of given.slice(0, MAX_VALUES)) {
      const slug = v.toLowerCase();
      if (known.some((k) => k.slug === slug)) chosen.includes(slug) || chosen.push(slug);
      else notes.push(`Ignored ${key} ${quote(v)}: it is not one of the ${what} on this page.`);
    }
    return chosen;
  };
  const areas = choose("area", catalogue.areas, "areas");
  const types = choose("type", catalogue.types, "crime types");
  if (areas.length) state.areas = areas;
  if (types.length) state.types = types;
  for (const key of ["from", "to"] as const) {
    const given = values.get(key) ?? [];
    if (given.length > 1) notes.push(`The address gave ${key} ${given.length} times; the first was read.`);
    const v = given[0];
    if (v === undefined) continue;
    if (!isMonth(v)) notes.push(`Ignored ${key} ${quote(v)}: a month is written like ${last}.`);
    else if (monthIndex(v) < monthIndex(first) || monthIndex(v) > monthIndex(last)) notes.push(`Ignored ${key} ${quote(v)}: the data runs from ${formatMonth(first)} to ${formatMonth(last)}.`);
    else if (!catalogue.months.includes(v)) notes.push(`Ignored ${key} ${quote(v)}: ${formatMonth(v)} is not in this snapshot.`);
    else state[key] = v;
  }
  const one = <T extends string>(key: "measure" | "view", allowed: readonly T[]): T | undefined => {
    const v = values.get(key)?.[0];
    if (v === undefined) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    notes.push(`Ignored ${key} ${quote(v)}: it can be ${allowed.join(" or ")}.`);
    return undefined;
  };
  state.measure = one("measure", MEASURES) ?? state.measure;
  state.view = one("view", VIEWS) ?? state.view;
  const normal = normaliseState(state, catalogue);
  const all = [...notes, ...normal.notes];
  return {state: normal.state, notes: all.length > MAX_NOTES ? [...all.slice(0, MAX_NOTES - 1), `…and ${all.length - MAX_NOTES + 1} more values ignored.`] : all};
}

/** The address for a state (slugs and months need no escaping). */
export function stateToSearch(state: ExploreState): string {
  return `?area=${state.areas.join(",")}&type=${state.types.join(",")}&from=${state.from}&to=${state.to}&measure=${state.measure}&view=${state.view}`;
}

export function sameState(a: ExploreState, b: ExploreState): boolean {
  return stateToSearch(a) === stateToSearch(b);
}
