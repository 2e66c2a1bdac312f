// For every published figure (data/reference/published-measures.csv): what in open data measures it, if anything, and
// the kinds of difference that apply (reasons.ts). This is data: compare.ts computes the open-data side from the
// extracts, and the tests recompute it from the raw files. Every figure has exactly one entry (a test checks).
import type {ReasonId} from "./reasons.ts";

/** police.uk categories (all crime: every category but anti-social behaviour). */
export const ALL_CRIME = ["Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs", "Other crime", "Other theft", "Possession of weapons",
  "Public order", "Robbery", "Shoplifting", "Theft from the person", "Vehicle crime", "Violence and sexual offences"];
/** The police.uk categories the Home Office's "theft offences" group spans (it includes burglary and vehicle offences). */
const THEFT = ["Bicycle theft", "Burglary", "Other theft", "Shoplifting", "Theft from the person", "Vehicle crime"];

/** Which months the open data is counted over: the figure's own period, or the latest 12 months held (a stand-in). */
export type Months = "period" | "latest-12";

export type OpenMeasure =
  /** STATS19 collisions of these severities in the figure's period; with `before`, the percentage change from it */
  | {source: "stats19"; severities: ("Fatal" | "Serious")[]; before?: string}
  /** police.uk records of these categories in the figure's area (or the whole force area): a count, a rate per 1,000,
   *  or with `before` the percentage change from that period to the figure's */
  | {source: "police-uk"; types: string[]; where: "area" | "force"; months: Months; measure: "count" | "per_1000"; before?: string}
  /** police.uk crime per 1,000 in the figure's area against the force area as a whole: lower (-1), about the same or higher */
  | {source: "police-uk-direction"; types: string[]; months: Months}
  /** the force's crime per 1,000 (police.uk, latest year of every force's counts) against the forces of its region and of
   *  England and Wales: lower (-1) than both, higher (1) than both, or neither (0) */
  | {source: "all-forces"};

export interface Check {
  /** how open data measures it; absent when it cannot */
  open?: OpenMeasure;
  /** the kinds of difference, or why it cannot be checked */
  reasons: ReasonId[];
  /** for a figure open data measures but this snapshot cannot: what is missing, named (e.g. "the STATS19 casualty table") */
  missing?: string;
}

const entries: [string[], Check][] = [
  // The reports' ranks of the force among forces (the /forces page sets police.uk's 2025 rank beside them).
  [["forces-msf-rank-shoplifting-2024-05-2025-04", "forces-msf-rank-business-robbery-2024-05-2025-04", "forces-msf-rank-business-burglary-2024-05-2025-04",
    "forces-msf-rank-vehicle-offences-2024-05-2025-04", "forces-msf-rank-theft-of-vehicles-2024-05-2025-04", "forces-msf-rank-theft-from-vehicles-2024-05-2025-04",
    "forces-msf-rank-vehicle-interference-2024-05-2025-04", "forces-msf-rank-knife-crime-2022-04-2023-03"], {reasons: ["msf-group"]}],
  [["forces-national-rank-shoplifting-2024-05-2025-04", "forces-national-rank-business-robbery-2024-05-2025-04", "forces-national-rank-business-burglary-2024-05-2025-04",
    "forces-national-rank-vehicle-offences-2024-05-2025-04", "forces-national-rank-theft-of-vehicles-2024-05-2025-04", "forces-national-rank-theft-from-vehicles-2024-05-2025-04",
    "forces-national-rank-vehicle-interference-2024-05-2025-04"], {reasons: ["force-ranks"]}],
  // Roads: STATS19 collisions against the force's KSI table.
  [["roads-fatal-collisions-2023", "roads-fatal-collisions-2022", "roads-fatal-collisions-2023-12", "roads-fatal-collisions-2024-10-2025-09"],
    {open: {source: "stats19", severities: ["Fatal"]}, reasons: ["report-time", "definition-unstated"]}],
  [["roads-serious-collisions-2023", "roads-serious-collisions-2022"], {open: {source: "stats19", severities: ["Serious"]}, reasons: ["report-time", "definition-unstated"]}],
  [["roads-ksi-collisions-2023", "roads-ksi-collisions-2022"], {open: {source: "stats19", severities: ["Fatal", "Serious"]}, reasons: ["report-time", "definition-unstated"]}],
  [["roads-ksi-change-2023"], {open: {source: "stats19", severities: ["Fatal", "Serious"], before: "2022-01..2022-12"}, reasons: ["report-time", "definition-unstated"]}],
  [["roads-ksi-change-2024-10-2025-09"], {open: {source: "stats19", severities: ["Fatal", "Serious"], before: "2023-10..2024-09"}, reasons: ["report-time", "definition-unstated"]}],
  [["roads-deaths-2023", "roads-deaths-change-2023", "roads-fatal-collisions-pedestrians-2023-12", "roads-fatal-collisions-pedestrians-2023",
    "roads-fatal-casualties-2024-10-2025-09", "roads-fatal-casualties-pedestrians-share-2024-10-2025-09", "roads-fatal-casualties-motorcyclists-share-2024-10-2025-09",
    "roads-fatal-casualties-aged-55-plus-share-2024-10-2025-09", "roads-fatal-casualties-pedal-cyclists-2024-10-2025-09"],
    {reasons: ["stats19-not-held"], missing: "the STATS19 casualty table"}],
  [["roads-fatal-collisions-motorcyclists-2023"], {reasons: ["stats19-not-held"], missing: "the STATS19 vehicle table"}],
  [["roads-drink-driving-arrests-2023", "roads-drug-driving-arrests-2023", "roads-speed-camera-offences-2023", "roads-mobile-phone-offences-2023",
    "roads-seatbelt-offences-2023", "roads-speedwatch-groups-2023", "roads-speedwatch-volunteers-2023", "roads-speedwatch-sessions-2023",
    "roads-speedwatch-hours-2023", "roads-speedwatch-sessions-2025", "roads-speedwatch-hours-2025"], {reasons: ["own-records"]}],
  [["roads-road-crime-team-introduced"], {reasons: ["not-a-count"]}],
  [["roads-fire-service-rtc-attendances-2023-24"], {reasons: ["fire-statistics"]}],

  // Drugs and county lines: police.uk counts drug offences, not the operations behind them.
  [["drug-crimes-2023"], {open: {source: "police-uk", types: ["Drugs"], where: "force", months: "period", measure: "count"},
    reasons: ["police-uk-not-recorded-crime", "recorded-date"]}],
  [["drug-offences-change-2024-10-2025-09"], {open: {source: "police-uk", types: ["Drugs"], where: "force", months: "period", measure: "count", before: "2023-10..2024-09"},
    reasons: ["police-uk-not-recorded-crime", "recorded-date"]}],
  [["county-lines-arrests-2023", "county-lines-arrests-2022", "county-lines-mapped-lines-2023", "county-lines-week-arrests-2023-10",
    "county-lines-week-safeguarded-2023-10", "cannabis-cultivations-2023", "cannabis-cultivations-stoke-share-2023", "county-lines-arrests-2024-10-2025-09",
    "county-lines-type1-closures-2024-10-2025-09", "county-lines-type1-closures-2023-10-2024-09", "county-lines-mapped-lines-2025",
    "county-lines-week-arrests-2025-06", "county-lines-week-safeguarded-2025-06", "county-lines-week-type1-closures-2025-06", "cannabis-grows-2025",
    "cannabis-grows-stoke-2025", "operation-target-drugs-arrests-2023-05-2024-04"], {reasons: ["own-records"]}],
  [["drug-importation-offences-additional-2024-10-2025-09"], {reasons: ["home-office-tables"]}],

  // Violence against women and girls, and domestic abuse: police.uk cannot pick them out.
  // The Beating Crime Plan's VAWG selection is the force's own; domestic abuse-related crime is flagged in the Home Office tables.
  [["vawg-crimes-2023", "vawg-crimes-2022", "vawg-domestic-2023", "vawg-non-domestic-2023", "vawg-change-2024-10-2025-09",
    "vawg-domestic-2024-10-2025-09", "vawg-non-domestic-2024-10-2025-09", "domestic-abuse-cj-outcomes-2024-10-2025-09"], {reasons: ["no-flag"]}],
  [["domestic-abuse-crimes-2023", "domestic-abuse-change-2024-10-2025-09", "stafford-domestic-crimes-2024-25"], {reasons: ["no-flag", "home-office-tables"]}],
  [["vawg-rape-2023", "vawg-stalking-2023", "vawg-harassment-2023", "domestic-strangulation-2023"], {reasons: ["categories", "home-office-tables"]}],
  [["op-encompass-children-notified-2021-02-2023-12", "op-encompass-notifications-2021-02-2025-09"], {reasons: ["own-records"]}],

  // Victims: surveys and the force's and Commissioner's own records.
  [["victims-kept-informed-force-survey-2023", "victims-kept-informed-commissioner-2023-24", "victims-kept-informed-commissioner-2022-23",
    "victims-kept-informed-force-survey-2024-10-2025-09", "victims-kept-informed-cjs-survey-2023-03-2025-09", "victims-satisfied-investigation-force-survey-2023",
    "victims-satisfied-investigation-commissioner-2023-24", "victims-initial-contact-force-survey-2024-10-2025-09", "victims-da-satisfied-after-contact-2024-10-2025-09",
    "victims-da-satisfied-initial-contact-2024-10-2025-09", "victims-more-positive-after-contact-force-survey-2023"], {reasons: ["survey"]}],
  [["victims-contract-2023", "victims-contract-2024-10-2025-09", "victims-contract-commissioner-2023-24", "victims-gateway-referrals-2023-24",
    "victims-gateway-48-hours-2023-24", "victims-repeat-2023", "victims-repeat-2024-10-2025-09", "victims-portal-use-2024-12-2025-09"], {reasons: ["own-records"]}],

  // Confidence: surveys of residents.
  [["confidence-smsr-2023-08", "confidence-smsr-rely-on-local-team-2023-08", "confidence-smsr-safe-after-dark-2023-08", "confidence-smsr-well-informed-2023-08",
    "confidence-smsr-treat-equally-2023-08", "confidence-smsr-visible-presence-important-2023-08", "confidence-survey-2024-03",
    "confidence-survey-victim-past-year-2024-03", "confidence-survey-expect-victim-2024-03", "confidence-smsr-2025-08", "confidence-csew-2025-03",
    "lpt-survey-staffordshire-moorlands-visible-presence-important-2023-08", "lpt-survey-tamworth-see-officer-monthly-2023-08",
    "lpt-survey-cannock-chase-see-officer-monthly-2023-08", "lpt-survey-staffordshire-moorlands-any-contact-2023-08", "lpt-survey-lichfield-any-contact-2023-08",
    "lpt-survey-east-staffordshire-any-contact-2023-08", "lpt-survey-tamworth-rely-on-local-team-2023-08", "lpt-survey-south-staffordshire-feel-fewer-officers-2023-08",
    "lpt-survey-lichfield-feel-fewer-officers-2023-08", "lpt-survey-tamworth-feel-fewer-officers-2023-08", "lpt-survey-stoke-on-trent-safe-after-dark-2023-08",
    "lpt-survey-stoke-on-trent-expect-victim-2023-08", "lpt-survey-staffordshire-moorlands-expect-victim-2023-08", "lpt-survey-tamworth-confidence-2023-08",
    "lpt-survey-lichfield-treat-equally-2023-08", "lpt-survey-staffordshire-moorlands-victim-12-months-2023-08", "lpt-survey-stafford-well-informed-2023-08",
    "lpt-survey-newcastle-under-lyme-well-informed-2023-08", "stafford-survey-victim-12-months", "stafford-survey-expect-victim",
    "stafford-survey-expect-victim-previous"], {reasons: ["survey"]}],

  // The Police and Crime Plan's comparison with the region and the country.
  [["plan-crime-rates-below-regional-national"], {open: {source: "all-forces"}, reasons: ["period", "forces-missing", "police-uk-not-recorded-crime"]}],

  // The Stafford strategic assessment (Home Office recorded crime, financial years) against police.uk's latest 12 months.
  [["stafford-crime-rate-below-force-2024-25"], {open: {source: "police-uk-direction", types: ALL_CRIME, months: "latest-12"},
    reasons: ["period", "police-uk-not-recorded-crime"]}],
  [["stafford-all-crime-change-2024-25"], {open: {source: "police-uk", types: ALL_CRIME, where: "area", months: "period", measure: "count", before: "2022-04..2023-03"},
    reasons: ["home-office-tables", "police-uk-not-recorded-crime"]}],
  [["stafford-asb-change-2024-25"], {open: {source: "police-uk", types: ["Anti-social behaviour"], where: "area", months: "period", measure: "count", before: "2022-04..2023-03"},
    reasons: ["recorded-date"]}],
  [["stafford-drug-offences-2024-25"], {open: {source: "police-uk", types: ["Drugs"], where: "area", months: "latest-12", measure: "count"},
    reasons: ["period", "police-uk-not-recorded-crime", "recorded-date"]}],
  [["stafford-drug-offences-rate-2024-25"], {open: {source: "police-uk", types: ["Drugs"], where: "area", months: "latest-12", measure: "per_1000"},
    reasons: ["period", "police-uk-not-recorded-crime", "population"]}],
  [["stafford-sa-staffordshire-drug-offences-rate-2024-25"], {open: {source: "police-uk", types: ["Drugs"], where: "force", months: "latest-12", measure: "per_1000"},
    reasons: ["period", "police-uk-not-recorded-crime", "population"]}],
  [["stafford-drug-offences-change-2024-25"], {open: {source: "police-uk", types: ["Drugs"], where: "area", months: "period", measure: "count", before: "2022-04..2023-03"},
    reasons: ["home-office-tables", "police-uk-not-recorded-crime"]}],
  [["stafford-public-order-rate-2024-25"], {open: {source: "police-uk", types: ["Public order"], where: "area", months: "latest-12", measure: "per_1000"},
    reasons: ["period", "police-uk-not-recorded-crime", "population"]}],
  [["stafford-sa-staffordshire-public-order-rate-2024-25"], {open: {source: "police-uk", types: ["Public order"], where: "force", months: "latest-12", measure: "per_1000"},
    reasons: ["period", "police-uk-not-recorded-crime", "population"]}],
  [["stafford-public-order-change-2024-25"], {open: {source: "police-uk", types: ["Public order"], where: "area", months: "period", measure: "count", before: "2022-04..2023-03"},
    reasons: ["home-office-tables", "police-uk-not-recorded-crime"]}],
  [["stafford-sexual-offences-2024-25", "stafford-sexual-offences-change-2024-25", "stafford-sexual-offences-rate-2024-25",
    "stafford-sa-staffordshire-sexual-offences-rate-2024-25", "stafford-violence-with-injury-change-2024-25"], {reasons: ["categories", "home-office-tables"]}],
  [["stafford-theft-2024-25"], {open: {source: "police-uk", types: THEFT, where: "area", months: "latest-12", measure: "count"},
    reasons: ["period", "categories", "police-uk-not-recorded-crime"]}],
  [["stafford-theft-rate-2024-25"], {open: {source: "police-uk", types: THEFT, where: "area", months: "latest-12", measure: "per_1000"},
    reasons: ["period", "categories", "police-uk-not-recorded-crime", "population"]}],
  [["stafford-theft-change-2024-25"], {open: {source: "police-uk", types: THEFT, where: "area", months: "period", measure: "count", before: "2022-04..2023-03"},
    reasons: ["home-office-tables", "categories"]}],
  [["stafford-shoplifting-rate-2024-25"], {open: {source: "police-uk", types: ["Shoplifting"], where: "area", months: "latest-12", measure: "per_1000"},
    reasons: ["period", "police-uk-not-recorded-crime", "population"]}],
  [["stafford-sa-staffordshire-shoplifting-rate-2024-25"], {open: {source: "police-uk", types: ["Shoplifting"], where: "force", months: "latest-12", measure: "per_1000"},
    reasons: ["period", "police-uk-not-recorded-crime", "population"]}],
  [["stafford-shoplifting-change-2024-25"], {open: {source: "police-uk", types: ["Shoplifting"], where: "area", months: "period", measure: "count", before: "2022-04..2023-03"},
    reasons: ["home-office-tables", "police-uk-not-recorded-crime"]}],
  [["stafford-violence-2024-25"], {open: {source: "police-uk", types: ["Violence and sexual offences"], where: "area", months: "latest-12", measure: "count"},
    reasons: ["categories", "period", "police-uk-not-recorded-crime"]}],
  [["stafford-violence-rate-2024-25"], {open: {source: "police-uk", types: ["Violence and sexual offences"], where: "area", months: "latest-12", measure: "per_1000"},
    reasons: ["categories", "period", "police-uk-not-recorded-crime", "population"]}],
  [["stafford-sa-staffordshire-violence-rate-2024-25"], {open: {source: "police-uk", types: ["Violence and sexual offences"], where: "force", months: "latest-12", measure: "per_1000"},
    reasons: ["categories", "period", "police-uk-not-recorded-crime", "population"]}],
  [["stafford-hate-crimes-2024-25"], {reasons: ["own-records"]}],
  [["stafford-modern-slavery-2024-25", "stafford-modern-slavery-five-years"], {reasons: ["home-office-tables"]}],
  [["stafford-fraud-change-2024-25"], {reasons: ["fraud"]}],
  [["stafford-priority-asb", "stafford-priority-community-cohesion", "stafford-priority-domestic-abuse", "stafford-priority-county-lines",
    "stafford-priority-modern-slavery", "stafford-priority-fraud", "stafford-priority-vulnerable-persons"], {reasons: ["not-a-count"]}]
];

/** Each figure's check, by id. */
export const CHECKS: ReadonlyMap<string, Check> = (() => {
  const map = new Map<string, Check>();
  for (const [ids, check] of entries) {
    for (const id of ids) {
      if (map.has(id)) throw new Error(`loaders/figures/checks.ts: ${id} has two entries`);
      map.set(id, check);
    }
  }
  return map;
})();
