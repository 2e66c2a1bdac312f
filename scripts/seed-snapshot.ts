// One-off: builds data/snapshot/ from the project's starting copy of the raw data (../shared/data/raw),
// keeping every file's content exactly as published (gzip -9 -n added; police.uk files were already gzip).
// Run: npx tsx scripts/seed-snapshot.ts [raw dir]. Later refreshes use `npm run pull`.
import {copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {basename, join, relative} from "node:path";
import {execFileSync} from "node:child_process";
import {fileFacts, formatManifest, OGL, type Manifest, type ManifestEntry, type SourceId} from "../loaders/lib/manifest.ts";
import {SNAPSHOT_DIR, MANIFEST_FILE} from "../loaders/lib/paths.ts";
import {countValidRows} from "../loaders/sources/police-uk-read.ts";
import {parsePoliceUkFileName} from "../loaders/sources/police-uk-schema.ts";
import {readCollisions} from "../loaders/sources/stats19-read.ts";
import {force} from "../loaders/lib/force.ts";
import {readImd} from "../loaders/sources/imd-read.ts";

const RAW = process.argv[2] ?? join("..", "shared", "data", "raw");
const RETRIEVED = "2026-11-21";
/** The second hunt's files (2022 street months, every force's 2025 counts, all districts' population, IMD 2019). */
const RETRIEVED_2 = "2026-12-03";
const files: ManifestEntry[] = [];

function gzipInto(src: string, dest: string): Buffer {
  mkdirSync(join(dest, ".."), {recursive: true});
  if (src.endsWith(".gz")) copyFileSync(src, dest);
  else writeFileSync(dest, execFileSync("gzip", ["-9", "-n", "-c", src], {maxBuffer: 1 << 30}));
  return readFileSync(dest);
}

function add(source: SourceId, srcFile: string, relDest: string, meta: Omit<ManifestEntry, "path" | "source" | "sha256" | "bytes" | "contentSha256" | "licence" | "retrieved"> & {licence?: string; retrieved?: string}): void {
  const dest = join(SNAPSHOT_DIR, source, relDest.endsWith(".gz") ? relDest : relDest + ".gz");
  const bytes = gzipInto(srcFile, dest);
  files.push({path: relative(SNAPSHOT_DIR, dest), source, licence: OGL, retrieved: RETRIEVED, ...meta, ...fileFacts(bytes, true)});
}

function provenance(source: SourceId, from: string, as = "PROVENANCE.md"): void {
  mkdirSync(join(SNAPSHOT_DIR, source), {recursive: true});
  copyFileSync(join(RAW, from), join(SNAPSHOT_DIR, source, as));
}

rmSync(SNAPSHOT_DIR, {recursive: true, force: true});

// data.police.uk: street (2022-01…11, 2024-01…04, 2025-01…12) and stop and search (2024-10…12)
provenance("police-uk", "police-uk-street-staffordshire/PROVENANCE.md", "PROVENANCE-street.md");
provenance("police-uk", "police-uk-stop-and-search-staffordshire/PROVENANCE.md", "PROVENANCE-stop-and-search.md");
for (const folder of ["police-uk-street-staffordshire", "police-uk-stop-and-search-staffordshire"]) {
  for (const name of readdirSync(join(RAW, folder)).sort()) {
    const parsed = parsePoliceUkFileName(name);
    if (!parsed) continue;
    const src = join(RAW, folder, name);
    const member = `${parsed.month}/${name.replace(/\.gz$/, "")}`;
    add("police-uk", src, name.replace(/\.gz$/, "") + ".gz", {
      kind: parsed.kind, url: `https://data.police.uk/data/archive/${parsed.month}.zip`, member,
      copiedFrom: folder.includes("stop") ? "github.com/rv-bit/suspect-scraper@7becaad559647f7077aca671d5a3df605ba5188f"
        : parsed.month.startsWith("2022") ? `github.com/ReginaGyimesi/people-safety-app-server@482caa2fa4639be3c3c92a01f2e36c2214a60339 data/raw_data/uk-crime-data/${member}`
        : parsed.month.startsWith("2025") ? "github.com/PriteshParekh/ML-Foundations-Portfolio-Project@d20214fc926395d8c4f8008068473b2997050547"
        : "github.com/Leonard-Theodorus/UK-Q1-2024-Crime-Data-Analysis@9bc2147fae639589682bd3350267eb726cecf4e7",
      rows: await countValidRows(src, parsed.kind), period: parsed.month, ...(parsed.month.startsWith("2022") ? {retrieved: RETRIEVED_2} : {})
    });
  }
}

// DfT STATS19 collisions 2023, police_force 21 block
provenance("stats19", "dft-stats19-staffordshire/PROVENANCE.md");
{
  const name = `dft-road-casualty-statistics-collision-2023-${force.id}.csv`;
  const src = join(RAW, "dft-stats19-staffordshire", name);
  let rows = 0;
  for await (const _ of readCollisions(src, {policeForce: force.stats19PoliceForce})) ++rows;
  add("stats19", src, name, {
    kind: "collision", url: "https://data.dft.gov.uk/road-accidents-safety-data/dft-road-casualty-statistics-collision-2023.csv",
    copiedFrom: "github.com/ukilay/DS@5275aa7302cb534255b08112f2e93072773569f5 (police_force 21 rows only)", rows, period: "2023"
  });
}

// ONS geography and population
provenance("ons", "ons-boundaries-martinjc/PROVENANCE.md", "PROVENANCE-boundaries.md");
provenance("ons", "ons-boundaries-martinjc/LICENCE-upstream.md", "LICENCE-boundaries-upstream.md");
provenance("ons", "ons-census2021-population-lad/PROVENANCE.md", "PROVENANCE-population.md");
provenance("ons", "ons-lsoa21-splits-open-innovations/PROVENANCE.md", "PROVENANCE-lsoa21-splits.md");
const martinjc = "github.com/martinjc/UK-GeoJSON@88339000fc8711feb9c146d5cd7d145bf286350d";
const census = "github.com/ONSvisual/census-population-scrolly@35de23de7b8e221f46bb6f306514b2beabea5cfd";
const countCsv = (f: string) => readFileSync(f, "utf8").trim().split(/\r?\n/).length - 1;
const countFeatures = (f: string) => (JSON.parse(readFileSync(f, "utf8")) as {features: unknown[]}).features.length;
{
  const src = join(RAW, "ons-boundaries-martinjc", "lsoa_to_lad_staffordshire_derived.csv");
  add("ons", src, "lsoa_to_lad_staffordshire_derived.csv", {kind: "lsoa-lookup", url: "https://geoportal.statistics.gov.uk/ (derived: LSOA 2011 files + LSOA codes seen in police.uk 2024–25)", copiedFrom: martinjc, rows: countCsv(src), period: "2021"});
  for (const name of readdirSync(join(RAW, "ons-boundaries-martinjc", "lsoa11_by_lad")).filter((n) => n.endsWith(".geojson")).sort()) {
    const f = join(RAW, "ons-boundaries-martinjc", "lsoa11_by_lad", name);
    add("ons", f, `lsoa11_by_lad/${name}`, {kind: "lsoa11-boundaries", url: "https://geoportal.statistics.gov.uk/ (LSOA 2011 generalised clipped boundaries)", copiedFrom: `${martinjc} json/statistical/eng/lsoa_by_lad/${name}`, rows: countFeatures(f), period: "2011"});
  }
  const splits = join(RAW, "ons-lsoa21-splits-open-innovations", "lsoa21_staffordshire_split_areas.geojsonl");
  add("ons", splits, basename(splits), {kind: "lsoa21-boundaries", url: "https://geoportal.statistics.gov.uk/datasets/ons::lower-layer-super-output-areas-december-2021-boundaries-generalised-clipped-ew-bgc/", copiedFrom: "github.com/open-innovations/geography-bits@018050e262c33c93e90fb637d75089f46b5e442a data/LSOA21CD/", rows: countCsv(splits) + 1, period: "2021"});
  const lad = join(RAW, "ons-census2021-population-lad", "geo_lad2021.topo.json");
  add("ons", lad, "geo_lad2021.topo.json", {kind: "lad-boundaries", url: "https://geoportal.statistics.gov.uk/ (LAD December 2021 boundaries)", copiedFrom: `${census} static/data/geo_lad2021.json`, rows: null, period: "2021"});
  const districts = join(RAW, "ons-census2021-population-lad", "lad_population_census2011_2021_ew.csv");
  add("ons", districts, basename(districts), {kind: "population-ew", url: "https://www.ons.gov.uk/visualisations/censuspopulationchange/", copiedFrom: `${census} static/data/place_data/ (derived, every district of England and Wales)`, rows: countCsv(districts), period: "2021", retrieved: RETRIEVED_2});
  const pop = join(RAW, "ons-census2021-population-lad", "staffordshire_lad_population_census2011_2021.csv");
  add("ons", pop, basename(pop), {kind: "population", url: "https://www.ons.gov.uk/visualisations/censuspopulationchange/", copiedFrom: `${census} static/data/place_data/ (derived)`, rows: countCsv(pop), period: "2021"});
  for (const name of readdirSync(join(RAW, "ons-census2021-population-lad", "place_data")).sort()) {
    add("ons", join(RAW, "ons-census2021-population-lad", "place_data", name), `place_data/${name}`, {kind: "census-place", url: "https://www.ons.gov.uk/visualisations/censuspopulationchange/", copiedFrom: `${census} static/data/place_data/${name}`, rows: null, period: "2021"});
  }
}

// Every force's 2025 street files, counted (too large to copy): two count tables and the list of files counted.
// The note keeps derive.py, the script that counted them, below the provenance (loaders/sources/police-uk-national-pull.ts
// makes the same tables from police.uk's archives).
{
  const folder = join(RAW, "police-uk-street-national-2025");
  mkdirSync(join(SNAPSHOT_DIR, "police-uk-national"), {recursive: true});
  writeFileSync(join(SNAPSHOT_DIR, "police-uk-national", "PROVENANCE.md"), readFileSync(join(folder, "PROVENANCE.md"), "utf8") +
    "\n## derive.py (the script that counted the files, as shipped with them)\n\n```python\n" + readFileSync(join(folder, "derive.py"), "utf8") + "```\n");
  const copiedFrom = "github.com/PriteshParekh/ML-Foundations-Portfolio-Project@35902b7fe4ececad09a64d4cf7cbd02f5b3dfa69 data/2025-MM/2025-MM-<force>-street.csv (counted by derive.py)";
  for (const [name, kind] of [["inputs-2025.csv", "inputs"], ["force-lad-month-type-2025.csv", "force-lad-month-type"], ["force-month-type-outcome-2025.csv", "force-month-type-outcome"]]) {
    add("police-uk-national", join(folder, name), name, {kind, url: "https://data.police.uk/data/archive/2025-MM.zip (members 2025-MM/2025-MM-<force>-street.csv, every force, counted)", copiedFrom, rows: countCsv(join(folder, name)), period: "2025", retrieved: RETRIEVED_2});
  }
}

// English Indices of Deprivation 2019 by 2011 LSOA (dBase attribute table of MHCLG's ArcGIS layer)
provenance("mhclg", "mhclg-imd2019-lsoa/PROVENANCE.md");
const imdFile = join(RAW, "mhclg-imd2019-lsoa", "Lower_Super_Output_Area_(LSOA)_IMD2019__(WGS84).dbf");
const imd = readImd(imdFile);
add("mhclg", imdFile, "imd2019-lsoa11.dbf", {
  kind: "imd-lsoa", url: "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (ArcGIS layer Lower Super Output Area (LSOA) IMD2019 (WGS84))",
  copiedFrom: "github.com/ReginaGyimesi/people-safety-app-server@482caa2fa4639be3c3c92a01f2e36c2214a60339 data/raw_data/lower_layer_super_output_areas/Lower_Super_Output_Area_(LSOA)_IMD2019__(WGS84).dbf",
  rows: imd.rows.length + imd.welsh.length, // records: England's ranked LSOAs and the Welsh rows the layer carries
  period: "2019", retrieved: RETRIEVED_2
});

const manifest: Manifest = {generated: RETRIEVED_2, force: force.id, files};
writeFileSync(join(SNAPSHOT_DIR, MANIFEST_FILE), formatManifest(manifest));
console.log(`snapshot: ${files.length} files, ${files.reduce((s, f) => s + f.bytes, 0).toLocaleString("en-GB")} bytes`);
