// The data page: every published extract as CSV and Parquet, with its data dictionary, caveats,
// licence and provenance.
import {statSync} from "node:fs";
import {join} from "node:path";
import {formatCount} from "../../src/components/format.ts";
import {ensureExtracts} from "../extracts/build.ts";
import {EXTRACTS} from "../extracts/definitions.ts";
import {withExtracts} from "../extracts/query.ts";
import {esc} from "../site/html.ts";
import {page} from "./markdown.ts";
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

const size = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`);

export async function dataPage(): Promise<string> {
  const published = await publishedExtracts();
  const sources = snapshotSummary();
  const sections = published.map(({name, rows, csvBytes, parquetBytes}) => {
    const e = EXTRACTS.find((x) => x.name === name)!;
    return `## ${esc(e.title)} {#${name}}

${esc(e.description)} ${formatCount(rows)} rows.

- <a href="/downloads/${name}.csv">${name}.csv</a> (CSV, ${size(csvBytes)})
- <a href="/downloads/${name}.parquet">${name}.parquet</a> (Parquet, zstd, ${size(parquetBytes)})

<div class="table-scroll" role="region" aria-labelledby="${name}-columns" tabindex="0">
<table>
<caption id="${name}-columns">Columns of ${esc(name)}</caption>
<thead><tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Definition</th></tr></thead>
<tbody>
${e.columns.map((c) => `<tr><th scope="row"><code>${esc(c.name)}</code></th><td>${esc(c.type)}</td><td>${esc(c.description)}</td></tr>`).join("\n")}
</tbody>
</table>
</div>

**Source:** ${esc(e.source)}.

${e.caveats.length ? `**Caveats:**\n\n${e.caveats.map((c) => `- ${esc(c)}`).join("\n")}\n` : ""}`;
  });
  return page({title: "Data and downloads"}, `
# Data and downloads

Every chart on this site is drawn from the extracts below, built from the data snapshot by the site's open-source pipeline. Download them as CSV (opens in a spreadsheet) or Parquet (for analysis tools such as DuckDB, R or Python). Each chart also has its own "Data (CSV)" link with exactly what it draws.

Contains public sector information licensed under the [Open Government Licence v3.0](https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/). When you reuse the data, please credit the original publishers: the Home Office (data.police.uk), the Department for Transport (STATS19) and the Office for National Statistics.

**Contents:** ${published.map(({name}) => `<a href="#${name}">${esc(name)}</a>`).join(", ")}; <a href="#provenance">provenance</a>.

${sections.join("\n\n")}

## Provenance and dates {#provenance}

<div class="table-scroll" role="region" aria-labelledby="provenance-caption" tabindex="0">
<table>
<caption id="provenance-caption">Source files in the snapshot</caption>
<thead><tr><th scope="col">Data</th><th scope="col">Period</th><th scope="col" class="num">Files</th><th scope="col" class="num">Rows</th><th scope="col">Retrieved</th><th scope="col">From</th></tr></thead>
<tbody>
${sources.map((s) => `<tr><th scope="row">${esc(s.kind)}</th><td>${esc(s.periods || "–")}</td><td class="num">${s.files}</td><td class="num">${s.rows ? formatCount(s.rows) : "–"}</td><td>${esc(s.retrieved)}</td><td>${s.urls.map((u) => esc(u)).join("<br>")}</td></tr>`).join("\n")}
</tbody>
</table>
</div>

Each file's checksum (SHA-256), size and exact source address is recorded in the snapshot's manifest in the site's repository (<code>data/snapshot/manifest.json</code>), beside the provenance notes of every source.
`);
}
