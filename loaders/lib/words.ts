// Wording shared by every page and chart: ranks, comparisons, names and lists, GOV.UK style. Number and month
// formatting is in src/components/format.ts (the browser uses it too); this is the wording built on it.
import {formatCount, formatMonthRange} from "../../src/components/format.ts";
import {monthGaps, monthRuns} from "../../src/components/months.ts";

const SMALL_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** 9 → "nine" (up to ten, as in "the nine areas"); larger numbers as digits. */
export function numberWord(n: number): string {
  return SMALL_NUMBERS[n] ?? formatCount(n);
}

const ORDINALS = ["", "", "second ", "third ", "fourth ", "fifth ", "sixth ", "seventh ", "eighth ", "ninth ", "tenth "];

/** 1 → "1st", 12 → "12th", 22 → "22nd" */
export function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${suffix}`;
}

/** 1 → "highest", 3 → "third highest", 12 → "12th highest". */
export function ordinalHighest(rank: number): string {
  if (rank === 1) return "highest";
  const word = ORDINALS[rank];
  return word ? `${word}highest` : `${ordinal(rank)} highest`;
}

/** 1 → "lowest", 3 → "third lowest", 12 → "12th lowest". */
export function ordinalLowest(rank: number): string {
  return ordinalHighest(rank).replace(/highest$/, "lowest");
}

/** "the third highest of the nine areas" / "the lowest of the nine areas" (rank 1 = highest). */
export function rankWords(rank: number, of: number, things = "areas"): string {
  return `the ${rank === of ? "lowest" : ordinalHighest(rank)} of the ${numberWord(of)} ${things}`;
}

/** "above" / "below" / "about the same as": within 5% either way counts as about the same. */
export function comparedWith(value: number, reference: number): string {
  const r = value / reference;
  return r > 1.05 ? "above" : r < 0.95 ? "below" : "about the same as";
}

/** "Stafford's", "Staffordshire Moorlands'" */
export const possessive = (name: string): string => (name.endsWith("s") ? `${name}'` : `${name}'s`);

/** First letter upper case. */
export const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** First letter lower case: "Violence and sexual offences" inside a sentence. */
export const lower = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** "a" or "an" before a word (by its first letter; good enough for the site's own labels). */
export const article = (word: string): string => (/^[aeiou]/i.test(word) ? "an" : "a");

/** ["a", "b", "c"] → "a, b and c" */
export function listWords(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : items[0] ?? "";
}

/** The months of a period in words: "January to December 2025" (first to last month). */
export const periodWords = (months: string[]): string => formatMonthRange(months[0], months.at(-1)!);

/** "from January to December 2025", or "in March 2025" for one month */
export const during = (months: string[]): string => `${months.length === 1 ? "in" : "from"} ${periodWords(months)}`;

/** Runs of consecutive months in words: "January to April 2024 and January to December 2025" */
export function describeMonths(months: string[]): string {
  return listWords(monthRuns(months).map(periodWords));
}

/** The runs of months missing between the first and last held, in words: "December 2022 to December 2023 and May to December 2024" ("" when none). */
export function describeGaps(months: string[]): string {
  return listWords(monthGaps(months).map((g) => formatMonthRange(g.from, g.to)));
}
