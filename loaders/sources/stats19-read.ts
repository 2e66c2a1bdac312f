// Reading DfT STATS19 collision files (police_force filtered) into validated rows.
import {basename} from "node:path";
import type {Readable} from "node:stream";
import {DECIMAL_RE, readCsv} from "../lib/csv.ts";
import {DataError} from "../lib/errors.ts";

/** The 37 columns of DfT's collision file as published for 2023 (older files lack the last). */
export const COLLISION_HEADER = ["accident_index", "accident_year", "accident_reference", "location_easting_osgr",
  "location_northing_osgr", "longitude", "latitude", "police_force", "accident_severity", "number_of_vehicles",
  "number_of_casualties", "date", "day_of_week", "time", "local_authority_district", "local_authority_ons_district",
  "local_authority_highway", "first_road_class", "first_road_number", "road_type", "speed_limit", "junction_detail",
  "junction_control", "second_road_class", "second_road_number", "pedestrian_crossing_human_control",
  "pedestrian_crossing_physical_facilities", "light_conditions", "weather_conditions", "road_surface_conditions",
  "special_conditions_at_site", "carriageway_hazards", "urban_or_rural_area", "did_police_officer_attend_scene_of_accident",
  "trunk_road_flag", "lsoa_of_accident_location", "enhanced_severity_collision"] as const;

export interface CollisionRow {
  line: number;
  accidentIndex: string;
  year: number;
  policeForce: number;
  severity: 1 | 2 | 3;
  vehicles: number;
  casualties: number;
  /** ISO date YYYY-MM-DD */
  date: string;
  /** 1 = Sunday … 7 = Saturday, as DfT codes it */
  dayOfWeek: number;
  /** hour 0–23, null when time is not recorded */
  hour: number | null;
  longitude: number | null;
  latitude: number | null;
  ladCode: string;
  roadType: number;
  speedLimit: number | null;
  lightConditions: number;
  weatherConditions: number;
  roadSurface: number;
  urbanOrRural: number;
  lsoaCode: string;
  /** every other column, as published */
  raw: Record<string, string>;
}

const INT_COLUMNS = ["accident_year", "police_force", "accident_severity", "number_of_vehicles", "number_of_casualties",
  "day_of_week", "road_type", "light_conditions", "weather_conditions", "road_surface_conditions", "urban_or_rural_area"] as const;

/** Validated collisions from a STATS19 collision file. `policeForce` rows only when given (others are an error). */
export async function* readCollisions(file: string | Readable, options: {policeForce?: number; label?: string} = {}): AsyncGenerator<CollisionRow> {
  const name = options.label ?? (typeof file === "string" ? basename(file) : "input");
  for await (const {line, values: v} of readCsv(file, {header: COLLISION_HEADER, label: name})) {
    const n: Record<string, number> = {};
    for (const c of INT_COLUMNS) {
      const s = v[c];
      if (!/^-?\d+$/.test(s)) throw new DataError(name, line, c, "a whole number (DfT code)", s);
      n[c] = Number(s);
    }
    if (options.policeForce !== undefined && n.police_force !== options.policeForce) {
      throw new DataError(name, line, "police_force", `${options.policeForce}`, v.police_force);
    }
    if (n.accident_severity < 1 || n.accident_severity > 3) throw new DataError(name, line, "accident_severity", "1 (fatal), 2 (serious) or 3 (slight)", v.accident_severity);
    const d = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v.date);
    if (!d) throw new DataError(name, line, "date", "a date as dd/mm/yyyy", v.date);
    const iso = `${d[3]}-${d[2]}-${d[1]}`;
    const parsed = new Date(iso + "T00:00:00Z");
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) throw new DataError(name, line, "date", "a real calendar date", v.date);
    if (Number(d[3]) !== n.accident_year) throw new DataError(name, line, "date", `a date in accident_year ${n.accident_year}`, v.date);
    if (n.day_of_week < 1 || n.day_of_week > 7) throw new DataError(name, line, "day_of_week", "1 (Sunday) to 7 (Saturday)", v.day_of_week);
    let hour: number | null = null;
    if (v.time !== "" && v.time !== "NULL" && v.time !== "-1") {
      const t = /^(\d{2}):(\d{2})$/.exec(v.time);
      if (!t || Number(t[1]) > 23 || Number(t[2]) > 59) throw new DataError(name, line, "time", "a time as HH:MM", v.time);
      hour = Number(t[1]);
    }
    const [longitude, latitude] = coordinates(name, line, v.longitude, v.latitude);
    const speed = v.speed_limit === "-1" || v.speed_limit === "99" || v.speed_limit === "NULL" ? null : Number(v.speed_limit);
    if (speed !== null && !(/^\d+$/.test(v.speed_limit) && speed >= 10 && speed <= 70)) throw new DataError(name, line, "speed_limit", "a speed limit between 10 and 70 mph (or -1/99 for unknown)", v.speed_limit);
    yield {
      line, accidentIndex: v.accident_index, year: n.accident_year, policeForce: n.police_force,
      severity: n.accident_severity as 1 | 2 | 3, vehicles: n.number_of_vehicles, casualties: n.number_of_casualties,
      date: iso, dayOfWeek: n.day_of_week, hour, longitude, latitude, ladCode: v.local_authority_ons_district,
      roadType: n.road_type, speedLimit: speed, lightConditions: n.light_conditions, weatherConditions: n.weather_conditions,
      roadSurface: n.road_surface_conditions, urbanOrRural: n.urban_or_rural_area, lsoaCode: v.lsoa_of_accident_location, raw: v
    };
  }
}

function coordinates(name: string, line: number, lon: string, lat: string): [number | null, number | null] {
  const missing = (s: string) => s === "" || s === "NULL";
  if (missing(lon) && missing(lat)) return [null, null];
  const x = Number(lon), y = Number(lat);
  if (!DECIMAL_RE.test(lon) || x < -9 || x > 3) throw new DataError(name, line, "longitude", "a longitude between -9 and 3", lon);
  if (!DECIMAL_RE.test(lat) || y < 49 || y > 61) throw new DataError(name, line, "latitude", "a latitude between 49 and 61", lat);
  return [x, y];
}
