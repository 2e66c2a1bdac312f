// The comparison as a download: one row per published figure with what open data shows, as CSV and Parquet, with
// its data dictionary (shown on the data page). Built once per snapshot and code version into .cache/figures/, like
// the chart groups, and published at /downloads/figure-comparisons.csv and .parquet.
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {csvFormat} from "d3-dsv";
import type {Column} from "../extracts/definitions.ts";
import {withExtracts} from "../extracts/query.ts";
import {moduleCacheKey} from "../lib/cache-key.ts";
import {lit, withDuckDB} from "../lib/duckdb.ts";
import {ROOT} from "../lib/paths.ts";
import {listWords} from "../lib/words.ts";
import {DOCUMENTS} from "../sources/documents.ts";
import {CLOSE, figureComparisons, type Comparison} from "./compare.ts";
import {REASONS, type Reason} from "./reasons.ts";

export const FIGURE_DOWNLOAD = {
  name: "figure-comparisons",
  title: "Published figures beside open data",
  description: "Every figure from the force's and the Commissioner's published reports that this site cites, with what open data shows beside it where open data can check it, the difference, a verdict in plain words and the reasons figures differ. Each row is explained at /figures#<id>.",
  caveats: [
    `"close" means open data is within ${CLOSE * 100}% of the published figure; "matches" means the same figure, to the precision the report gives.`,
    "Where the snapshot does not cover the report's period, open data for the nearest period it holds stands in (open_data_period says which months); the reasons column says so.",
    "police.uk street-level records are not Home Office recorded crime statistics, and STATS19 is finalised after the force's reports: see the reasons for each row."
  ],
  source: `Published reports by ${listWords([...new Set(DOCUMENTS.map((d) => d.publisher))])}; open data from data.police.uk and the Department for Transport's STATS19 (Open Government Licence v3.0)`,
  columns: [
    {name: "id", type: "text", description: "Stable identifier of the figure: its row on the site is /figures#<id>"},
    {name: "document", type: "text", description: "The published document (file name in the site's repository; read it at /figures/documents/<name without .txt>)"},
    {name: "section", type: "text", description: "Section of the document"},
    {name: "topic", type: "text", description: "roads, county_lines, vawg, victims, local_area or confidence"},
    {name: "measure", type: "text", description: "What is measured"},
    {name: "geography", type: "text", description: "The area as the document names it"},
    {name: "area_code", type: "text", description: "ONS code when the geography is one of the force's areas"},
    {name: "period", type: "text", description: "Period of the published figure (YYYY-MM..YYYY-MM, or ..YYYY-MM for the latest before)"},
    {name: "published_value", type: "number", description: "The published figure"},
    {name: "unit", type: "text", description: "count, percent, per_1000, hours, year, recommendation, direction (-1 below, 0 in line, 1 above) or a bound"},
    {name: "status", type: "text", description: "matches, close, differs, not-yet (open data measures it but this snapshot lacks the data) or no-open-data"},
    {name: "verdict", type: "text", description: "The comparison in plain words"},
    {name: "open_data_value", type: "number", description: "What open data shows, on the published figure's footing (a change in per cent; a direction as -1, 0 or 1); empty when it cannot be checked"},
    {name: "open_data_value_rounded", type: "number", description: "open_data_value rounded as the published figure is given (rates to one decimal place): the value the verdict compares"},
    {name: "open_data_source", type: "text", description: "STATS19 or police.uk"},
    {name: "open_data_period", type: "text", description: "The months open data was counted over, YYYY-MM..YYYY-MM"},
    {name: "open_data_before_period", type: "text", description: "For a change: the earlier months it is measured from"},
    {name: "open_data_description", type: "text", description: "What was counted, with the numbers behind the value"},
    {name: "difference", type: "number", description: "open_data_value minus published_value, in the figure's unit (percentage points for a change)"},
    {name: "difference_percent", type: "number", description: "The difference as a percentage of the published figure"},
    {name: "reasons", type: "text", description: `Why they differ or cannot be compared, as reason ids separated by "; " (${Object.keys(REASONS).join(", ")})`},
    {name: "reason_titles", type: "text", description: "The same reasons in words (each explained at /figures#reasons)"},
    {name: "would_check", type: "text", description: "What would check the figure, where open data here cannot"},
    {name: "missing", type: "text", description: "For not-yet: the data this snapshot lacks"},
    {name: "open_data_equivalent", type: "text", description: "How the same measure would be computed from open data, as recorded with the figure"},
    {name: "quote", type: "text", description: "The words of the document the figure comes from"}
  ] satisfies Column[]
};

const round = (n: number | null, digits: number) => (n === null || !Number.isFinite(n) ? null : Number(n.toFixed(digits)));
const period = (months: string[] | undefined) => (months?.length ? `${months[0]}..${months.at(-1)}` : "");

/** The download's rows, in the dictionary's column order. */
export function comparisonRows(comparisons: Comparison[]): Record<string, string | number | null>[] {
  return comparisons.map((c) => {
    const m = c.measure;
    return {
      id: m.id, document: m.document, section: m.section, topic: m.story, measure: m.measure, geography: m.geography, area_code: m.areaCode ?? "",
      period: m.period, published_value: m.value, unit: m.unit, status: c.status, verdict: c.verdict,
      open_data_value: round(c.open?.value ?? null, 3), open_data_value_rounded: c.rounded, open_data_source: c.open?.source ?? "", open_data_period: period(c.open?.months),
      open_data_before_period: period(c.open?.before), open_data_description: c.open?.text ?? "",
      difference: round(c.difference, 3), difference_percent: round(c.relative === null ? null : c.relative * 100, 1),
      reasons: c.reasons.join("; "), reason_titles: c.reasons.map((r) => REASONS[r].title).join("; "),
      would_check: c.open ? "" : c.reasons.map((r) => (REASONS[r] as Reason).wouldCheck).filter(Boolean).join(" "),
      missing: c.missing ?? "", open_data_equivalent: m.openDataEquivalent, quote: m.quote
    };
  });
}

const SQL_TYPES = {text: "VARCHAR", integer: "INTEGER", number: "DOUBLE", boolean: "BOOLEAN", date: "DATE"} as const;

/** The comparison's CSV and Parquet files for the current snapshot and code, written once (atomically). */
export async function comparisonFiles(): Promise<{csv: string; parquet: string; rows: number}> {
  const dir = join(ROOT, ".cache", "figures", moduleCacheKey([fileURLToPath(import.meta.url)]));
  const csv = join(dir, `${FIGURE_DOWNLOAD.name}.csv`), parquet = join(dir, `${FIGURE_DOWNLOAD.name}.parquet`);
  const count = join(dir, "rows.txt");
  if (!existsSync(count)) {
    const rows = comparisonRows(await withExtracts((db) => figureComparisons(db)));
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, {recursive: true, force: true});
    mkdirSync(tmp, {recursive: true});
    const names = FIGURE_DOWNLOAD.columns.map((c) => c.name);
    writeFileSync(join(tmp, `${FIGURE_DOWNLOAD.name}.csv`), csvFormat(rows, names) + "\n");
    const types = `{${FIGURE_DOWNLOAD.columns.map((c) => `${lit(c.name)}: '${SQL_TYPES[c.type]}'`).join(", ")}}`;
    await withDuckDB(async (db) => {
      await db.run(`COPY (SELECT * FROM read_csv(${lit(join(tmp, `${FIGURE_DOWNLOAD.name}.csv`))}, header = true, auto_detect = false, columns = ${types}, quote = '"', escape = '"'))
        TO ${lit(join(tmp, `${FIGURE_DOWNLOAD.name}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`);
    }, {threads: 1}); // one thread: identical bytes on every build
    writeFileSync(join(tmp, "rows.txt"), String(rows.length));
    try {
      renameSync(tmp, dir);
    } catch (error) {
      if (!existsSync(count)) throw error; // another process finished first: use its copy
      rmSync(tmp, {recursive: true, force: true});
    }
  }
  return {csv, parquet, rows: Number(readFileSync(count, "utf8"))};
}
