// /figures and the document pages in a browser: the shared checks at both widths, then what a user would check —
// a figure's row with the published and the open-data number, search and filters by keyboard (and in the address),
// a link to one row, the whole table without JavaScript, the downloads, and a figure's quote on its document's page.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {withExtracts} from "../../loaders/extracts/query.ts";
import {figureComparisons, type Comparison} from "../../loaders/figures/compare.ts";
import {FIGURE_DOWNLOAD} from "../../loaders/figures/download.ts";
import {readPublishedMeasures} from "../../loaders/sources/published.ts";
import {formatCount} from "../../src/components/format.ts";
import {checkPage, openProbe, startSite, WIDTHS, type Site} from "./lib/site.ts";

const measures = readPublishedMeasures();
let site: Site;
let comparisons: Comparison[];
beforeAll(async () => {
  site = await startSite();
  comparisons = await withExtracts((db) => figureComparisons(db, measures));
});
afterAll(async () => { await site?.close(); });

const DOCUMENT = "/figures/documents/force-performance-report-jan-2024";
/** The page's script loads after the first paint: give it time on a busy machine. */
const SLOW = {timeout: 15_000};
const visibleRows = (page: import("playwright-core").Page) => page.locator("table[data-testid=figures-table] tbody tr:not([hidden])");

describe("/figures", () => {
  for (const [name, viewport] of Object.entries(WIDTHS)) {
    test(`passes the shared checks at ${name} width`, async () => {
      const {page, context} = await checkPage(site, "/figures", viewport);
      expect(await visibleRows(page).count()).toBe(measures.length);
      await context.close();
    });
  }

  test("a figure's row gives the published number, what open data shows and the verdict, at its own address", async () => {
    const {page, context} = await openProbe(site, WIDTHS.desktop);
    await page.goto(`${site.url}/figures#roads-serious-collisions-2023`);
    await page.evaluate(() => (window as unknown as {siteReady: Promise<void>}).siteReady);
    const c = comparisons.find((x) => x.measure.id === "roads-serious-collisions-2023")!;
    const row = page.locator("tr#roads-serious-collisions-2023");
    await expect.poll(() => row.isVisible(), SLOW).toBe(true);
    const text = (await row.textContent())!.replace(/\s+/g, " ");
    expect(text).toContain(formatCount(c.measure.value));
    expect(text).toContain(`STATS19 has ${formatCount(c.open!.value)}`);
    expect(await row.locator(".status").textContent()).toBe("Differs");
    // The row is the address's target, and its source links to the quote on the document's page.
    expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe("roads-serious-collisions-2023");
    expect(await row.locator(`a[href$="${DOCUMENT.split("/").at(-1)}#roads-serious-collisions-2023"]`).count()).toBe(1);
    await context.close();
  });

  test("search and filters work by keyboard, say how many figures they show, and keep the choice in the address", async () => {
    const {page, context, consoleErrors} = await openProbe(site, WIDTHS.mobile);
    await page.goto(`${site.url}/figures`);
    await page.evaluate(() => (window as unknown as {siteReady: Promise<void>}).siteReady);
    const search = page.getByLabel("Search the figures");
    await expect.poll(() => search.isVisible(), SLOW).toBe(true);
    await search.focus();
    await page.keyboard.type("serious injury");
    const matching = measures.filter((m) => `${m.measure} ${m.quote} ${m.definition}`.toLowerCase().includes("serious injury"));
    await expect.poll(() => visibleRows(page).count(), SLOW).toBeLessThan(measures.length);
    const shown = await visibleRows(page).count();
    expect(shown).toBeGreaterThanOrEqual(matching.length);
    await expect.poll(() => page.locator("#figure-count").textContent(), SLOW).toBe(`${shown} of ${measures.length} figures are shown.`);
    expect(new URL(page.url()).searchParams.get("q")).toBe("serious injury");

    // Clear the search from the keyboard, then choose a topic by typing in its list.
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await expect.poll(() => visibleRows(page).count(), SLOW).toBe(measures.length);
    await page.keyboard.press("Tab"); // to the topic list
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("figure-topic");
    await page.keyboard.type("Roads");
    const roads = measures.filter((m) => m.story === "roads").length;
    await expect.poll(() => visibleRows(page).count(), SLOW).toBe(roads);
    expect(new Set(await visibleRows(page).evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.topic)))).toEqual(new Set(["roads"]));
    expect(new URL(page.url()).searchParams.get("topic")).toBe("roads");

    // The open-data filter narrows the roads figures to those checked now.
    for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("figure-check");
    await page.keyboard.type("Checked");
    const roadsChecked = comparisons.filter((c) => c.measure.story === "roads" && ["matches", "close", "differs"].includes(c.status)).length;
    await expect.poll(() => visibleRows(page).count(), SLOW).toBe(roadsChecked);

    // Clear, by keyboard.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Clear");
    await page.keyboard.press("Enter");
    await expect.poll(() => visibleRows(page).count(), SLOW).toBe(measures.length);
    await expect.poll(() => page.locator("#figure-count").textContent(), SLOW).toBe(`All ${measures.length} figures are shown.`);
    expect(new URL(page.url()).search).toBe("");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  test("a filtered address opens filtered, and a link to one figure shows it whatever the filters", async () => {
    const {page, context} = await openProbe(site, WIDTHS.desktop);
    await page.goto(`${site.url}/figures?topic=victims&check=no-open-data`);
    await page.evaluate(() => (window as unknown as {siteReady: Promise<void>}).siteReady);
    const expected = comparisons.filter((c) => c.measure.story === "victims" && c.status === "no-open-data").length;
    await expect.poll(() => visibleRows(page).count(), SLOW).toBe(expected);
    expect(await page.locator("#figure-topic").inputValue()).toBe("victims");
    await page.goto(`${site.url}/figures?topic=victims#roads-fatal-collisions-2023`);
    await page.evaluate(() => (window as unknown as {siteReady: Promise<void>}).siteReady);
    await expect.poll(() => page.locator("tr#roads-fatal-collisions-2023").isVisible(), SLOW).toBe(true);
    await context.close();
  });

  test("without JavaScript the whole table is there, and the filters (which need it) are not", async () => {
    const {page, context} = await openProbe(site, WIDTHS.mobile, {javaScript: false});
    await page.goto(`${site.url}/figures`);
    const rows = page.locator("table[data-testid=figures-table] tbody tr");
    expect(await rows.count()).toBe(measures.length);
    expect(await page.locator("table[data-testid=figures-table] tbody tr[hidden]").count()).toBe(0);
    expect(await page.locator("#figure-filters").isVisible()).toBe(false);
    expect(await page.locator("tr#stafford-drug-offences-rate-2024-25").isVisible()).toBe(true);
    await context.close();
  });

  test("the comparison downloads as CSV and Parquet, one row per figure", async () => {
    const csv = await (await fetch(`${site.url}/downloads/${FIGURE_DOWNLOAD.name}.csv`)).text();
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe(FIGURE_DOWNLOAD.columns.map((c) => c.name).join(","));
    expect(csv).toContain("roads-serious-collisions-2023,");
    const parquet = new Uint8Array(await (await fetch(`${site.url}/downloads/${FIGURE_DOWNLOAD.name}.parquet`)).arrayBuffer());
    expect(new TextDecoder().decode(parquet.slice(0, 4))).toBe("PAR1");
    const ids = csv.match(/^[a-z0-9-]+(?=,[a-z0-9-]+\.txt,)/gm) ?? [];
    expect(ids.length).toBe(measures.length);
  });
});

describe("document pages", () => {
  for (const [name, viewport] of Object.entries(WIDTHS)) {
    test(`pass the shared checks at ${name} width`, async () => {
      const {page, context} = await checkPage(site, DOCUMENT, viewport);
      expect(await page.locator("h2[id]").count()).toBeGreaterThan(5);
      await context.close();
    });
  }

  test("a figure's quote is marked where it stands, under its section, and links back to its row", async () => {
    const {page, context} = await openProbe(site, WIDTHS.desktop);
    await page.goto(`${site.url}${DOCUMENT}#roads-serious-collisions-2023`);
    const anchor = page.locator("#roads-serious-collisions-2023");
    expect(await anchor.count()).toBe(1);
    const mark = page.locator("#roads-serious-collisions-2023 ~ mark").first();
    expect((await mark.textContent())!.replace(/\s+/g, " ")).toContain("Serious Injury 186 260");
    expect(await page.locator(`a[href$="figures#roads-serious-collisions-2023"]`).count()).toBe(1);
    // The contents list links to every section of the report.
    const contents = await page.locator(".doc-contents a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    expect(contents).toContain("#3-5-road-safety-enforcement");
    const missing = await page.evaluate((hrefs) => hrefs.filter((h) => !document.getElementById(h.slice(1))), contents);
    expect(missing).toEqual([]);
    await context.close();
  });
});
