// Month arithmetic on "YYYY-MM" strings, in one place for the build and the browser (pure, no dependencies).

/** Months since year 0: consecutive months differ by 1. */
export const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** The month at a monthIndex. */
export const monthOf = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;

/** The month `by` months after (or before, if negative) `month`. */
export const shiftMonth = (month: string, by: number): string => monthOf(monthIndex(month) + by);

export const nextMonth = (month: string): string => shiftMonth(month, 1);

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); ++i) out.push(monthOf(i));
  return out;
}

/** Runs of consecutive months, sorted and without repeats: ["2024-01","2024-02","2025-01"] → [["2024-01","2024-02"],["2025-01"]]. */
export function monthRuns(months: string[]): string[][] {
  const runs: string[][] = [];
  for (const m of [...new Set(months)].sort()) {
    const run = runs.at(-1);
    if (run && monthIndex(m) - monthIndex(run.at(-1)!) === 1) run.push(m);
    else runs.push([m]);
  }
  return runs;
}

/** The months missing between the first and last of `months`, as runs: [{from, to}]. */
export function monthGaps(months: string[]): {from: string; to: string}[] {
  const runs = monthRuns(months);
  return runs.slice(1).map((run, i) => ({from: nextMonth(runs[i].at(-1)!), to: shiftMonth(run[0], -1)}));
}
