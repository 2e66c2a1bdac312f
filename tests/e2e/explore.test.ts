// The explore page in Chromium: the shared checks at both widths; a shared link restores its view, with numbers,
// table and CSV checked against the raw police.uk files; choices by keyboard and before the script has run;
// 100+ hostile addresses (no script runs, nothing leaves the site, the page still works); and the SQL box
// (loads on request with progress, locked, 40+ statements refused or contained, no request off the site).
// Every wait is on a state the page sets when it is done (data-state, data-query, data-sql-runs), never a delay.
import {readdirSync, readFileSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {REFERENCE_DIR, ROOT} from "../../loaders/lib/paths.ts";
import type {Catalogue} from "../../src/components/explore/catalogue.ts";
import {monthGaps} from "../../src/components/months.ts";
import {parseState} from "../../src/components/explore/state.ts";
import {formatMonthRange} from "../../src/components/format.ts";
import {areaOf, lsoaToArea, rawStreetRows} from "../unit/raw-counts.ts";
import {checkPage, openProbe, startSite, WIDTHS, type PageProbe, type Site} from "./lib/site.ts";

const FIXTURES = join(ROOT, "tests", "fixtures", "explore");
const areasCsv = csvParse(readFileSync(join(REFERENCE_DIR, "areas.csv"), "utf8"));
const population = new Map(areasCsv.map((d) => [d.area_code!, Number(d.population)]));
const codeOf = new Map(areasCsv.map((d) => [d.slug!, d.area_code!]));

/** A server on another origin that must never be asked for anything: hostile inputs point at it. */
interface Canary {
  url: string;
  hits: string[];
  close(): Promise<void>;
}
async function startCanary(): Promise<Canary> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.end("canary");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {url: `http://127.0.0.1:${port}`, hits, close: () => new Promise((resolve) => server.close(() => resolve()))};
}

let site: Site;
let canary: Canary;
let rawMonths: string[];
let rawTotal = 0;
/** area code → crime type → month → records, straight from the files */
const raw = new Map<string, Map<string, Map<string, number>>>();

beforeAll(async () => {
  site = await startSite();
  canary = await startCanary();
  const lookup = lsoaToArea();
  const months = new Set<string>();
  for (const r of await rawStreetRows()) {
    months.add(r.month);
    rawTotal++;
    const area = areaOf(r, lookup);
    const byType = raw.get(area) ?? raw.set(area, new Map()).get(area)!;
    const byMonth = byType.get(r.crimeType) ?? byType.set(r.crimeType, new Map()).get(r.crimeType)!;
    byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + 1);
  }
  rawMonths = [...months].sort();
});
afterAll(async () => {
  await site?.close();
  await canary?.close();
});

/** Polls the page for a state it sets when done; the time limit only bounds a hung page (a slow machine waits). */
const poll = <T>(fn: () => Promise<T> | T, options: {timeout?: number} = {}) => expect.poll(fn, {timeout: options.timeout ?? 60_000, interval: 50});

const rawCount = (codes: string[], type: (t: string) => boolean, month: string) =>
  codes.reduce((n, code) => n + [...(raw.get(code) ?? [])].reduce((m, [t, byMonth]) => m + (type(t) ? byMonth.get(month) ?? 0 : 0), 0), 0);

/** Waits until the explorer has drawn this address's view (or, with no argument, any view). */
async function drawn(page: Page, query?: string | RegExp): Promise<string> {
  await poll(() => page.locator("#explore").getAttribute("data-state")).toMatch(/^(ready|error)$/);
  expect(await page.locator("#explore").getAttribute("data-state")).toBe("ready");
  if (query !== undefined) await poll(() => page.locator("#explore-output figure").getAttribute("data-query")).toMatch(query instanceof RegExp ? query : new RegExp(`^${query.replace(/[?.]/g, "\\$&")}$`));
  return (await page.locator("#explore-output figure").getAttribute("data-query"))!;
}

const catalogueOf = async (page: Page): Promise<Catalogue> => JSON.parse((await page.locator("#explore-catalogue").textContent())!);

describe.each(Object.entries(WIDTHS))("at %s width", (_name, viewport) => {
  test("passes the shared checks and shows the result as a chart with its table", async () => {
    const {page, context} = await checkPage(site, "/explore", viewport);
    await drawn(page);
    // the build drew the default view; the browser redraws it live at the page's width
    const box = await page.locator("#explore-output .chart-plot.is-live svg[role=img]").boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    expect(await page.locator("#explore-output .chart-table tbody tr").count()).toBe(rawMonths.length);
    expect(new URL(page.url()).search).toBe(""); // the default view keeps a clean address
    await context.close();
  });

  test("passes the shared checks with a shared link and with the SQL box open", async () => {
    const {page, context, outsideRequests, consoleErrors} = await checkPage(site, "/explore?area=stafford,tamworth&type=shoplifting,burglary&view=types&measure=rate", viewport);
    await drawn(page, /view=types/);
    await page.getByRole("button", {name: /Load the SQL engine/}).click();
    await poll(() => page.locator("#explore-sql").getAttribute("data-sql-state"), {timeout: 60_000}).toBe("ready");
    await page.getByRole("button", {name: "Run query"}).click();
    await poll(() => page.locator("#explore-sql").getAttribute("data-sql-runs")).toBe("1");
    const {axeViolations} = await import("./lib/site.ts");
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(outsideRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

test("Explore is in the site's navigation", async () => {
  const {page, context} = await openProbe(site, WIDTHS.desktop);
  await page.goto(site.url + "/");
  await page.getByRole("navigation", {name: "Main"}).getByRole("link", {name: "Explore"}).click();
  await page.waitForURL(/\/explore$/);
  await drawn(page);
  await context.close();
});

test("a shared link restores the view; its numbers, table and CSV match the raw files", async () => {
  const {page, context, outsideRequests, consoleErrors} = await openProbe(site, WIDTHS.desktop);
  const from = rawMonths[1], to = rawMonths.at(-1)!;
  const query = `?area=tamworth,stafford&type=shoplifting&from=${from}&to=${to}&measure=rate&view=areas`;
  await page.goto(`${site.url}/explore${query}`);
  await drawn(page, query);
  await poll(() => page.locator("#explore").getAttribute("data-address")).toBe(query); // the address follows the chart
  expect(new URL(page.url()).search).toBe(query);
  await poll(() => page.locator("#explore-controls input[name=area][value=tamworth]").isChecked()).toBe(true);
  expect(await page.locator("#explore-controls input[name=measure][value=rate]").isChecked()).toBe(true);
  expect(await page.locator("#explore-notes").isHidden()).toBe(true);
  const figure = page.locator("#explore-output figure");
  expect(await figure.locator(".chart-title").textContent()).toBe("Shoplifting: Tamworth and Stafford");
  // the table: one row per month held in range, a column per line, rates to one decimal place
  const held = rawMonths.filter((m) => m >= from && m <= to);
  const rows = await figure.locator(".chart-table tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent)));
  expect(rows).toHaveLength(held.length);
  const rate = (slug: string, month: string) => (rawCount([codeOf.get(slug)!], (t) => t === "Shoplifting", month) / population.get(codeOf.get(slug)!)!) * 1000;
  const oneDecimal = new Intl.NumberFormat("en-GB", {maximumFractionDigits: 1});
  held.forEach((m, i) => expect(rows[i].slice(1)).toEqual([oneDecimal.format(rate("tamworth", m)), oneDecimal.format(rate("stafford", m))]));
  // the months the snapshot lacks are named beside the chart
  const gaps = monthGaps(rawMonths.filter((m) => m >= from && m <= to));
  if (gaps.length) expect(await figure.locator(".chart-note").first().textContent()).toContain(formatMonthRange(gaps[0].from, gaps[0].to));
  // the CSV: area, type, month, measure, value and the source on every row
  const [download] = await Promise.all([page.waitForEvent("download"), figure.getByRole("link", {name: "Data (CSV)"}).click()]);
  const csv = csvParse(readFileSync((await download.path())!, "utf8"));
  expect(csv.columns).toEqual(["area", "type", "month", "measure", "value", "source"]);
  expect(csv).toHaveLength(2 * held.length);
  for (const r of csv) {
    expect(r.type).toBe("Shoplifting");
    expect(r.measure).toBe("records per 1,000 residents");
    expect(r.source).toMatch(/^data\.police\.uk .*; residents: Census 2021/);
    expect(Number(r.value)).toBeCloseTo(rate(r.area === "Tamworth" ? "tamworth" : "stafford", r.month!), 3);
  }
  expect(outsideRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
  await context.close();
});

test("the default view's CSV (for readers without JavaScript) is the same file the browser makes", async () => {
  const {page, context} = await openProbe(site, WIDTHS.desktop);
  await page.goto(`${site.url}/explore`);
  const staticHref = await page.locator("#explore-output a.explore-csv").getAttribute("href");
  await drawn(page);
  const published = await (await page.request.get(new URL(staticHref!, page.url()).href)).text();
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#explore-output a.explore-csv").click()]);
  expect(readFileSync((await download.path())!, "utf8")).toBe(published);
  const rows = csvParse(published);
  expect(rows.map((r) => Number(r.value))).toEqual(rawMonths.map((m) => rawCount([...population.keys()], () => true, m)));
  await context.close();
});

test("without JavaScript the page shows every record month by month, its table and its CSV, and says what needs JavaScript", async () => {
  const {page, context, outsideRequests} = await openProbe(site, WIDTHS.mobile, {javaScript: false});
  await page.goto(`${site.url}/explore`);
  expect(await page.locator(".explore-noscript").textContent()).toMatch(/The filters need JavaScript/);
  const chart = page.locator("#explore-output .chart-narrow svg[role=img]");
  expect((await chart.boundingBox())!.width).toBeGreaterThan(250);
  const cells = await page.locator("#explore-output .chart-table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.children[1].textContent));
  expect(cells).toEqual(rawMonths.map((m) => new Intl.NumberFormat("en-GB").format(rawCount([...population.keys()], () => true, m))));
  const href = await page.locator("#explore-output a.explore-csv").getAttribute("href");
  const csv = await page.request.get(new URL(href!, page.url()).href);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split("\n")[0]).toBe("area,type,month,measure,value,source");
  expect(outsideRequests).toEqual([]);
  await context.close();
});

test("choices made with the keyboard redraw the chart and keep the address in step", async () => {
  const {page, context, consoleErrors} = await openProbe(site, WIDTHS.mobile);
  await page.goto(`${site.url}/explore`);
  await drawn(page);
  const areas = page.locator("#explore-area-choices > summary");
  await areas.focus();
  await page.keyboard.press("Enter"); // opens the folded list
  await page.locator("#explore-controls input[name=area][value=lichfield]").focus();
  await page.keyboard.press("Space");
  await drawn(page, /^\?area=all,lichfield&type=all&/);
  expect(await page.locator("[data-summary=area]").textContent()).toBe(`All ${population.size} areas, Lichfield`);
  await page.locator("#explore-controls input[name=measure][value=rate]").focus();
  await page.keyboard.press("Space");
  const query = await drawn(page, /measure=rate/);
  await poll(() => page.locator("#explore").getAttribute("data-address")).toBe(query);
  expect(new URL(page.url()).search).toBe(query);
  await page.selectOption("#explore-from", rawMonths.at(-3)!);
  await drawn(page, new RegExp(`from=${rawMonths.at(-3)}&`));
  expect(await page.locator("#explore-output .chart-table tbody tr").count()).toBe(3);
  // the chart is on the screen of a phone
  const box = await page.locator("#explore-output svg[role=img]").boundingBox();
  expect(box!.width).toBeGreaterThan(250);
  expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTHS.mobile.width);
  expect(consoleErrors).toEqual([]);
  await context.close();
});

test("a choice made before the page's script has run is kept, whether changed in place or submitted", async () => {
  const {page, context, consoleErrors} = await openProbe(site, WIDTHS.desktop);
  // hold the explorer's script until the reader has acted
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/\/_import\/components\/explore\/page\.[0-9a-f]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${site.url}/explore`, {waitUntil: "domcontentloaded"});
  await page.locator("#explore-type-choices > summary").click();
  await page.locator("#explore-controls input[name=type][value=burglary]").check();
  expect(await page.locator("#explore").getAttribute("data-state")).toBeNull(); // the script has not run yet
  release();
  await drawn(page, /^\?area=all&type=all,burglary&/);
  // the Show button before the script: the form is a GET form, so the choice travels in the address
  let releaseAgain!: () => void;
  const heldAgain = new Promise<void>((resolve) => { releaseAgain = resolve; });
  await page.unroute(/\/_import\/components\/explore\/page\.[0-9a-f]+\.js$/);
  await context.route(/\/_import\/components\/explore\/page\.[0-9a-f]+\.js$/, async (route) => {
    await heldAgain;
    await route.continue();
  });
  await page.goto(`${site.url}/explore`, {waitUntil: "domcontentloaded"});
  await page.locator("#explore-controls input[name=measure][value=rate]").check();
  await page.getByRole("button", {name: "Show"}).click();
  await page.waitForURL(/measure=rate/);
  releaseAgain();
  await drawn(page, /measure=rate/);
  expect(consoleErrors).toEqual([]);
  await context.close();
});

test("when its data or its engine cannot be fetched, the page says so in words and keeps its default view", async () => {
  const {page, context, consoleErrors} = await openProbe(site, WIDTHS.desktop);
  await page.route(/explore-monthly\.[0-9a-f]+\.parquet$/, (route) => route.abort());
  await page.route(/duckdb-eh\.wasm$/, (route) => route.abort());
  await page.goto(`${site.url}/explore?area=stafford`);
  await poll(() => page.locator("#explore").getAttribute("data-state")).toBe("error");
  expect(await page.locator("#explore-status").textContent()).toMatch(/^The filters could not start: .*default view/);
  expect(await page.locator("#explore-output figure svg[role=img]").first().isVisible()).toBe(true);
  await page.getByRole("button", {name: /Load the SQL engine/}).click();
  await poll(() => page.locator("#explore-sql").getAttribute("data-sql-state")).toBe("failed");
  expect(await page.locator("#sql-status").textContent()).toMatch(/^The SQL engine could not start: /);
  expect(await page.getByRole("button", {name: /Try loading the SQL engine again/}).isEnabled()).toBe(true);
  expect(consoleErrors.filter((e) => e.startsWith("pageerror"))).toEqual([]); // reported in the page, not thrown
  await context.close();
});

describe("hostile addresses", () => {
  const corpus = readFileSync(join(FIXTURES, "hostile-query-strings.txt"), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
  const chunks: string[][] = [];
  for (let i = 0; i < corpus.length; i += 20) chunks.push(corpus.slice(i, i + 20));

  test("the corpus holds at least 100 hostile query strings", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
  });

  test.each(chunks.map((c, i) => [i + 1, chunks.length, c] as const))("part %i of %i: no script runs, nothing leaves the site, the page still works", async (_i, _n, lines) => {
    const probe: PageProbe = await openProbe(site, WIDTHS.desktop);
    const {page, context} = probe;
    const dialogs: string[] = [];
    page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
    let catalogue: Catalogue | undefined;
    for (const template of lines) {
      const line = template.replaceAll("CANARY", canary.url).replace(/\{\{REPEAT:(.*?):(\d+)\}\}/g, (_, t: string, n: string) => t.repeat(Number(n)));
      const url = `${site.url}/explore?${line}`;
      const response = await page.goto(url);
      expect(response?.status(), line).toBe(200);
      const query = await drawn(page);
      catalogue ??= await catalogueOf(page);
      // the view drawn is the one the address names, once unknown values are set aside, with a note for each
      const expected = parseState(new URL(url).search, catalogue);
      expect(query, line).toBe(`?area=${expected.state.areas.join(",")}&type=${expected.state.types.join(",")}&from=${expected.state.from}&to=${expected.state.to}&measure=${expected.state.measure}&view=${expected.state.view}`);
      expect(await page.locator("#explore-notes li").allTextContents(), line).toEqual(expected.notes);
      expect(await page.locator("#explore-notes").isVisible(), line).toBe(expected.notes.length > 0);
      // nothing from the address became markup or a handler
      expect(await page.evaluate(() => Array.from(document.querySelectorAll("*")).filter((e) => Array.from(e.attributes).some((a) => /^on/i.test(a.name))).length), line).toBe(0);
      expect(await page.locator("#explore img, #explore iframe, #explore-notes script").count(), line).toBe(0);
      // and the page still works: a change redraws
      const measure = expected.state.measure === "rate" ? "count" : "rate";
      await page.locator(`#explore-controls input[name=measure][value=${measure}]`).check();
      await drawn(page, new RegExp(`measure=${measure}&`));
    }
    expect(dialogs).toEqual([]);
    expect(canary.hits).toEqual([]);
    expect(probe.outsideRequests).toEqual([]);
    expect(probe.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe("the SQL box", () => {
  interface Statement {
    sql: string;
    expect: "refused" | "error" | "done" | "timeout" | "cancelled";
    why: string;
    value?: string;
    message?: string;
    truncated?: boolean;
    action?: "cancel";
  }
  const statements: Statement[] = JSON.parse(readFileSync(join(FIXTURES, "sql-statements.json"), "utf8")).statements;

  async function runSql(page: Page, sql: string, options: {cancel?: boolean} = {}): Promise<{state: string; output: string; first: string | null}> {
    const runs = Number((await page.locator("#explore-sql").getAttribute("data-sql-runs")) ?? 0);
    await page.locator("#sql-text").fill(sql);
    await page.getByRole("button", {name: "Run query"}).click();
    if (options.cancel) {
      await poll(() => page.locator("#explore-sql").getAttribute("data-sql-state")).toBe("running");
      await poll(() => page.getByRole("button", {name: "Cancel"}).isEnabled()).toBe(true);
      await page.getByRole("button", {name: "Cancel"}).click();
    }
    await poll(() => page.locator("#explore-sql").getAttribute("data-sql-runs"), {timeout: 60_000}).toBe(String(runs + 1));
    return {
      state: (await page.locator("#explore-sql").getAttribute("data-sql-state"))!,
      output: (await page.locator("#sql-output").textContent()) ?? "",
      first: (await page.locator("#sql-output tbody tr").count()) ? await page.locator("#sql-output tbody tr td").first().textContent() : null
    };
  }

  test("loads only on request, with progress; nothing of the engine is fetched before", async () => {
    const {page, context, outsideRequests, consoleErrors} = await openProbe(site, WIDTHS.desktop);
    const fetched: string[] = [];
    page.on("request", (r) => { if (r.method() === "GET") fetched.push(r.url()); });
    await page.goto(`${site.url}/explore`);
    await drawn(page);
    expect(fetched.filter((u) => /duckdb|\.arrow$/.test(u))).toEqual([]);
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as {progressSeen: string[]}).progressSeen = seen;
      new MutationObserver(() => {
        const box = document.getElementById("sql-progress-box")!;
        if (!box.hidden) seen.push(`${(document.getElementById("sql-progress") as HTMLProgressElement).value}|${document.getElementById("sql-progress-text")!.textContent}`);
      }).observe(document.getElementById("explore-sql")!, {subtree: true, attributes: true, childList: true, characterData: true});
    });
    await page.getByRole("button", {name: /Load the SQL engine/}).click();
    await poll(() => page.locator("#explore-sql").getAttribute("data-sql-state"), {timeout: 60_000}).toBe("ready");
    const seen = await page.evaluate(() => (window as unknown as {progressSeen: string[]}).progressSeen);
    expect(seen.some((s) => /^[1-9][\d.e+]*\|Loading the SQL engine: [\d.]+ MB of [\d.]+ MB$/.test(s)), seen.slice(0, 3).join("; ")).toBe(true);
    const wasm = fetched.filter((u) => u.endsWith(".wasm"));
    expect(wasm.map((u) => u.split("/").at(-1))).toEqual(["duckdb-eh.wasm"]);
    expect(outsideRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  test(`refuses or contains all ${statements.length} statements of the corpus, with no request off the site; the data is intact after`, async () => {
    const {page, context, outsideRequests, consoleErrors} = await openProbe(site, WIDTHS.desktop);
    await page.goto(`${site.url}/explore`);
    await drawn(page);
    await page.getByRole("button", {name: /Load the SQL engine/}).click();
    await poll(() => page.locator("#explore-sql").getAttribute("data-sql-state"), {timeout: 60_000}).toBe("ready");
    const outcomes: string[] = [];
    for (const s of statements) {
      const sql = s.sql.replaceAll("CANARY", canary.url);
      const r = await runSql(page, sql, {cancel: s.action === "cancel"});
      outcomes.push(`${s.expect === r.state ? "ok" : "WRONG"} ${r.state}: ${s.sql}`);
      expect(r.state, `${s.why}: ${s.sql}\n${r.output}`).toBe(s.expect);
      if (s.message) expect(r.output, s.sql).toMatch(new RegExp(s.message, "i"));
      if (s.value !== undefined) expect(r.first, s.sql).toBe(s.value.replace("{{AREA_COUNT}}", String(population.size)));
      if (s.truncated) expect(r.output).toMatch(/cut at 10,000 rows/);
      if (s.expect === "refused" || s.expect === "error") expect(r.output, s.sql).toMatch(/\w/); // a reason in words
    }
    // nothing above changed the data or escaped: the table still holds every record of the raw files
    const total = await runSql(page, "SELECT sum(count)::INTEGER AS n, count(DISTINCT month) AS months FROM crimes");
    expect(total.state).toBe("done");
    expect(await page.locator("#sql-output tbody tr td").allTextContents()).toEqual([String(rawTotal), String(rawMonths.length)]);
    expect(canary.hits).toEqual([]);
    expect(outsideRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // the filters never needed the engine, and still answer
    await page.locator("#explore-controls input[name=measure][value=rate]").check();
    await drawn(page, /measure=rate/);
    await context.close();
  });
});

test("the built site ships one DuckDB-WASM build, the one the SQL box loads", () => {
  const dir = join(ROOT, process.env.SITE_DIST ?? "dist", "_npm", "@duckdb", "duckdb-wasm@1.29.0", "dist");
  const files = readdirSync(dir).filter((f) => !f.endsWith(".gz"));
  expect(files.filter((f) => f.endsWith(".wasm"))).toEqual(["duckdb-eh.wasm"]);
  expect(files.filter((f) => f.includes("worker")).every((f) => f.startsWith("duckdb-browser-eh.worker."))).toBe(true);
});
