// Calendar months as "YYYY-MM" strings: checking, counting and finding the months a series does not hold.

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (s: string): boolean => MONTH.test(s);

/** Months since year 0, so that consecutive months differ by one. */
export const monthIndex = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

export const monthOf = (i: number): string => `${String(Math.floor(i / 12)).padStart(4, "0")}-${String((i % 12) + 1).padStart(2, "0")}`;

/** Every calendar month from `from` to `to`, both included. */
export function monthSpan(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthOf(i));
  return out;
}

export interface Gap {
  from: string;
  to: string;
  months: number;
}

/** Runs of calendar months between `from` and `to` that are not in `held` (sorted or not). */
export function monthGaps(held: readonly string[], from: string, to: string): Gap[] {
  const have = new Set(held);
  const gaps: Gap[] = [];
  let start: string | null = null;
  let prev = "";
  for (const m of monthSpan(from, to)) {
    if (!have.has(m)) {
      start ??= m;
      prev = m;
    } else if (start) {
      gaps.push({from: start, to: prev, months: monthIndex(prev) - monthIndex(start) + 1});
      start = null;
    }
  }
  if (start) gaps.push({from: start, to: prev, months: monthIndex(prev) - monthIndex(start) + 1});
  return gaps;
}
