// The SQL box: starts the engine on request with visible progress, runs one read-only query at a time with
// Cancel, and shows the result as a table with a CSV, or why it could not run, in plain words with the
// engine's own message beside. Its state is on the section (data-sql-state; data-sql-runs counts finished runs).
import {csvFormatRows} from "d3-dsv";
import {formatCount} from "../format.js";
import type {Catalogue} from "./catalogue.js";
import {ROW_LIMIT, SqlEngine, SqlRefused, SqlStopped, TIME_LIMIT_MS, type Progress} from "./sql-engine.js";
import {guardSql} from "./sql-guard.js";
import {plainError} from "./sql-words.js";

/** Rows shown in the page; the CSV holds them all (up to ROW_LIMIT). */
export const ROWS_SHOWN = 500;

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export async function startSqlBox(root: HTMLElement, options: {dataUrl: string; catalogue: Catalogue}): Promise<void> {
  const section = root.querySelector<HTMLElement>("#explore-sql")!;
  const start = section.querySelector<HTMLButtonElement>("[data-sql-start]")!;
  const progressBox = section.querySelector<HTMLElement>("#sql-progress-box")!;
  const progress = section.querySelector<HTMLProgressElement>("#sql-progress")!;
  const progressText = section.querySelector<HTMLElement>("#sql-progress-text")!;
  const status = section.querySelector<HTMLElement>("#sql-status")!;
  const form = section.querySelector<HTMLFormElement>("#sql-form")!;
  const text = form.querySelector<HTMLTextAreaElement>("textarea")!;
  const run = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
  const cancel = form.querySelector<HTMLButtonElement>("[data-sql-cancel]")!;
  const output = section.querySelector<HTMLElement>("#sql-output")!;
  const engineBytes = Number(section.dataset.engineBytes) || 0;
  let engine: SqlEngine | undefined;
  let starting: Promise<SqlEngine | undefined> | undefined;
  let csvUrl = "";
  let runs = 0;
  const setState = (state: string) => { section.dataset.sqlState = state; };

  const onProgress = (p: Progress) => {
    progress.max = p.total || 1;
    progress.value = Math.min(p.loaded, p.total || p.loaded);
    progressText.textContent = p.phase === "engine"
      ? `Loading the SQL engine: ${megabytes(p.loaded)} of ${megabytes(p.total)}`
      : `Loading the data: ${megabytes(p.loaded)} of ${megabytes(p.total)}`;
  };

  const startEngine = (): Promise<SqlEngine | undefined> => (starting ??= (async () => {
    start.disabled = true;
    setState("loading");
    progressBox.hidden = false;
    status.textContent = "Loading the SQL engine…";
    const t0 = performance.now();
    try {
      engine = await SqlEngine.start({dataUrl: options.dataUrl, catalogue: options.catalogue, engineBytes, onProgress});
      status.textContent = `The SQL engine is ready (it took ${((performance.now() - t0) / 1000).toFixed(1)} seconds). It can only read the tables crimes and areas.`;
      form.hidden = false;
      start.hidden = true;
      setState("ready");
      return engine;
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      status.textContent = `The SQL engine could not start: ${message}. The filters above still work, and the data page has every extract to download.`;
      start.disabled = false;
      start.textContent = "Try loading the SQL engine again";
      setState("failed");
      return undefined;
    } finally {
      progressBox.hidden = true;
      starting = undefined;
    }
  })());

  const finish = (state: string, message: string, ...nodes: Node[]) => {
    output.replaceChildren(...nodes);
    status.textContent = message;
    run.disabled = false;
    cancel.disabled = true;
    section.dataset.sqlRuns = String(++runs);
    setState(state);
  };

  const failure = (words: string, engineMessage?: string) => {
    const p = Object.assign(document.createElement("p"), {className: "error", textContent: words});
    if (!engineMessage) return [p];
    const detail = Object.assign(document.createElement("p"), {className: "sql-engine-message"});
    detail.append("The engine said: ", Object.assign(document.createElement("code"), {textContent: engineMessage.slice(0, 500)}));
    return [p, detail];
  };

  const table = (columns: string[], rows: unknown[][], truncated: boolean) => {
    const shown = rows.slice(0, ROWS_SHOWN);
    const wrap = Object.assign(document.createElement("div"), {className: "table-scroll", tabIndex: 0});
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-labelledby", "sql-result-caption");
    const t = document.createElement("table");
    const caption = Object.assign(document.createElement("caption"), {id: "sql-result-caption",
      textContent: `Result: ${formatCount(rows.length)} rows${rows.length > shown.length ? ` (the first ${formatCount(ROWS_SHOWN)} shown)` : ""}`});
    t.append(caption);
    const head = t.createTHead().insertRow();
    for (const c of columns) head.append(Object.assign(document.createElement("th"), {scope: "col", textContent: c}));
    const body = t.createTBody();
    for (const r of shown) {
      const tr = body.insertRow();
      for (const v of r) {
        const td = tr.insertCell();
        td.textContent = v === null ? "" : String(v);
        if (typeof v === "number") td.className = "num";
      }
    }
    wrap.append(t);
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    csvUrl = URL.createObjectURL(new Blob([csvFormatRows([columns, ...rows.map((r) => r.map((v) => (v === null ? "" : String(v))))]) + "\n"], {type: "text/csv"}));
    const p = document.createElement("p");
    p.append(Object.assign(document.createElement("a"), {href: csvUrl, download: "query-result.csv", textContent: "Download the result (CSV)"}));
    const nodes: Node[] = [wrap, p];
    if (truncated) nodes.unshift(Object.assign(document.createElement("p"), {className: "chart-note", textContent: `The result was cut at ${formatCount(ROW_LIMIT)} rows. Add a WHERE clause or GROUP BY to get fewer.`}));
    return nodes;
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (section.dataset.sqlState === "running") return;
    const sql = text.value;
    // refused statements never need the engine
    const guarded = guardSql(sql, ROW_LIMIT);
    if (!guarded.ok) return finish("refused", "The query was not run.", ...failure(`Not run: ${guarded.reason}`));
    run.disabled = true;
    setState("running");
    status.textContent = "Running the query…";
    output.replaceChildren();
    if (!engine || !(await engine.idle())) {
      engine = undefined;
      status.textContent = "The SQL engine was stopped with the last query: loading it again…";
      form.hidden = false;
      if (!(await startEngine())) return finish("failed", "The SQL engine could not start.", ...failure("The SQL engine could not start. Try again, or use the downloads on the data page."));
      setState("running");
    }
    cancel.disabled = false;
    try {
      const result = await engine!.run(sql);
      finish("done", `The query returned ${formatCount(result.rows.length)} rows in ${(result.ms / 1000).toFixed(2)} seconds${result.truncated ? ` (cut at ${formatCount(ROW_LIMIT)})` : ""}.`, ...table(result.columns, result.rows, result.truncated));
    } catch (error) {
      if (error instanceof SqlRefused) finish("refused", "The query was not run.", ...failure(`Not run: ${error.message}`));
      else if (error instanceof SqlStopped) {
        const words = error.why === "time" ? `The query took longer than ${TIME_LIMIT_MS / 1000} seconds, so it was stopped. Filter or aggregate first.` : "The query was stopped.";
        finish(error.why === "time" ? "timeout" : "cancelled", words, ...failure(words));
      } else {
        const message = (error as Error)?.message ?? String(error);
        finish("error", "The query failed.", ...failure(plainError(message), message));
      }
    }
  });
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  cancel.addEventListener("click", () => engine?.cancel("cancel"));
  start.addEventListener("click", () => void startEngine());
  await startEngine();
}
