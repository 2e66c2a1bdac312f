// Reading data.police.uk monthly files from the snapshot into validated rows.
import {basename} from "node:path";
import type {Readable} from "node:stream";
import {DECIMAL_RE, readCsv} from "../lib/csv.ts";
import {DataError} from "../lib/errors.ts";
import {CRIME_TYPES, HEADERS, LSOA_RE, MONTH_RE, parsePoliceUkFileName, type PoliceUkKind} from "./police-uk-schema.ts";

export interface StreetRow {
  line: number;
  crimeId: string;
  month: string;
  fallsWithin: string;
  longitude: number | null;
  latitude: number | null;
  location: string;
  lsoaCode: string;
  lsoaName: string;
  crimeType: string;
  lastOutcome: string;
}

export interface OutcomeRow {
  line: number;
  crimeId: string;
  month: string;
  lsoaCode: string;
  outcomeType: string;
}

export interface StopSearchRow {
  line: number;
  type: string;
  date: string;
  latitude: number | null;
  longitude: number | null;
  gender: string;
  legislation: string;
  objectOfSearch: string;
  outcome: string;
  outcomeLinked: string;
}

const crimeTypes = new Set<string>(CRIME_TYPES);

/** Lon/lat are both present and numeric within the UK (or both empty, which police.uk uses for "no location"). */
export function readCoordinates(label: string, line: number, lon: string, lat: string): [number | null, number | null] {
  if (lon === "" && lat === "") return [null, null];
  const x = Number(lon), y = Number(lat);
  if (!DECIMAL_RE.test(lon) || x < -9 || x > 3) throw new DataError(label, line, "Longitude", "a longitude between -9 and 3 (or both coordinates empty)", lon);
  if (!DECIMAL_RE.test(lat) || y < 49 || y > 61) throw new DataError(label, line, "Latitude", "a latitude between 49 and 61 (or both coordinates empty)", lat);
  return [x, y];
}

function checkMonth(label: string, line: number, field: string, value: string, fileMonth: string | undefined): void {
  if (!MONTH_RE.test(value)) throw new DataError(label, line, field, "a month as YYYY-MM", value);
  if (fileMonth && value !== fileMonth) throw new DataError(label, line, field, `the file's month ${fileMonth}`, value);
}

function checkLsoa(label: string, line: number, value: string): void {
  if (value !== "" && !LSOA_RE.test(value)) throw new DataError(label, line, "LSOA code", "an ONS LSOA code like E01029557 (or empty)", value);
}

function fileMonth(file: string | undefined, kind: PoliceUkKind): string | undefined {
  if (!file) return undefined;
  const parsed = parsePoliceUkFileName(basename(file));
  if (parsed && parsed.kind !== kind) throw new DataError(basename(file), null, null, `a ${kind} file`, `a ${parsed.kind} file`);
  return parsed?.month;
}

/** Validated rows of a `YYYY-MM-<force>-street.csv[.gz]` file. Throws DataError on the first bad row. */
export async function* readStreetCrime(file: string | Readable, label?: string): AsyncGenerator<StreetRow> {
  const name = label ?? (typeof file === "string" ? basename(file) : "input");
  const month = fileMonth(typeof file === "string" ? file : label, "street");
  for await (const {line, values: v} of readCsv(file, {header: HEADERS.street, label: name})) {
    checkMonth(name, line, "Month", v["Month"], month);
    const [longitude, latitude] = readCoordinates(name, line, v["Longitude"], v["Latitude"]);
    checkLsoa(name, line, v["LSOA code"]);
    if (!crimeTypes.has(v["Crime type"])) throw new DataError(name, line, "Crime type", `one of the 14 police.uk categories (${CRIME_TYPES.join("; ")})`, v["Crime type"]);
    yield {
      line, crimeId: v["Crime ID"], month: v["Month"], fallsWithin: v["Falls within"], longitude, latitude, location: v["Location"],
      lsoaCode: v["LSOA code"], lsoaName: v["LSOA name"], crimeType: v["Crime type"], lastOutcome: v["Last outcome category"]
    };
  }
}

/** Validated rows of a `YYYY-MM-<force>-outcomes.csv[.gz]` file. */
export async function* readOutcomes(file: string | Readable, label?: string): AsyncGenerator<OutcomeRow> {
  const name = label ?? (typeof file === "string" ? basename(file) : "input");
  const month = fileMonth(typeof file === "string" ? file : label, "outcomes");
  for await (const {line, values: v} of readCsv(file, {header: HEADERS.outcomes, label: name})) {
    checkMonth(name, line, "Month", v["Month"], month);
    readCoordinates(name, line, v["Longitude"], v["Latitude"]);
    checkLsoa(name, line, v["LSOA code"]);
    if (v["Crime ID"] === "") throw new DataError(name, line, "Crime ID", "a crime identifier", "");
    if (v["Outcome type"] === "") throw new DataError(name, line, "Outcome type", "an outcome", "");
    yield {line, crimeId: v["Crime ID"], month: v["Month"], lsoaCode: v["LSOA code"], outcomeType: v["Outcome type"]};
  }
}

/** Validated rows of a `YYYY-MM-<force>-stop-and-search.csv[.gz]` file. */
export async function* readStopSearch(file: string | Readable, label?: string): AsyncGenerator<StopSearchRow> {
  const name = label ?? (typeof file === "string" ? basename(file) : "input");
  const month = fileMonth(typeof file === "string" ? file : label, "stop-and-search");
  for await (const {line, values: v} of readCsv(file, {header: HEADERS["stop-and-search"], label: name})) {
    const date = v["Date"];
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(date) || Number.isNaN(Date.parse(date))) throw new DataError(name, line, "Date", "an ISO 8601 date-time", date);
    if (month && date.slice(0, 7) !== month) throw new DataError(name, line, "Date", `a date in the file's month ${month}`, date);
    const [longitude, latitude] = readCoordinates(name, line, v["Longitude"], v["Latitude"]);
    yield {
      line, type: v["Type"], date, latitude, longitude, gender: v["Gender"], legislation: v["Legislation"],
      objectOfSearch: v["Object of search"], outcome: v["Outcome"], outcomeLinked: v["Outcome linked to object of search"]
    };
  }
}

/** Reads any police.uk file by its kind, for validation; returns the number of rows. */
export async function countValidRows(file: string, kind: PoliceUkKind): Promise<number> {
  const reader = kind === "street" ? readStreetCrime(file) : kind === "outcomes" ? readOutcomes(file) : readStopSearch(file);
  let n = 0;
  for await (const _ of reader) ++n;
  return n;
}
