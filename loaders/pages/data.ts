// The data page: every published extract as CSV and Parquet, with its data dictionary, caveats,
// licence and provenance.
import {statSync} from "node:fs";
import {join} from "node:path";
import {formatCount} from "../../src/components/format.ts";
import {ensureExtracts} from "../extracts/build.ts";
import {EXTRACTS, type ExtractDefinition} from "../extracts/definitions.ts";
import {comparisonFiles, FIGURE_DOWNLOAD} from "../figures/download.ts";
import {withExtracts} from "../extracts/query.ts";
import {tableRegion} from "../site/components.ts";
import {html} from "../site/html.ts";
import {page} from "../site/page.ts";
import {snapshotSummary} from "./snapshot-facts.ts";

/** The extracts published under /downloads/ for this snapshot (those whose input exists). */
export async function publishedExtracts(): Promise<{name: string; rows: number; csvBytes: number; parquetBytes: number}[]> {
  const dir = await ensureExtracts();
  const out = [];
  for (const e of EXTRACTS.filter((e) => e.publish)) {
    let csvBytes: number, parquetBytes: number;
    try {
      csvBytes = statSync(join(dir, `${e.name}.csv`)).size;
      parquetBytes = statSync(join(dir, `${e.name}.parquet`)).size;
    } catch {
      continue; // no input for it in this snapshot (e.g. casualties)
    }
    const rows = await withExtracts(async (db) => (await db.all<{n: number}>(`SELECT count(*) AS n FROM ${e.name.replaceAll("-", "_")}`))[0].n);
    out.push({name: e.name, rows, csvBytes, parquetBytes});
  }
  return out;
}

/**
 * A source address as a link. Monthly archives are listed once as a pattern (…/YYYY-MM.zip): the link goes to the
 * folder that holds them, the text keeps the pattern.
 */
function sourceLink(source: string) {
  const m = /^(https?:\/\/\S+)(.*)$/.exec(source);
  if (!m) return html`<span class="source-url">${source}</span>`;
  const href = m[1].replace(/[^/]*(YYYY|MM)[^/]*$/, "");
  return html`<a class="source-url" href="${href}">${m[1]}</a>${m[2]}`;
}

const size = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`);

/** A download's dictionary: what the extracts and the figure comparison (loaders/figures/download.ts) have in common. */
type Dictionary = Pick<ExtractDefinition, "name" | "title" | "description" | "caveats" | "source" | "columns">;

export async function dataPage(): Promise<string> {
  const extracts = await publishedExtracts();
  const sources = snapshotSummary();
  const figures = await comparisonFiles();
  const published: ({entry: Dictionary} & {name: string; rows: number; csvBytes: number; parquetBytes: number})[] = [
    ...extracts.map((x) => ({...x, entry: EXTRACTS.find((e) => e.name === x.name)!})),
    {name: FIGURE_DOWNLOAD.name, entry: FIGURE_DOWNLOAD, rows: figures.rows, csvBytes: statSync(figures.csv).size, parquetBytes: statSync(figures.parquet).size}
  ];
  const sections = published.map(({name, rows, csvBytes, parquetBytes, entry: e}) => {
    return html`<h2 id="${name}">${e.title}</h2>
<p>${e.description} ${formatCount(rows)} rows.</p>
<ul>
<li><a href="/downloads/${name}.csv" download>${name}.csv</a> (CSV, ${size(csvBytes)})</li>
<li><a href="/downloads/${name}.parquet" download>${name}.parquet</a> (Parquet, zstd, ${size(parquetBytes)})</li>
</ul>
${tableRegion({id: `${name}-columns`, caption: `Columns of ${name}`, columns: [{label: "Column"}, {label: "Type"}, {label: "Definition"}],
  rows: e.columns.map((c) => ({header: html`<code>${c.name}</code>`, cells: [c.type, c.description]}))})}
<p><strong>Source:</strong> ${e.source}.</p>
${e.caveats.length > 0 && html`<p><strong>Caveats:</strong></p>
<ul>${e.caveats.map((c) => html`<li>${c}</li>`)}</ul>`}`;
  });
  return page({title: "Data and downloads"},
    "# Data and downloads",
    "Every chart on this site is drawn from the extracts below, built from the data snapshot by the site's open-source pipeline. Download them as CSV (opens in a spreadsheet) or Parquet (for analysis tools such as DuckDB, R or Python). Each chart also has its own \"Data (CSV)\" link with exactly what it draws.",
    "Contains public sector information licensed under the [Open Government Licence v3.0](https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/). When you reuse the data, please credit the original publishers: the Home Office (data.police.uk), the Department for Transport (STATS19) and the Office for National Statistics.",
    html`<p><strong>Contents:</strong> ${published.map(({name}, i) => html`${i ? ", " : ""}<a href="#${name}">${name}</a>`)}; <a href="#provenance">provenance</a>.</p>`,
    ...sections,
    html`<h2 id="provenance">Provenance and dates</h2>`,
    tableRegion({id: "provenance", caption: "Source files in the snapshot",
      columns: [{label: "Data"}, {label: "Period"}, {label: "Files", numeric: true}, {label: "Rows", numeric: true}, {label: "Retrieved"}, {label: "From"}],
      rows: sources.map((s) => ({header: s.kind, cells: [s.periods || "–", s.files, s.rows ? formatCount(s.rows) : "–", s.retrieved,
        html`${s.urls.map((u, i) => html`${i ? html`<br>` : ""}${sourceLink(u)}`)}`]}))}),
    "Each file's checksum (SHA-256), size and exact source address is recorded in the snapshot's manifest in the site's repository (<code>data/snapshot/manifest.json</code>), beside the provenance notes of every source.");
}
