// Stages the snapshot's national and deprivation inputs for the extracts: every force's counts (national_lad,
// national_outcomes, national_inputs), the districts of England and Wales with the force each belongs to
// (district_forces, by loaders/geo/force-areas.ts), force names, and IMD 2019 for the force area's LSOAs of both
// vintages (lsoa_imd, through loaders/geo/lsoa-parents.ts). Tables are made only when their inputs are in the snapshot.
import {join} from "node:path";
import {createTableFrom, lit, litList, type Db} from "../lib/duckdb.ts";
import type {Manifest} from "../lib/manifest.ts";
import {assignForceAreas, type CountRow} from "../geo/force-areas.ts";
import {lsoaParents} from "../geo/lsoa-parents.ts";
import {readImd} from "../sources/imd-read.ts";
import {plainDistrictName, readDistricts} from "../sources/ons-districts-read.ts";
import {forceNames, NATIONAL_HEADERS, readNationalCounts, readNationalInputs} from "../sources/police-uk-national-read.ts";
import {readLsoaLookup} from "../geo/boundaries.ts";

const varchar = (cols: readonly string[]) => `{${cols.map((c) => `${lit(c)}: 'VARCHAR'`).join(", ")}}`;
const csv = (paths: string[], header: readonly string[]) =>
  `read_csv(${litList(paths)}, header = true, auto_detect = false, columns = ${varchar(header)}, quote = '"', escape = '"', strict_mode = true, null_padding = false)`;

export async function stageNational(db: Db, manifest: Manifest, dir: string): Promise<void> {
  const files = (source: string, kind: string) => manifest.files.filter((f) => f.source === source && f.kind === kind).sort((a, b) => a.path.localeCompare(b.path));
  const lad = files("police-uk-national", "force-lad-month-type");
  const outcomes = files("police-uk-national", "force-month-type-outcome");
  const inputs = files("police-uk-national", "inputs");
  const population = files("ons", "population-ew");

  if (population.length) {
    const districts = (await Promise.all(population.map((f) => readDistricts(join(dir, f.path))))).flat();
    // Force areas need the latest year's counts and inputs list; without them every district has no force.
    const latest = lad.at(-1);
    const list = latest ? await readNationalInputs(join(dir, inputs.find((i) => i.period === latest.period)!.path), {year: latest.period}) : [];
    const counts: CountRow[] = [];
    if (latest) for await (const r of readNationalCounts(join(dir, latest.path), "force-lad-month-type", {year: latest.period})) counts.push(r);
    const areas = assignForceAreas(counts, districts, list, latest?.period ?? "");
    const owner = new Map(areas.forces.flatMap((f) => f.districts.map((d) => [d.code, {force: f.force, name: f.name, rate: d.perThousandYear, months: f.months.length}] as const)));
    const top = new Map(areas.unassigned.map((u) => [u.code, u]));
    await createTableFrom(db, "district_forces", [["lad_code", "VARCHAR"], ["lad_name", "VARCHAR"], ["plain_name", "VARCHAR"], ["region", "VARCHAR"], ["country", "VARCHAR"],
      ["population", "INTEGER"], ["population_2011", "INTEGER"], ["force", "VARCHAR"], ["force_name", "VARCHAR"], ["rows_per_1000_year", "DOUBLE"], ["months_read", "INTEGER"], ["top_force", "VARCHAR"]],
    districts.map((d) => {
      const o = owner.get(d.code), u = top.get(d.code);
      return [d.code, d.name, plainDistrictName(d.name), d.region, d.country, d.population, d.population2011, o?.force ?? null, o?.name ?? null,
        o ? o.rate : u && u.topForce ? u.perThousandYear : null, o?.months ?? null, o?.force ?? u?.topForce ?? null];
    }));
    await createTableFrom(db, "force_names", [["force", "VARCHAR"], ["force_name", "VARCHAR"]], [...forceNames(list)].sort(([a], [b]) => a.localeCompare(b)));
  }
  if (lad.length) await db.run(`CREATE VIEW national_lad AS SELECT force, month, lad_name, crime_type, count::INTEGER AS count FROM ${csv(lad.map((f) => join(dir, f.path)), NATIONAL_HEADERS["force-lad-month-type"])}`);
  if (outcomes.length) await db.run(`CREATE VIEW national_outcomes AS SELECT force, month, crime_type, last_outcome_category, count::INTEGER AS count FROM ${csv(outcomes.map((f) => join(dir, f.path)), NATIONAL_HEADERS["force-month-type-outcome"])}`);
  if (inputs.length) {
    const rows = (await Promise.all(inputs.map((f) => readNationalInputs(join(dir, f.path), {year: f.period})))).flat();
    await createTableFrom(db, "national_inputs", [["force", "VARCHAR"], ["month", "VARCHAR"], ["read", "BOOLEAN"], ["status", "VARCHAR"], ["rows", "INTEGER"]],
      rows.map((i) => [i.force, i.month, i.read, i.status, i.rows]));
  }

  const imd = files("mhclg", "imd-lsoa");
  if (imd.length) {
    const byCode = new Map(imd.flatMap((f) => readImd(join(dir, f.path)).rows.map((r) => [r.lsoaCode, r] as const)));
    const parents = lsoaParents();
    const seen = new Set(readLsoaLookup().map((d) => d.lsoaCode));
    await createTableFrom(db, "lsoa_imd", [["lsoa_code", "VARCHAR"], ["lsoa11_code", "VARCHAR"], ["change", "VARCHAR"], ["imd_rank", "INTEGER"], ["imd_decile", "INTEGER"]],
      [...parents.values()].filter((p) => seen.has(p.code)).sort((a, b) => a.code.localeCompare(b.code)).map((p) => {
        const r = p.parent ? byCode.get(p.parent) : undefined;
        return [p.code, p.parent, p.change, r?.rank ?? null, r?.decile ?? null];
      }));
  }
}
