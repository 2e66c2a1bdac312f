// Source lines shown under charts (licence attribution is on the About page and in every download's dictionary).
import {force} from "../lib/force.ts";

export const POLICE_UK_SOURCE = `data.police.uk street-level crime and anti-social behaviour, ${force.name} (Open Government Licence v3.0)`;
export const POLICE_UK_NATIONAL_SOURCE = "data.police.uk street-level crime, every force's files counted (Open Government Licence v3.0)";
export const STATS19_SOURCE = "Department for Transport, STATS19 road collisions reported to police (Open Government Licence v3.0)";
export const CENSUS_SOURCE = "ONS Census 2021 population (Open Government Licence v3.0)";
export const CENSUS_DISTRICTS_SOURCE = "ONS Census 2021 population of every local authority district in England and Wales (Open Government Licence v3.0)";
