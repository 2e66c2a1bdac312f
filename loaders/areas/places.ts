// Place names people know, from the snapshot's 2013 electoral wards: for the area finder (place → area) and
// to say roughly where an LSOA is (the ward containing its centre).
import {geoCentroid, geoContains} from "d3";
import {readWardFeatures, type PlaceFeature} from "../geo/boundaries.ts";
import {areas, type Area} from "../lib/force.ts";

export interface Place {
  name: string;
  area: Area;
}

/** Every 2013 ward name in the force area, with its area, sorted by name (ties by area). */
export function placeNames(): Place[] {
  return areas.flatMap((area) => readWardFeatures(area.code).map((w) => ({name: tidyName(w.properties.name), area})))
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB") || a.area.name.localeCompare(b.area.name, "en-GB"));
}

/** "St. Michael's" → "St Michael's" (GOV.UK style drops the full stop); everything else as published. */
export function tidyName(name: string): string {
  return name.replace(/\bSt\. /g, "St ");
}

/** For each LSOA, the 2013 ward that contains its centre (approximate: LSOAs and 2013 wards do not nest exactly). */
export function lsoaWards(areaCode: string, lsoas: PlaceFeature[]): Map<string, string> {
  const wards = readWardFeatures(areaCode);
  const out = new Map<string, string>();
  for (const lsoa of lsoas) {
    const centre = geoCentroid(lsoa);
    const ward = wards.find((w) => geoContains(w, centre));
    if (ward) out.set(lsoa.properties.code, tidyName(ward.properties.name));
  }
  return out;
}
