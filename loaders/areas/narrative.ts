// The plain-English story of one area: every number in these sentences comes from the facts.
import {describeChange, formatCount, formatPercent, formatRate} from "../../src/components/format.ts";
import {force} from "../lib/force.ts";
import {capital, comparedWith, during, lower, periodWords, rankWords} from "../lib/words.ts";
import {ASB, DRUGS, VIOLENCE, type AllFacts, type AreaFacts} from "./facts.ts";

export function headlineSentences(all: AllFacts, f: AreaFacts): string[] {
  const largest = f.types[0];
  const forceLargest = all.force.types.find((t) => t.crimeType === largest.crimeType)!;
  const second = f.types[1];
  return [
    `${capital(during(all.last12))}, police.uk recorded ${formatCount(f.crime)} crimes in ${f.area.name}, not counting anti-social behaviour. That is ${formatRate(f.crimeRate)} for every 1,000 residents, ${comparedWith(f.crimeRate, all.force.crimeRate)} the ${formatRate(all.force.crimeRate)} across ${force.place}, and ${rankWords(f.crimeRank, all.areas.length)}.`,
    `${largest.crimeType} ${largest.crimeType.endsWith("s") ? "were" : "was"} the largest category: ${formatCount(largest.count)} crimes, ${formatRate(largest.rate)} per 1,000 residents, against ${formatRate(forceLargest.rate)} for the force. ${second ? `Next came ${lower(second.crimeType)} (${formatCount(second.count)}, ${formatRate(second.rate)} per 1,000).` : ""}`.trim(),
    `There were ${formatCount(f.asb)} reports of anti-social behaviour, ${formatRate(f.asbRate)} per 1,000 residents, ${comparedWith(f.asbRate, all.force.asbRate)} the force's ${formatRate(all.force.asbRate)} and ${rankWords(f.asbRank, all.areas.length)}.`
  ];
}

/** The trend in one short sentence, for the top of the page: the same months a year apart, named on both sides. */
export function trendSentence(all: AllFacts, f: AreaFacts): string {
  if (!all.compare.after.length) return `Crime in ${f.area.name}, ${periodWords(all.last12)}: no earlier months in this snapshot to compare with.`;
  return `Crime in ${f.area.name} ${describeChange(f.totalsBefore.crime, f.totalsAfter.crime)} in ${periodWords(all.compare.after)} against ${periodWords(all.compare.before)} (${formatCount(f.totalsBefore.crime)} to ${formatCount(f.totalsAfter.crime)}); across ${force.place} it ${describeChange(all.force.totalsBefore.crime, all.force.totalsAfter.crime)}.`;
}

export function changeSentence(all: AllFacts, f: AreaFacts): string {
  if (!all.compare.after.length) return "This snapshot holds no month a year before the latest ones, so no year-on-year change can be given.";
  const after = periodWords(all.compare.after), before = periodWords(all.compare.before);
  return `Comparing ${after} with ${before} (the only months this snapshot holds for both years), crime in ${f.area.name} ${describeChange(f.totalsBefore.crime, f.totalsAfter.crime)}, from ${formatCount(f.totalsBefore.crime)} to ${formatCount(f.totalsAfter.crime)}, and anti-social behaviour ${describeChange(f.totalsBefore.asb, f.totalsAfter.asb)}, from ${formatCount(f.totalsBefore.asb)} to ${formatCount(f.totalsAfter.asb)}. Across ${force.place}, crime ${describeChange(all.force.totalsBefore.crime, all.force.totalsAfter.crime)} over the same months.`;
}

export interface BriefRow {
  label: string;
  count: number;
  rate: number;
  forceRate: number;
  before: number | null;
  after: number | null;
}

/** Violence, drugs and anti-social behaviour: counts, rates and the year-on-year change, side by side with the force. */
export function briefRows(all: AllFacts, f: AreaFacts): BriefRow[] {
  const type = (t: string): BriefRow => {
    const x = f.types.find((d) => d.crimeType === t);
    const c = f.changes.find((d) => d.crimeType === t);
    return {label: t, count: x?.count ?? 0, rate: x?.rate ?? 0, forceRate: all.force.types.find((d) => d.crimeType === t)?.rate ?? 0, before: c?.before ?? null, after: c?.after ?? null};
  };
  return [
    type(VIOLENCE), type(DRUGS),
    {label: ASB, count: f.asb, rate: f.asbRate, forceRate: all.force.asbRate, before: f.totalsBefore.asb, after: f.totalsAfter.asb}
  ];
}

export function briefSentences(all: AllFacts, f: AreaFacts): {violence: string; drugs: string; asb: string} {
  const [violence, drugs, asb] = briefRows(all, f);
  const share = violence.count / Math.max(1, f.crime);
  const change = (r: BriefRow) => (r.before === null || r.after === null || !all.compare.after.length ? "" : ` Comparing ${periodWords(all.compare.after)} with ${periodWords(all.compare.before)}, the count ${describeChange(r.before, r.after)} (${formatCount(r.before)} to ${formatCount(r.after)}).`);
  return {
    violence: `${formatCount(violence.count)} violent and sexual offences were recorded, ${formatPercent(share)} of all crime in ${f.area.name}: ${formatRate(violence.rate)} per 1,000 residents against ${formatRate(violence.forceRate)} for the force. police.uk puts domestic abuse, assaults with and without injury, harassment, stalking and sexual offences in this one category, and does not say which were domestic.${change(violence)}`,
    drugs: `${formatCount(drugs.count)} drug offences were recorded, ${formatRate(drugs.rate)} per 1,000 residents against ${formatRate(drugs.forceRate)} for the force. Most drug offences come to light when police search people or premises, so the count mostly reflects police activity, not how many drugs are used or sold.${change(drugs)}`,
    asb: `${formatCount(asb.count)} anti-social behaviour incidents were recorded, ${formatRate(asb.rate)} per 1,000 residents against ${formatRate(asb.forceRate)} for the force.${change(asb)}`
  };
}
