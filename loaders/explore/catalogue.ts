// The explorer's catalogue (src/components/explore/catalogue.ts) from the data and the force's configuration:
// areas and populations from data/reference/areas.csv, months and crime types from the extract.
import {slugify, type Catalogue} from "../../src/components/explore/catalogue.ts";
import {EXTRACTS} from "../extracts/definitions.ts";
import {areas} from "../lib/force.ts";
import {ASB} from "../sources/police-uk-schema.ts";
import type {ExploreRows} from "./rows.ts";

export function exploreCatalogue({columns, areaNames}: ExploreRows): Catalogue {
  const months = [...new Set(Array.from(columns.month))].sort();
  if (!months.length) throw new Error("explore: the street-crime-monthly extract holds no months");
  const types = [...new Set(Array.from(columns.crime_type))].sort();
  const codes = new Set(Array.from(columns.area_code));
  const configured = new Set(areas.map((a) => a.code));
  const others = [...codes].filter((c) => !configured.has(c)).sort();
  const sources = [...new Set(areas.map((a) => a.populationSource))];
  const catalogue: Catalogue = {
    areas: [
      {slug: "all", label: `All ${areas.length} areas`, codes: areas.map((a) => a.code)},
      ...[...areas].sort((a, b) => a.name.localeCompare(b.name, "en-GB")).map((a) => ({slug: a.slug, label: a.name, codes: [a.code]})),
      // rows the extract keeps so totals match police.uk: no location, or an LSOA outside the areas
      ...others.map((code) => ({slug: slugify(code), label: areaNames.get(code) ?? code, codes: [code]}))
    ],
    types: [
      {slug: "all", label: "All crime and anti-social behaviour", types},
      ...(types.includes(ASB) ? [{slug: "crime", label: "All crime (not anti-social behaviour)", types: types.filter((t) => t !== ASB)}] : []),
      ...types.map((t) => ({slug: slugify(t), label: t, types: [t]}))
    ],
    months,
    populations: Object.fromEntries(areas.map((a) => [a.code, a.population])),
    populationSource: sources.join("; "),
    source: EXTRACTS.find((e) => e.name === "street-crime-monthly")!.source
  };
  // slugs are the address's words: each must name one choice
  for (const list of [catalogue.areas, catalogue.types]) {
    const seen = new Set<string>();
    for (const c of list) {
      if (!/^[a-z0-9-]+$/.test(c.slug) || seen.has(c.slug)) throw new Error(`explore: the choice "${c.label}" has a slug "${c.slug}" that is empty, not plain, or used twice`);
      seen.add(c.slug);
    }
  }
  return catalogue;
}
