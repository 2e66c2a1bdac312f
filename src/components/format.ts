// Number and date wording in one place, GOV.UK style: digits, thousands separators, months in words.

const integer = new Intl.NumberFormat("en-GB", {maximumFractionDigits: 0});
const oneDp = new Intl.NumberFormat("en-GB", {minimumFractionDigits: 1, maximumFractionDigits: 1});
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function formatCount(n: number): string {
  return integer.format(n);
}

const twoDp = new Intl.NumberFormat("en-GB", {minimumFractionDigits: 2, maximumFractionDigits: 2});

/** A rate with one decimal place, e.g. 63.4 */
export function formatRate(n: number): string {
  return oneDp.format(n);
}

/** A rate with two decimal places, e.g. 0.97: where small rates are compared (1.05 against 0.97 both round to 1.0) */
export function formatRate2(n: number): string {
  return twoDp.format(n);
}

/** "12%" from 0.12; whole percent unless below 1 */
export function formatPercent(fraction: number, digits = 0): string {
  return `${new Intl.NumberFormat("en-GB", {maximumFractionDigits: digits, minimumFractionDigits: digits}).format(Math.abs(fraction) * 100)}%`;
}

/** "June 2025" from "2025-06" */
export function formatMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/** "Jun 2025" from "2025-06" */
export function formatMonthShort(month: string): string {
  return formatMonth(month).replace(/^(\w{3})\w*/, "$1");
}

/** "January to December 2025" or "October 2024 to September 2025" */
export function formatMonthRange(from: string, to: string): string {
  if (from === to) return formatMonth(from);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${MONTHS[Number(from.slice(5)) - 1]} to ${formatMonth(to)}`;
  return `${formatMonth(from)} to ${formatMonth(to)}`;
}

/** Date of a YYYY-MM month (first day, UTC), for time scales. */
export function monthDate(month: string): Date {
  return new Date(`${month}-01T00:00:00Z`);
}

/** "rose by 12%" / "fell by 3%" / "was unchanged" */
export function describeChange(before: number, after: number): string {
  if (before === 0) return after === 0 ? "was unchanged" : "rose from zero";
  const change = (after - before) / before;
  if (Math.round(change * 100) === 0) return "was about the same";
  return `${change > 0 ? "rose" : "fell"} by ${formatPercent(change)}`;
}

export function pluralise(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
