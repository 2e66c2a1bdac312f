// Every extract the site builds: its SQL over the staged snapshot, and a data dictionary entry.
// Pages, downloads and the data dictionary page all read from this one list.
import type {Db} from "../lib/duckdb.ts";
import {areas, force} from "../lib/force.ts";
import {listWords, numberWord} from "../lib/words.ts";
import {DOCUMENTS} from "../sources/documents.ts";

/** "the nine areas": the force's areas, counted from data/reference/areas.csv. */
const AREAS = `the ${numberWord(areas.length)} areas`;

export interface Column {
  name: string;
  type: "text" | "integer" | "number" | "boolean" | "date";
  description: string;
}

export interface ExtractDefinition {
  name: string;
  title: string;
  description: string;
  /** caveats users must read before using the numbers */
  caveats: string[];
  source: string;
  columns: Column[];
  /** published under /downloads/ as CSV and Parquet */
  publish: boolean;
  /** snapshot inputs it needs, as source/kind (see available.ts) */
  needs: string[];
  /** SQL producing exactly `columns`, in order; null when the snapshot lacks the input (e.g. no casualty files) */
  sql(db: Db): Promise<string | null>;
}

const POLICE_UK = `data.police.uk street-level crime and anti-social behaviour, ${force.name} (Open Government Licence v3.0)`;
const STATS19 = "Department for Transport, STATS19 road collision data (Open Government Licence v3.0)";
const hasTable = async (db: Db, name: string) =>
  (await db.all<{n: number}>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = '${name}'`))[0].n > 0;

/** Street rows with their area, assigned by LSOA code through the ONS lookup (never by coordinates or names). */
export const STREET_WITH_AREA = `(SELECT s.*,
    CASE WHEN s.lsoa_code IS NULL THEN 'unknown' ELSE coalesce(a.area_code, 'outside') END AS area_code,
    CASE WHEN s.lsoa_code IS NULL THEN 'No location recorded' ELSE coalesce(a.area_name, 'Outside the force area') END AS area_name
  FROM street s LEFT JOIN lsoa_lookup l ON l.lsoa_code = s.lsoa_code LEFT JOIN areas a ON a.area_code = l.lad_code)`;

const label = (variable: string, column: string) =>
  `coalesce((SELECT label FROM stats19_codes WHERE variable = '${variable}' AND code = c.${column}), 'Code ' || c.${column})`;

export const EXTRACTS: ExtractDefinition[] = [
  {
    name: "street-crime-monthly",
    needs: ["police-uk/street", "ons/lsoa-lookup"],
    title: "Street-level crime and anti-social behaviour by month, area, LSOA and type",
    description: "Counts of police.uk street-level records. Every published row is counted exactly once.",
    caveats: [
      "police.uk street-level data is not the same as Home Office police recorded crime statistics.",
      `Rows with no location have area_code 'unknown'; rows whose LSOA is outside ${AREAS} have area_code 'outside'. Both are kept so totals match police.uk.`,
      "Anti-social behaviour incidents are included as a crime_type; exclude them to count crimes.",
      "Months between those the snapshot holds are missing from it, not months without crime.",
      "Some months look under-supplied: every crime type is low at once, as if police.uk had not received all records yet (in this snapshot the first months of 2022; see its provenance note). Leave them out of comparisons, or show them with and without. November 2022 has few anti-social behaviour rows.",
      "Files before June 2023 use 2011 LSOA codes, later files 2021 codes; both map to the areas through the ONS lookup. Older files were downloaded when they were new, so their later revisions are not in them."
    ],
    source: POLICE_UK,
    publish: true,
    columns: [
      {name: "month", type: "text", description: "Month the crime or incident was recorded, YYYY-MM"},
      {name: "area_code", type: "text", description: "ONS code of the local authority / Community Safety Partnership, 'outside' or 'unknown'"},
      {name: "area_name", type: "text", description: "Name of the area"},
      {name: "lsoa_code", type: "text", description: "Lower layer Super Output Area code of the anonymised location, as police.uk gave it: 2011 codes before June 2023, 2021 codes from then (empty when none)"},
      {name: "crime_type", type: "text", description: "police.uk crime category (14 categories, including anti-social behaviour)"},
      {name: "count", type: "integer", description: "Number of records"}
    ],
    sql: async () => `SELECT month, area_code, area_name, lsoa_code, crime_type, count(*)::INTEGER AS count
      FROM ${STREET_WITH_AREA} GROUP BY ALL ORDER BY month, area_code, lsoa_code NULLS FIRST, crime_type`
  },
  {
    name: "street-outcomes-monthly",
    needs: ["police-uk/street", "ons/lsoa-lookup"],
    title: "Crimes by month, area, type and last outcome",
    description: "The latest outcome police.uk recorded for each crime (anti-social behaviour has no outcome and is left out).",
    caveats: ["The last outcome is as of the month the file was published; later files may update it.",
      "'Status update unavailable' and 'Under investigation' are not final outcomes.",
      "The 2022 files were published around January 2023, so many 2022 crimes were still 'Under investigation' and 'Status update unavailable' is frequent: 2022 outcome shares are not comparable with 2025's."],
    source: POLICE_UK,
    publish: true,
    columns: [
      {name: "month", type: "text", description: "Month the crime was recorded, YYYY-MM"},
      {name: "area_code", type: "text", description: "ONS area code, 'outside' or 'unknown'"},
      {name: "area_name", type: "text", description: "Name of the area"},
      {name: "crime_type", type: "text", description: "police.uk crime category"},
      {name: "outcome_category", type: "text", description: "Last outcome category as published (empty when none was given)"},
      {name: "count", type: "integer", description: "Number of crimes"}
    ],
    sql: async () => `SELECT month, area_code, area_name, crime_type, coalesce(last_outcome, '') AS outcome_category, count(*)::INTEGER AS count
      FROM ${STREET_WITH_AREA} WHERE crime_type <> 'Anti-social behaviour' GROUP BY ALL ORDER BY ALL`
  },
  {
    name: "crime-points",
    needs: ["police-uk/street", "ons/lsoa-lookup"],
    title: "Anonymised locations of street-level crime and anti-social behaviour",
    description: "One row per published record with a location, at police.uk's own anonymised precision (snap points, not addresses).",
    caveats: ["Locations are anonymised: each is the centre of a street or a public place near the real location."],
    source: POLICE_UK,
    publish: true,
    columns: [
      {name: "month", type: "text", description: "Month, YYYY-MM"},
      {name: "longitude", type: "number", description: "Anonymised longitude (WGS84)"},
      {name: "latitude", type: "number", description: "Anonymised latitude (WGS84)"},
      {name: "crime_type", type: "text", description: "police.uk crime category"},
      {name: "area_code", type: "text", description: "ONS area code (by LSOA), 'outside' or 'unknown'"}
    ],
    sql: async () => `SELECT month, longitude, latitude, crime_type, area_code FROM ${STREET_WITH_AREA}
      WHERE longitude IS NOT NULL ORDER BY month, crime_type, longitude, latitude, area_code`
  },
  {
    name: "road-collisions",
    needs: ["stats19/collision"],
    title: "Road collisions reported to police, with decoded conditions",
    description: "One row per STATS19 collision in the force area, with DfT codes turned into labels.",
    caveats: [
      "STATS19 covers collisions in which someone was injured and which police recorded; damage-only collisions are not included.",
      "Severity is the most severe injury in the collision. Since police forces moved to injury-based reporting (CRASH), more injuries are recorded as serious; compare years with care.",
      "The force's own killed-or-seriously-injured (KSI) figures are counted differently and will not match."
    ],
    source: STATS19,
    publish: true,
    columns: [
      {name: "accident_index", type: "text", description: "DfT collision identifier"},
      {name: "date", type: "date", description: "Date of the collision"},
      {name: "month", type: "text", description: "Month, YYYY-MM"},
      {name: "year", type: "integer", description: "Year"},
      {name: "day_of_week", type: "text", description: "Day of the week"},
      {name: "hour", type: "integer", description: "Hour of the day, 0–23 (empty if not recorded)"},
      {name: "severity", type: "text", description: "Fatal, Serious or Slight (the most severe casualty)"},
      {name: "ksi", type: "boolean", description: "Killed or seriously injured: severity Fatal or Serious"},
      {name: "vehicles", type: "integer", description: "Number of vehicles involved"},
      {name: "casualties", type: "integer", description: "Number of casualties"},
      {name: "area_code", type: "text", description: "ONS local authority code recorded by DfT"},
      {name: "area_name", type: "text", description: "Local authority name"},
      {name: "lsoa_code", type: "text", description: "LSOA of the collision location, as published (2011 LSOAs)"},
      {name: "longitude", type: "number", description: "Longitude (WGS84)"},
      {name: "latitude", type: "number", description: "Latitude (WGS84)"},
      {name: "road_class", type: "text", description: "Class of the first road"},
      {name: "road_type", type: "text", description: "Type of road"},
      {name: "speed_limit", type: "integer", description: "Speed limit in mph (empty if unknown)"},
      {name: "junction", type: "text", description: "Junction detail"},
      {name: "light", type: "text", description: "Light conditions"},
      {name: "weather", type: "text", description: "Weather conditions"},
      {name: "road_surface", type: "text", description: "Road surface conditions"},
      {name: "urban_rural", type: "text", description: "Urban or rural area"}
    ],
    sql: async () => `SELECT c.accident_index, strptime(c.date, '%d/%m/%Y')::DATE AS date, strftime(strptime(c.date, '%d/%m/%Y'), '%Y-%m') AS month,
        c.accident_year::INTEGER AS year, ${label("day_of_week", "day_of_week")} AS day_of_week,
        CASE WHEN c.time SIMILAR TO '[0-9]{2}:[0-9]{2}' THEN substr(c.time, 1, 2)::INTEGER END AS hour,
        ${label("accident_severity", "accident_severity")} AS severity, c.accident_severity IN ('1', '2') AS ksi,
        c.number_of_vehicles::INTEGER AS vehicles, c.number_of_casualties::INTEGER AS casualties,
        c.local_authority_ons_district AS area_code, coalesce(a.area_name, 'Outside the force area') AS area_name,
        nullif(c.lsoa_of_accident_location, '-1') AS lsoa_code, TRY_CAST(c.longitude AS DOUBLE) AS longitude, TRY_CAST(c.latitude AS DOUBLE) AS latitude,
        ${label("first_road_class", "first_road_class")} AS road_class, ${label("road_type", "road_type")} AS road_type,
        CASE WHEN c.speed_limit IN ('-1', '99', 'NULL', '') THEN NULL ELSE c.speed_limit::INTEGER END AS speed_limit,
        ${label("junction_detail", "junction_detail")} AS junction, ${label("light_conditions", "light_conditions")} AS light,
        ${label("weather_conditions", "weather_conditions")} AS weather, ${label("road_surface_conditions", "road_surface_conditions")} AS road_surface,
        ${label("urban_or_rural_area", "urban_or_rural_area")} AS urban_rural
      FROM collisions c LEFT JOIN areas a ON a.area_code = c.local_authority_ons_district ORDER BY c.accident_index`
  },
  {
    name: "road-casualties",
    needs: ["stats19/casualty"],
    title: "People hurt in road collisions",
    description: "One row per STATS19 casualty in the force area (only when casualty files are in the snapshot).",
    caveats: ["Pulled from DfT's casualty table; the embedded snapshot may not include it."],
    source: STATS19,
    publish: true,
    columns: [
      {name: "accident_index", type: "text", description: "DfT collision identifier"},
      {name: "casualty_class", type: "text", description: "Driver or rider, passenger or pedestrian"},
      {name: "casualty_type", type: "text", description: "Road user type"},
      {name: "severity", type: "text", description: "Fatal, Serious or Slight"},
      {name: "sex", type: "text", description: "Sex of casualty"},
      {name: "age_band", type: "text", description: "Age band"}
    ],
    sql: async (db) => (await hasTable(db, "casualties")) ? `SELECT c.accident_index, ${label("casualty_class", "casualty_class")} AS casualty_class,
        ${label("casualty_type", "casualty_type")} AS casualty_type, ${label("casualty_severity", "casualty_severity")} AS severity,
        ${label("sex_of_casualty", "sex_of_casualty")} AS sex, ${label("age_band_of_casualty", "age_band_of_casualty")} AS age_band
      FROM casualties c ORDER BY c.accident_index, c.casualty_reference` : null
  },
  {
    name: "stop-search-monthly",
    needs: ["police-uk/stop-and-search"],
    title: "Stop and search by month, type, object and outcome",
    description: "Counts of police.uk stop and search records for the force.",
    caveats: [`${force.name}'s published records leave age range and ethnicity blank on almost every row (checked for the snapshot's files), so they are not shown.`],
    source: `data.police.uk stop and search, ${force.name} (Open Government Licence v3.0)`,
    publish: true,
    columns: [
      {name: "month", type: "text", description: "Month, YYYY-MM"},
      {name: "type", type: "text", description: "Person search, vehicle search, or both"},
      {name: "legislation", type: "text", description: "Power used"},
      {name: "object_of_search", type: "text", description: "What officers were looking for"},
      {name: "outcome", type: "text", description: "Outcome as published"},
      {name: "count", type: "integer", description: "Number of searches"}
    ],
    sql: async (db) => (await hasTable(db, "stop_search")) ? `SELECT month, type, coalesce(legislation, '') AS legislation,
        coalesce(object_of_search, '') AS object_of_search, coalesce(outcome, '') AS outcome, count(*)::INTEGER AS count
      FROM stop_search GROUP BY ALL ORDER BY ALL` : null
  },
  {
    name: "areas",
    needs: [],
    title: `The ${numberWord(areas.length)} Community Safety Partnership areas`,
    description: "Local authorities of the force area, each its own Community Safety Partnership, with population.",
    caveats: ["Population is Census 2021 usual residents rounded to the nearest 100; rates per 1,000 use it."],
    source: "Office for National Statistics, Census 2021 (Open Government Licence v3.0)",
    publish: true,
    columns: [
      {name: "area_code", type: "text", description: "ONS local authority code"},
      {name: "slug", type: "text", description: "Name used in this site's addresses"},
      {name: "area_name", type: "text", description: "Local authority / Community Safety Partnership"},
      {name: "population", type: "integer", description: "Census 2021 usual residents (rounded to nearest 100)"}
    ],
    sql: async () => `SELECT area_code, slug, area_name, population FROM areas ORDER BY area_name`
  },
  {
    name: "published-measures",
    needs: [],
    title: "Figures from the force's and the Commissioner's published reports",
    description: "Each figure the site cites, with its document, section, period, definition and the verbatim quote it comes from.",
    caveats: [
      "Figures come from different documents, surveys and definitions: do not add them together or join them into one series unless their definitions match.",
      "Where open data measures the same thing, open_data_equivalent says how to compute it; the two often differ, and /figures shows them side by side (download: figure-comparisons)."
    ],
    source: `Published reports by ${listWords([...new Set(DOCUMENTS.map((d) => d.publisher))])} (see the document column)`,
    publish: true,
    columns: [
      {name: "id", type: "text", description: "Stable identifier of the figure"},
      {name: "document", type: "text", description: "The published document it comes from (file name in the site's repository)"},
      {name: "section", type: "text", description: "Section of the document"},
      {name: "story", type: "text", description: "Topic: roads, county_lines, vawg, victims, local_area or confidence"},
      {name: "measure", type: "text", description: "What is measured"},
      {name: "geography", type: "text", description: "The area as the document names it"},
      {name: "area_code", type: "text", description: `ONS code when the geography is one of ${AREAS}`},
      {name: "period", type: "text", description: "Period covered: YYYY-MM..YYYY-MM, or ..YYYY-MM for an undated survey before that date"},
      {name: "value", type: "number", description: "The figure"},
      {name: "unit", type: "text", description: "count, percent, per_1000, hours, year, recommendation (1 keep / 0 drop), direction (-1 below, 0 in line, 1 above), or a bound"},
      {name: "comparison", type: "text", description: "What the document compares it with"},
      {name: "definition", type: "text", description: "What is counted, in plain English"},
      {name: "quote", type: "text", description: "The words of the document the figure comes from"},
      {name: "open_data_equivalent", type: "text", description: "How to compute the same measure from open data, where possible"},
      {name: "notes", type: "text", description: "Caveats"}
    ],
    sql: async () => `SELECT id, document, section, story, measure, geography, area_code, period, value::DOUBLE AS value, unit, comparison,
        definition, quote, open_data_equivalent, notes FROM published_measures ORDER BY id`
  }
];

const NATIONAL = "data.police.uk street-level crime, every force's files counted (Open Government Licence v3.0)";
const NATIONAL_CAVEATS = [
  "Counts of police.uk street-level records, not Home Office police recorded crime statistics.",
  "Not every force is here: Metropolitan, West Midlands and West Yorkshire police files are absent from the copy counted, Avon and Somerset has six months and Thames Valley eleven, Greater Manchester Police publishes no street-level data, British Transport Police has one month, and Police Service of Northern Ireland is not a force of England and Wales. See force-files for each force and month. A total over these forces is not the England and Wales total."
];

EXTRACTS.push(
  {
    name: "force-crime-monthly",
    needs: ["police-uk-national/force-lad-month-type", "ons/population-ew"],
    title: "Every force's street-level crime and anti-social behaviour by month, district and type",
    description: "Each force's police.uk street-level records counted by the district of their LSOA and crime type, for every force and month whose file was read.",
    caveats: [...NATIONAL_CAVEATS, "A force's rows include a few it snapped into a neighbouring district near its boundary; force areas (districts) are in the districts extract."],
    source: NATIONAL,
    publish: true,
    columns: [
      {name: "force", type: "text", description: "police.uk force id, e.g. staffordshire"},
      {name: "force_name", type: "text", description: "Force name as its files give it (the Falls within column)"},
      {name: "month", type: "text", description: "Month, YYYY-MM"},
      {name: "lad_code", type: "text", description: "ONS code of the district (2021) the record's LSOA is in (empty when the record has no location)"},
      {name: "lad_name", type: "text", description: "District name as police.uk's LSOA name gives it"},
      {name: "crime_type", type: "text", description: "police.uk crime category (14 categories, including anti-social behaviour)"},
      {name: "count", type: "integer", description: "Number of records"}
    ],
    sql: async (db) => (await hasTable(db, "national_lad")) && (await hasTable(db, "district_forces")) ? `SELECT n.force, coalesce(f.force_name, n.force) AS force_name, n.month,
        coalesce(d.lad_code, '') AS lad_code, n.lad_name, n.crime_type, n.count
      FROM national_lad n LEFT JOIN district_forces d ON d.plain_name = n.lad_name AND n.lad_name <> '' LEFT JOIN force_names f ON f.force = n.force
      ORDER BY n.force, n.month, n.lad_name, n.crime_type` : null
  },
  {
    name: "force-outcomes-monthly",
    needs: ["police-uk-national/force-month-type-outcome"],
    title: "Every force's crimes by month, type and last outcome",
    description: "The last outcome police.uk recorded for each crime, counted for every force and month whose file was read (anti-social behaviour has no outcome).",
    caveats: [...NATIONAL_CAVEATS, "The last outcome is as of when the file was published; recent months have more crimes still under investigation."],
    source: NATIONAL,
    publish: true,
    columns: [
      {name: "force", type: "text", description: "police.uk force id"},
      {name: "force_name", type: "text", description: "Force name as its files give it"},
      {name: "month", type: "text", description: "Month, YYYY-MM"},
      {name: "crime_type", type: "text", description: "police.uk crime category"},
      {name: "outcome_category", type: "text", description: "Last outcome category as published (empty when none was given, and for anti-social behaviour)"},
      {name: "count", type: "integer", description: "Number of records"}
    ],
    sql: async (db) => (await hasTable(db, "national_outcomes")) ? `SELECT n.force, coalesce(f.force_name, n.force) AS force_name, n.month, n.crime_type,
        n.last_outcome_category AS outcome_category, n.count
      FROM national_outcomes n LEFT JOIN ${(await hasTable(db, "force_names")) ? "force_names" : "(SELECT NULL::VARCHAR AS force, NULL::VARCHAR AS force_name WHERE false)"} f ON f.force = n.force
      ORDER BY n.force, n.month, n.crime_type, n.last_outcome_category` : null
  },
  {
    name: "force-files",
    needs: ["police-uk-national/inputs"],
    title: "Which force's files were counted, month by month",
    description: "Every force and month of the national counts: whether its street file was read, and its rows. Forces that publish no street file (Greater Manchester Police) are not listed.",
    caveats: ["'absent' means the file was not in the copy counted (files of 4 MiB or more), not that the force published nothing."],
    source: NATIONAL,
    publish: true,
    columns: [
      {name: "force", type: "text", description: "police.uk force id"},
      {name: "force_name", type: "text", description: "Force name as its files give it (empty when no file of the force was read)"},
      {name: "month", type: "text", description: "Month, YYYY-MM"},
      {name: "status", type: "text", description: "'read', or 'absent' when the file was not in the copy counted"},
      {name: "rows", type: "integer", description: "Rows of the file (empty when absent)"}
    ],
    sql: async (db) => (await hasTable(db, "national_inputs")) ? `SELECT i.force, coalesce(f.force_name, '') AS force_name, i.month, CASE WHEN i.read THEN 'read' ELSE 'absent' END AS status, i.rows
      FROM national_inputs i LEFT JOIN ${(await hasTable(db, "force_names")) ? "force_names" : "(SELECT NULL::VARCHAR AS force, NULL::VARCHAR AS force_name WHERE false)"} f ON f.force = i.force ORDER BY i.force, i.month` : null
  },
  {
    name: "districts",
    needs: ["ons/population-ew"],
    title: "Districts of England and Wales: population, and the police force area each is in",
    description: "Every local authority district of England and Wales (2021) with its Census 2021 population, and the force whose area it is in, told from where each force's records fall.",
    caveats: [
      "Census 2021 usual residents, rounded to the nearest 100 as ONS published them.",
      "A district is in a force's area when that force has most records there, at least 10 per 1,000 residents a year (home forces have 50–130; records a neighbour snaps across its boundary stay under 4). Districts of forces whose files are absent or unpublished (London's, West Midlands', West Yorkshire's, Greater Manchester's) have no force here. British Transport Police polices the railways and has no area."
    ],
    source: "Office for National Statistics, Census 2021; data.police.uk street-level crime (Open Government Licence v3.0)",
    publish: true,
    columns: [
      {name: "lad_code", type: "text", description: "ONS local authority district code (2021)"},
      {name: "lad_name", type: "text", description: "District name as ONS's census article gives it"},
      {name: "region", type: "text", description: "Region (Wales for Welsh districts)"},
      {name: "country", type: "text", description: "England or Wales"},
      {name: "population", type: "integer", description: "Census 2021 usual residents (rounded to nearest 100)"},
      {name: "population_2011", type: "integer", description: "Census 2011 usual residents"},
      {name: "force", type: "text", description: "police.uk id of the force whose area the district is in (empty when none can be told)"},
      {name: "force_name", type: "text", description: "That force's name"},
      {name: "force_records_per_1000_year", type: "number", description: "Records a year per 1,000 residents of the force with most records in the district (yearly rate: records × 12 / months read)"},
      {name: "force_months_read", type: "integer", description: "Months of that force's files counted (12 is a full year)"}
    ],
    sql: async (db) => (await hasTable(db, "district_forces")) ? `SELECT lad_code, lad_name, region, country, population, population_2011, coalesce(force, '') AS force,
        coalesce(force_name, '') AS force_name, round(rows_per_1000_year, 2) AS force_records_per_1000_year, months_read AS force_months_read
      FROM district_forces ORDER BY lad_code` : null
  },
  {
    name: "lsoa-deprivation",
    needs: ["mhclg/imd-lsoa", "ons/lsoa-lookup"],
    title: "Index of Multiple Deprivation 2019 for the force area's LSOAs",
    description: `IMD 2019 rank and national decile of every LSOA in ${AREAS}, for the 2011 codes police.uk used before June 2023 and the 2021 codes it uses since; a 2021 LSOA split from a 2011 one takes its parent's rank.`,
    caveats: [
      "IMD 2019 describes conditions in 2015–2017; it ranks areas against each other, it is not a rate.",
      "Rank 1 is England's most deprived of 32,844 LSOAs; decile 1 is England's most deprived 10%.",
      "LSOAs are of similar, not equal, population (about 1,000–3,000 residents).",
      "The parent of a split 2021 LSOA is told from names and shapes (no ONS lookup is in the snapshot): the retired 2011 LSOA with its name stem, or, of two, the one holding its centre."
    ],
    source: "Ministry of Housing, Communities and Local Government, English indices of deprivation 2019 (Open Government Licence v3.0)",
    publish: true,
    columns: [
      {name: "lsoa_code", type: "text", description: "LSOA code as police.uk uses it (2011 or 2021)"},
      {name: "lsoa_name", type: "text", description: "LSOA name"},
      {name: "area_code", type: "text", description: "ONS code of the area (local authority / Community Safety Partnership)"},
      {name: "area_name", type: "text", description: "Name of the area"},
      {name: "lsoa_set", type: "text", description: "'both' (unchanged since 2011), '2021' (a 2021 LSOA split from a 2011 one) or '2011' (a 2011 LSOA split or merged in 2021)"},
      {name: "lsoa11_code", type: "text", description: "The 2011 LSOA whose IMD rank it takes (empty when none could be told)"},
      {name: "imd_rank", type: "integer", description: "IMD 2019 rank among England's 32,844 LSOAs, 1 = most deprived"},
      {name: "imd_decile", type: "integer", description: "IMD 2019 national decile, 1 = most deprived 10%"}
    ],
    sql: async (db) => (await hasTable(db, "lsoa_imd")) ? `SELECT i.lsoa_code, l.lsoa_name, a.area_code, a.area_name,
        CASE i.change WHEN 'same' THEN 'both' WHEN 'split' THEN '2021' ELSE '2011' END AS lsoa_set, coalesce(i.lsoa11_code, '') AS lsoa11_code, i.imd_rank, i.imd_decile
      FROM lsoa_imd i JOIN lsoa_lookup l ON l.lsoa_code = i.lsoa_code JOIN areas a ON a.area_code = l.lad_code ORDER BY i.lsoa_code` : null
  }
);

export const extractByName = new Map(EXTRACTS.map((e) => [e.name, e]));
