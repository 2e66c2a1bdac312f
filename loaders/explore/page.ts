// The explore page (/explore): the filters as a plain form, the default view drawn at build time (so the page
// shows a result before any script runs), the catalogue the browser checks every address against, and the SQL
// box, whose engine loads only on request. Browser side: src/components/explore/.
import {readFileSync, statSync} from "node:fs";
import {createRequire} from "node:module";
import {gzipSync} from "node:zlib";
import {JSDOM} from "jsdom";
import type {Catalogue} from "../../src/components/explore/catalogue.ts";
import {resultCsv} from "../../src/components/explore/csv.ts";
import {resultFigure} from "../../src/components/explore/figure.ts";
import {computeResult, indexExtract, listWords, type Result} from "../../src/components/explore/model.ts";
import {ROW_LIMIT, TIME_LIMIT_MS} from "../../src/components/explore/sql-limits.ts";
import {defaultState, MAX_SERIES} from "../../src/components/explore/state.ts";
import {formatCount, formatMonth} from "../../src/components/format.ts";
import {EXTRACTS} from "../extracts/definitions.ts";
import {ASB} from "../sources/police-uk-schema.ts";
import {html, raw, type Html} from "../site/html.ts";
import {page} from "../site/page.ts";
import {exploreCatalogue} from "./catalogue.ts";
import {exploreRows, type ExploreRows} from "./rows.ts";

/** The DuckDB-WASM build the SQL box loads, and what it weighs (read from the package, never typed). */
export function engineSize(): {bytes: number; gzipBytes: number} {
  const file = createRequire(import.meta.url).resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm");
  return {bytes: statSync(file).size, gzipBytes: gzipSync(readFileSync(file), {level: 6}).length};
}

export interface ExploreBuild {
  rows: ExploreRows;
  catalogue: Catalogue;
  defaultResult: Result;
}

export async function exploreBuild(extractsDir?: string): Promise<ExploreBuild> {
  const rows = await exploreRows(extractsDir);
  const catalogue = exploreCatalogue(rows);
  const defaultResult = computeResult(indexExtract(rows.columns, catalogue), defaultState(catalogue), catalogue);
  return {rows, catalogue, defaultResult};
}

/** The default view's CSV, published beside the page for readers without JavaScript. */
export async function defaultCsv(): Promise<string> {
  const {catalogue, defaultResult} = await exploreBuild();
  return resultCsv(defaultResult, catalogue);
}

/** The explore page's stylesheet: the site's and the explorer's rules (src/styles/explore.css). */
export const EXPLORE_STYLE = "/style-explore.css";

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** A list of checkboxes, folded under a summary that names what is chosen (kept up to date by the browser). */
function checkboxes(name: string, legend: string, hint: string, choices: {slug: string; label: string}[], checked: string[]): Html {
  const chosen = choices.filter((c) => checked.includes(c.slug)).map((c) => c.label);
  return html`<details class="explore-choices" id="explore-${name}-choices"><summary>${legend}: <span class="explore-summary" data-summary="${name}">${chosen.join(", ")}</span></summary><fieldset aria-describedby="explore-${name}-hint"><legend class="visually-hidden">${legend}</legend><p class="explore-hint" id="explore-${name}-hint">${hint}</p><div class="explore-options">${choices.map((c) =>
    html`<label><input type="checkbox" name="${name}" value="${c.slug}"${raw(checked.includes(c.slug) ? " checked" : "")}> ${c.label}</label>`)}</div></fieldset></details>`;
}

function radios(name: string, legend: string, choices: [string, string][], checked: string): Html {
  return html`<fieldset class="explore-radios"><legend>${legend}</legend>${choices.map(([value, label]) =>
    html`<label><input type="radio" name="${name}" value="${value}"${raw(value === checked ? " checked" : "")}> ${label}</label>`)}</fieldset>`;
}

function monthSelect(name: string, label: string, months: string[], selected: string): Html {
  return html`<div class="explore-month"><label for="explore-${name}">${label}</label><select id="explore-${name}" name="${name}">${months.map((m) =>
    html`<option value="${m}"${raw(m === selected ? " selected" : "")}>${formatMonth(m)}</option>`)}</select></div>`;
}

/** An example query from the data: the largest crime type over the last 12 months held, as a rate per area. */
function exampleSql(build: ExploreBuild): string {
  const {columns} = build.rows;
  const totals = new Map<string, number>();
  for (let i = 0; i < columns.month.length; i++) if (columns.crime_type[i] !== ASB) totals.set(columns.crime_type[i], (totals.get(columns.crime_type[i]) ?? 0) + columns.count[i]);
  const largest = [...totals].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ASB;
  const since = build.catalogue.months.at(-12) ?? build.catalogue.months[0];
  return `SELECT a.area_name, sum(c.count) AS records,
round(1000 * sum(c.count) / a.population, 1) AS per_1000_residents
FROM crimes c JOIN areas a USING (area_code)
WHERE c.crime_type = '${largest.replaceAll("'", "''")}' AND c.month >= '${since}'
GROUP BY a.area_name, a.population
ORDER BY per_1000_residents DESC`;
}

export async function explorePage(): Promise<string> {
  const build = await exploreBuild();
  const {catalogue, defaultResult} = build;
  const state = defaultState(catalogue);
  const doc = new JSDOM("<!DOCTYPE html><html><body></body></html>").window.document;
  const figure = raw(resultFigure(defaultResult, catalogue, doc, {csvHref: "./data/explore-default.csv"}).outerHTML.replaceAll("\n", " "));
  const engine = engineSize();
  const street = EXTRACTS.find((e) => e.name === "street-crime-monthly")!;
  const first = formatMonth(catalogue.months[0]), last = formatMonth(catalogue.months.at(-1)!);
  const others = catalogue.areas.filter((a) => a.codes.length === 1 && catalogue.populations[a.codes[0]] === undefined).map((a) => a.label);
  const areaHint = `“${catalogue.areas[0].label}” adds up the ${catalogue.areas[0].codes.length} areas.${others.length ? ` Records in ${listWords(others.map((o) => `“${o}”`))} are not in it: choose those on their own.` : ""}`;

  const form = html`<form class="explore-controls" id="explore-controls" action="/explore" method="get">
${checkboxes("area", "Areas", areaHint, catalogue.areas, state.areas)}
${checkboxes("type", "Types", "police.uk's categories. Anti-social behaviour incidents are not crimes.", catalogue.types, state.types)}
<div class="explore-row">${monthSelect("from", "From", catalogue.months, state.from)}${monthSelect("to", "To", catalogue.months, state.to)}
${radios("measure", "Measure", [["count", "Number of records"], ["rate", "Records per 1,000 residents"]], state.measure)}
${radios("view", `One line for (up to ${MAX_SERIES})`, [["areas", "each area"], ["types", "each type"], ["total", "everything chosen, added up"]], state.view)}</div>
<p class="explore-show"><button type="submit" class="button">Show</button></p>
</form>`;

  // data-engine="duckdb-wasm" is what scripts/html-fixes.ts looks for to let this page (alone) compile WebAssembly
  const explorer = html`<div class="explore" id="explore">
<noscript><p class="explore-noscript">The filters need JavaScript. Below are the records in ${catalogue.areas[0].label.toLowerCase()}, month by month; the <a href="/data">data page</a> has every extract to download.</p></noscript>
${form}
<p class="explore-status" id="explore-status" role="status"></p>
<div class="explore-notes" id="explore-notes" hidden><p>Some of the address was not used:</p><ul></ul></div>
<div class="explore-output" id="explore-output">${figure}</div>
<script type="application/json" id="explore-catalogue">${raw(JSON.stringify(catalogue).replaceAll("<", "\\u003c"))}</script>
<section class="explore-sql" id="explore-sql" aria-labelledby="sql" data-engine="duckdb-wasm" data-engine-bytes="${engine.bytes}" data-sql-state="idle">
<h2 id="sql">Ask your own question in SQL</h2>
<p>For analysts: write a query in SQL and the answer is worked out in your browser by DuckDB. Its engine is a ${mb(engine.gzipBytes)} download (${mb(engine.bytes)} once unpacked), so it loads only when you ask. It can only read the two tables below: it cannot change them, read files or reach any other website. One query runs at a time, for up to ${TIME_LIMIT_MS / 1000} seconds and ${formatCount(ROW_LIMIT)} rows.</p>
<ul>
<li><code>crimes</code>: ${street.columns.map((c, i) => html`${i ? ", " : ""}<code>${c.name}</code>`)}, one row per month, LSOA and crime type, ${first} to ${last} (see the <a href="/data#street-crime-monthly">data dictionary</a>).</li>
<li><code>areas</code>: <code>area_code</code>, <code>area_name</code>, <code>population</code> (${catalogue.populationSource}).</li>
</ul>
<noscript><p>The SQL box needs JavaScript.</p></noscript>
<p><button type="button" class="button" id="sql-start" data-sql-start disabled>Load the SQL engine (${mb(engine.gzipBytes)})</button></p>
<div class="sql-progress" id="sql-progress-box" hidden><progress id="sql-progress" max="1" value="0" aria-labelledby="sql-progress-text"></progress> <span id="sql-progress-text"></span></div>
<p class="explore-status" id="sql-status" role="status"></p>
<form class="explore-sql-form" id="sql-form" hidden>
<label for="sql-text">SQL query (one SELECT statement)</label>
<textarea id="sql-text" name="sql" rows="8" spellcheck="false" autocapitalize="off" autocomplete="off">${exampleSql(build)}</textarea>
<p class="explore-sql-buttons"><button type="submit" class="button">Run query</button> <button type="button" class="button button-secondary" data-sql-cancel disabled>Cancel</button> <span class="explore-hint">Ctrl+Enter runs the query.</span></p>
</form>
<div class="explore-sql-output" id="sql-output"></div>
</section>
</div>`;

  const script = `\`\`\`js
const root = document.getElementById("explore");
// The filters' data (a few kB) is fetched at once, while the page paints and the explorer's modules load.
const data = fetch(FileAttachment("data/explore-monthly.parquet").href);
data.catch(() => {}); // a failure is reported by the explorer
// An address with settings: the build's default view is not what was asked for, so it is marked until redrawn.
if (location.search.length > 1) {
  root.classList.add("is-pending");
  document.getElementById("explore-status").textContent = "Loading the view in this link…";
}
await window.siteReady.catch(() => {}); // the explorer works even if the page's deferred parts failed
const {startExplorer} = await import("./components/explore/page.js");
await startExplorer(root, {data, sqlData: FileAttachment("data/street-crime-monthly.arrow").href});
\`\`\``;

  return page({title: "Explore the data", style: EXPLORE_STYLE, toc: false},
    "# Explore the data",
    html`<p class="lede">Records of crime and anti-social behaviour, month by month: choose the areas, types and months, as a count or per 1,000 residents.</p>
<p>The address changes with your choices, so you can share what you see as a link. Everything runs in your browser: nothing you choose is sent anywhere.</p>`,
    explorer,
    script);
}
