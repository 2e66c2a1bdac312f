// The shapes of data.police.uk's monthly CSV files (street, outcomes, stop and search), as published.

export type PoliceUkKind = "street" | "outcomes" | "stop-and-search";

export const STREET_HEADER = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
  "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"] as const;

export const OUTCOMES_HEADER = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
  "LSOA code", "LSOA name", "Outcome type"] as const;

export const STOP_AND_SEARCH_HEADER = ["Type", "Date", "Part of a policing operation", "Policing operation", "Latitude",
  "Longitude", "Gender", "Age range", "Self-defined ethnicity", "Officer-defined ethnicity", "Legislation",
  "Object of search", "Outcome", "Outcome linked to object of search", "Removal of more than just outer clothing"] as const;

export const HEADERS: Record<PoliceUkKind, readonly string[]> = {
  "street": STREET_HEADER,
  "outcomes": OUTCOMES_HEADER,
  "stop-and-search": STOP_AND_SEARCH_HEADER
};

/** The 14 police.uk street-level categories (https://data.police.uk/api/crime-categories). */
export const CRIME_TYPES = ["Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs",
  "Other crime", "Other theft", "Possession of weapons", "Public order", "Robbery", "Shoplifting",
  "Theft from the person", "Vehicle crime", "Violence and sexual offences"] as const;
export type CrimeType = (typeof CRIME_TYPES)[number];
export const ASB = "Anti-social behaviour";

/** `2025-06-staffordshire-street.csv` or `.csv.gz` → {month, force, kind}; null if the name is not a police.uk file. */
export function parsePoliceUkFileName(name: string): {month: string; force: string; kind: PoliceUkKind} | null {
  const m = /^(\d{4}-\d{2})-([a-z0-9-]+?)-(street|outcomes|stop-and-search)\.csv(\.gz)?$/.exec(name);
  return m ? {month: m[1], force: m[2], kind: m[3] as PoliceUkKind} : null;
}

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const LSOA_RE = /^[EW]0\d{7}$/;
