// The force and its areas: the one place the site's geography is configured (data/reference/).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {REFERENCE_DIR} from "./paths.ts";

export interface Force {
  id: string;
  name: string;
  place: string;
  stats19PoliceForce: number;
  policeUkFallsWithin: string;
  siteTitle: string;
  /** area map label offsets in map pixels, by ONS code, where an area's centre would put its name over a neighbour's */
  labelNudges: Record<string, [number, number]>;
  /** who runs the site and how to reach them: configuration the publishing organisation fills in ("" until then) */
  owner: {name: string; contactEmail: string; contactUrl: string; sourceCodeUrl: string};
  /** dates of the accessibility statement, YYYY-MM-DD */
  accessibilityStatement: {prepared: string; lastReviewed: string};
}

/** Shown wherever a piece of the owner's configuration is still empty: never a made-up name or address. */
export const TO_BE_FILLED = "[to be filled in by the site's owner]";

export interface Area {
  code: string;
  slug: string;
  name: string;
  cspName: string;
  population: number;
  populationSource: string;
}

export const force: Force = JSON.parse(readFileSync(join(REFERENCE_DIR, "force.json"), "utf8"));

export const areas: Area[] = csvParse(readFileSync(join(REFERENCE_DIR, "areas.csv"), "utf8")).map((d) => ({
  code: d.area_code!, slug: d.slug!, name: d.area_name!, cspName: d.csp_name!, population: Number(d.population), populationSource: d.population_source!
}));

export const areaByCode = new Map(areas.map((a) => [a.code, a]));
export const areaBySlug = new Map(areas.map((a) => [a.slug, a]));
export const forcePopulation = areas.reduce((s, a) => s + a.population, 0);
