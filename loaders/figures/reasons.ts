// Why a published figure and open data differ, or why open data cannot check it: each kind written once, here, and
// named by the figures it applies to (checks.ts). A reason says what differs; `wouldCheck` says what would settle it.

export interface Reason {
  /** "differs": why open data and the figure differ; "blocks": why open data cannot check the figure (yet) */
  kind: "differs" | "blocks";
  /** a short heading, in plain words */
  title: string;
  /** the explanation, one or two sentences */
  text: string;
  /** what would check the figure, where open data here cannot */
  wouldCheck?: string;
  /** for open data that would check the figure but this snapshot does not hold: what is missing, named */
  missing?: string;
}

export const REASONS = {
  // Why numbers differ when open data can be set beside them.
  "report-time": {
    kind: "differs",
    title: "Counted at the time of the report",
    text: "The force counts from its own records when it writes its report. The Department for Transport's STATS19 data is checked and finalised months later, when some injuries are re-graded and late reports are added."
  },
  "definition-unstated": {
    kind: "differs",
    title: "The report does not give its full definition",
    text: "The report does not say exactly which records it counts, so the open-data count may not take in the same ones."
  },
  "period": {
    kind: "differs",
    title: "Different periods",
    text: "The open data in this snapshot does not cover the report's period, so the nearest period it holds is used. Crime changes from year to year, so figures for different periods are not expected to agree."
  },
  "police-uk-not-recorded-crime": {
    kind: "differs",
    title: "police.uk is not the Home Office's recorded crime",
    text: "The report uses police recorded crime as the Home Office counts it. police.uk publishes the force's street-level records in 14 broad categories: they are counted differently, have no fraud, and past months are revised as records change."
  },
  "recorded-date": {
    kind: "differs",
    title: "Recorded date against the month published",
    text: "Home Office tables count crimes in the financial year police recorded them; police.uk gives each record a month and revises past months. Crimes near the start or end of a period can fall on different sides."
  },
  "categories": {
    kind: "differs",
    title: "Home Office offence groups are not police.uk categories",
    text: "police.uk has 14 broad categories. Its \"Violence and sexual offences\" joins two Home Office groups, and the Home Office's theft offences include burglary and vehicle crime, which police.uk counts separately."
  },
  "forces-missing": {
    kind: "differs",
    title: "Not every force is in the comparison",
    text: "Some forces' police.uk files are missing from the national counts this site holds, or cover only part of the year, so the averages are of the forces that can be compared; the comparison names what is left out."
  },
  "population": {
    kind: "differs",
    title: "Different populations",
    text: "Rates per 1,000 depend on the population used. This site uses Census 2021 residents; the report does not say which estimate it used."
  },
  // Why open data cannot check a figure.
  "survey": {
    kind: "blocks",
    title: "A survey result",
    text: "It is what people told a survey. Crime records cannot measure opinions or experiences.",
    wouldCheck: "The survey's own published results (the force's surveys are not published as open data; for the Crime Survey for England and Wales, the Office for National Statistics' police force area tables)."
  },
  "own-records": {
    kind: "blocks",
    title: "Held only in the force's or the Commissioner's own records",
    text: "Arrests, enforcement, operations, audits of the Victims' Code and referrals to services are not published as open data.",
    wouldCheck: "The force's or the Commissioner's own management information, for example through a Freedom of Information request."
  },
  "no-flag": {
    kind: "blocks",
    title: "police.uk has no flag for it",
    text: "police.uk records carry no domestic abuse flag and no victim's sex, so domestic abuse and violence against women and girls cannot be picked out.",
    wouldCheck: "The Home Office's police recorded crime open data tables, which flag domestic abuse-related offences by Community Safety Partnership and financial year."
  },
  "home-office-tables": {
    kind: "blocks",
    title: "Needs the Home Office recorded crime tables",
    text: "The report counts Home Office offence groups or codes for a Community Safety Partnership; this snapshot does not hold those tables.",
    wouldCheck: "The Home Office's \"Police recorded crime and outcomes open data tables\" (by Community Safety Partnership, offence and financial year).",
    missing: "the Home Office's recorded crime tables by Community Safety Partnership"
  },
  "months-not-held": {
    kind: "blocks",
    title: "Needs police.uk months this snapshot does not hold",
    text: "police.uk does publish these months, but this site's snapshot does not hold them yet.",
    wouldCheck: "The police.uk street files for the months named, with the next data refresh (npm run pull)."
  },
  "stats19-not-held": {
    kind: "blocks",
    title: "Needs STATS19 data this snapshot does not hold",
    text: "The Department for Transport publishes it, but this site's snapshot does not hold that year or table yet.",
    wouldCheck: "The STATS19 files named (collisions, casualties or vehicles, by year), with the next data refresh (npm run pull)."
  },
  "msf-group": {
    kind: "blocks",
    title: "A rank among the force's most similar forces",
    text: "The report ranks the force within its group of most similar forces, a group set nationally for comparing forces. The group's members are not published in the report or in the data here, so the rank cannot be worked out again from open data.",
    wouldCheck: "The list of the force's most similar forces, with the Home Office's recorded crime by force for the same 12 months."
  },
  "force-ranks": {
    kind: "blocks",
    title: "A rank of all forces over other months and categories",
    text: "The report ranks the force among 42 forces by Home Office offence groups for its own 12 months. The forces page sets police.uk's rank for 2025 beside it, but police.uk's categories, months and forces compared are not the report's, so it does not check the rank.",
    wouldCheck: "The Home Office's police recorded crime tables by force for the report's 12 months, with each force area's population."
  },
  "needs-force-comparison": {
    kind: "blocks",
    title: "Needs the all-forces comparison",
    text: "Checking a comparison with the region or the country needs every force's crime per 1,000 residents over the same months, which this site does not have yet.",
    wouldCheck: "police.uk street files for every force in the region and in England and Wales, with each force area's population."
  },
  "fraud": {
    kind: "blocks",
    title: "Fraud is recorded nationally",
    text: "Fraud is reported to Action Fraud and recorded by the National Fraud Intelligence Bureau, not in police.uk or the Home Office's tables by Community Safety Partnership.",
    wouldCheck: "The National Fraud Intelligence Bureau's fraud figures by police force area, published by the Office for National Statistics (not by district)."
  },
  "fire-statistics": {
    kind: "blocks",
    title: "Fire and rescue statistics",
    text: "Fire and rescue incidents are published by the Home Office, not by the police; this site does not hold them.",
    wouldCheck: "The Home Office's fire and rescue incident statistics (incidents attended, by fire and rescue service and financial year).",
    missing: "the Home Office's fire and rescue incident statistics"
  },
  "not-a-count": {
    kind: "blocks",
    title: "A decision, a date or an estimate, not a count",
    text: "It is a recommendation, a date something began, or the document's own estimate: there is nothing in open data to count against it."
  }
} as const satisfies Record<string, Reason>;

export type ReasonId = keyof typeof REASONS;

export const reason = (id: ReasonId): Reason => REASONS[id];
