// The explore page's tool: loads DuckDB-WASM only when asked (it is several megabytes), then answers
// filters and free SQL over the street-crime-monthly extract, drawing results with the chart contract.
import {renderChart, chartCsv, type ChartSpec} from "./chart.js";
import {formatCount, formatMonth, formatMonthRange} from "./format.js";

interface Client {
  query(sql: string): Promise<Record<string, unknown>[]>;
}
/** Framework's DuckDBClient: query() resolves to an Arrow table. */
interface ArrowClient {
  query(sql: string): Promise<{toArray(): {toJSON(): Record<string, unknown>}[]}>;
}
type Loader = () => Promise<ArrowClient>;

/** Plain rows; BIGINT sums become numbers (counts here are far below 2^53). */
function plainClient(db: ArrowClient): Client {
  return {
    async query(sql) {
      return (await db.query(sql)).toArray().map((row) => {
        const o = row.toJSON();
        for (const k of Object.keys(o)) if (typeof o[k] === "bigint") o[k] = Number(o[k]);
        return o;
      });
    }
  };
}

const $ = <T extends Element>(root: ParentNode, sel: string) => root.querySelector(sel) as T;

function csvLink(csv: string, name: string, text: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([csv], {type: "text/csv"}));
  a.download = name;
  a.textContent = text;
  return a;
}

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

export function explorer(root: HTMLElement, load: Loader, options: {source: string}): void {
  const status = $<HTMLElement>(root, "[data-status]");
  const start = $<HTMLButtonElement>(root, "[data-start]");
  const form = $<HTMLFormElement>(root, "form[data-filters]");
  const output = $<HTMLElement>(root, "[data-output]");
  const sqlForm = $<HTMLFormElement>(root, "form[data-sql]");
  const sqlOutput = $<HTMLElement>(root, "[data-sql-output]");
  let client: Client | undefined;

  start.addEventListener("click", async () => {
    start.disabled = true;
    status.textContent = "Loading the query engine and the data. This can take a few seconds…";
    try {
      const t0 = performance.now();
      client = plainClient(await load());
      const [{n}] = await client.query("SELECT sum(count)::INTEGER AS n FROM crimes");
      const areas = await client.query("SELECT DISTINCT area_code, area_name FROM crimes ORDER BY area_name");
      const types = await client.query("SELECT DISTINCT crime_type FROM crimes ORDER BY crime_type");
      const months = (await client.query("SELECT DISTINCT month FROM crimes ORDER BY month")).map((d) => String(d.month));
      fill($(form, "[name=area]"), [["", "All areas"], ...areas.map((d) => [String(d.area_code), String(d.area_name)] as [string, string])]);
      fill($(form, "[name=type]"), [["", "All crime and anti-social behaviour"], ...types.map((d) => [String(d.crime_type), String(d.crime_type)] as [string, string])]);
      fill($(form, "[name=from]"), months.map((m) => [m, formatMonth(m)]));
      fill($(form, "[name=to]"), months.map((m) => [m, formatMonth(m)]));
      ($(form, "[name=to]") as HTMLSelectElement).value = months.at(-1)!;
      for (const f of [form, sqlForm]) f.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement | HTMLTextAreaElement>("select, button, textarea").forEach((c) => (c.disabled = false));
      root.classList.add("is-ready");
      status.textContent = `Ready: ${formatCount(Number(n))} records loaded in ${((performance.now() - t0) / 1000).toFixed(1)} seconds.`;
      await showFilters();
    } catch (error) {
      status.textContent = `The explorer could not start: ${(error as Error).message}. The downloads on the data page hold the same data.`;
      start.disabled = false;
    }
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void showFilters();
  });

  async function showFilters() {
    if (!client) return;
    const v = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const [from, to] = v.from <= v.to ? [v.from, v.to] : [v.to, v.from];
    const where = [`month BETWEEN ${sqlString(from)} AND ${sqlString(to)}`];
    if (v.area) where.push(`area_code = ${sqlString(v.area)}`);
    if (v.type) where.push(`crime_type = ${sqlString(v.type)}`);
    const rows = await client.query(`SELECT month, sum(count)::INTEGER AS count FROM crimes WHERE ${where.join(" AND ")} GROUP BY month ORDER BY month`);
    const areaName = v.area ? (form.querySelector<HTMLSelectElement>("[name=area]")!.selectedOptions[0].text) : "All areas";
    const typeName = v.type || "All crime and anti-social behaviour";
    const data = rows.map((d) => ({month: String(d.month), series: typeName, count: Number(d.count)}));
    const total = data.reduce((s, d) => s + d.count, 0);
    const spec: ChartSpec = {
      id: "explore-result",
      title: `${typeName}: ${areaName}`,
      subtitle: `Records per month, ${formatMonthRange(from, to)}`,
      description: data.length
        ? `${formatCount(total)} records in ${data.length} months held between ${formatMonthRange(from, to)}; the most in one month was ${formatCount(Math.max(...data.map((d) => d.count)))}.`
        : "No records match these choices.",
      plot: "monthlyLines",
      options: {series: [typeName], yLabel: "Records per month"},
      data,
      columns: [{key: "month", label: "Month", kind: "month"}, {key: "count", label: "Records", kind: "count"}],
      source: options.source,
      updated: `Months held: ${formatMonthRange(from, to)}`
    };
    const figure = renderChart(spec, document, {headingLevel: 3, embed: true, specMode: "none"});
    // Results are computed here, so their downloads are made here too.
    figure.querySelector(".chart-actions")?.replaceChildren(Object.assign(document.createElement("li"), {}));
    figure.querySelector(".chart-actions li")?.append(csvLink(chartCsv(spec), "explore-result.csv", "Data (CSV)"));
    for (const s of figure.querySelectorAll(".chart-narrow")) s.remove();
    output.replaceChildren(figure);
    status.textContent = `Showing ${formatCount(total)} records: ${typeName}, ${areaName}, ${formatMonthRange(from, to)}.`;
  }

  sqlForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!client) return;
    const sql = String(new FormData(sqlForm).get("sql") ?? "");
    try {
      const rows = await client.query(sql);
      const shown = rows.slice(0, 500);
      const columns = shown.length ? Object.keys(shown[0]) : [];
      const table = document.createElement("table");
      table.innerHTML = `<caption>Result: ${formatCount(rows.length)} rows${rows.length > shown.length ? " (first 500 shown)" : ""}</caption>`;
      const head = table.createTHead().insertRow();
      for (const c of columns) head.append(Object.assign(document.createElement("th"), {scope: "col", textContent: c}));
      const body = table.createTBody();
      for (const r of shown) {
        const tr = body.insertRow();
        for (const c of columns) tr.insertCell().textContent = r[c] == null ? "" : String(r[c]);
      }
      const wrap = Object.assign(document.createElement("div"), {className: "table-scroll", tabIndex: 0});
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Query result");
      wrap.append(table);
      const csv = [columns.join(","), ...rows.map((r) => columns.map((c) => JSON.stringify(r[c] ?? "")).join(","))].join("\n") + "\n";
      const p = document.createElement("p");
      p.append(csvLink(csv, "query-result.csv", "Download the result (CSV)"));
      sqlOutput.replaceChildren(wrap, p);
      status.textContent = `Query returned ${formatCount(rows.length)} rows.`;
    } catch (error) {
      sqlOutput.replaceChildren(Object.assign(document.createElement("p"), {className: "error", textContent: `The query failed: ${(error as Error).message}`}));
      status.textContent = "The query failed.";
    }
  });
}

function fill(select: HTMLSelectElement, options: [string, string][]): void {
  select.replaceChildren(...options.map(([value, text]) => Object.assign(document.createElement("option"), {value, textContent: text})));
}
