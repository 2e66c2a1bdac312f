// What the explorer can show, known before any data arrives: the choosable areas and crime types, the months
// the extract holds, populations for rates and the source line. The page builds it at build time from the
// extract and data/reference/areas.csv (loaders/explore/catalogue.ts) and embeds it as JSON; every value read
// from an address is checked against these lists.

export interface AreaChoice {
  /** as written in the address: ?area=stafford */
  slug: string;
  label: string;
  /** the extract's area_code values it covers */
  codes: string[];
}

export interface TypeChoice {
  /** as written in the address: ?type=shoplifting */
  slug: string;
  label: string;
  /** the extract's crime_type values it covers */
  types: string[];
}

export interface Catalogue {
  areas: AreaChoice[];
  types: TypeChoice[];
  /** months the extract holds, sorted */
  months: string[];
  /** residents by area_code (areas without a population, such as "no location", are absent) */
  populations: Record<string, number>;
  populationSource: string;
  /** the data's source line, e.g. "data.police.uk street-level crime …" */
  source: string;
}

/** "Violence and sexual offences" → "violence-and-sexual-offences" */
export function slugify(label: string): string {
  return label.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Residents of the union of these area codes, or null when any of them has no population. */
export function populationOf(codes: Iterable<string>, catalogue: Catalogue): number | null {
  let total = 0;
  for (const code of codes) {
    const p = catalogue.populations[code];
    if (p === undefined) return null;
    total += p;
  }
  return total;
}
