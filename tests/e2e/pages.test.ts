// The site's shell pages pass the shared checks at both widths, and what a user would check is there.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {checkPage, startSite, WIDTHS, type Site} from "./lib/site.ts";
import {readManifest} from "../../loaders/lib/manifest.ts";

// What the explorer loads: every street record of the snapshot, one row a month in its first chart's table. Its
// status says "Ready: …" and at once "Showing …" for the first chart, so the test waits for the lasting one.
const street = readManifest().files.filter((f) => f.source === "police-uk" && f.kind === "street");
const STREET_ROWS = street.reduce((s, f) => s + (f.rows ?? 0), 0).toLocaleString("en-GB");

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

describe.each(Object.entries(WIDTHS))("at %s width", (_name, viewport) => {
  test("about page", async () => {
    const {page, context} = await checkPage(site, "/about", viewport);
    await expect.poll(() => page.locator("h2", {hasText: "Accessibility statement"}).count()).toBe(1);
    await context.close();
  });

  test("data page lists downloads that work", async () => {
    const {page, context} = await checkPage(site, "/data", viewport);
    const href = await page.locator('a[href$="street-crime-monthly.csv"]').first().getAttribute("href");
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect(response.status()).toBe(200);
    expect((await response.text()).split("\n")[0]).toBe("month,area_code,area_name,lsoa_code,crime_type,count");
    await context.close();
  });

  test("explore page", async () => {
    const {context} = await checkPage(site, "/explore", viewport);
    await context.close();
  });

  test("404 page", async () => {
    const {context} = await checkPage(site, "/404", viewport);
    await context.close();
  });
});

test("the explorer loads DuckDB-WASM on request and answers a query", async () => {
  const {page, context, consoleErrors, outsideRequests} = await checkPage(site, "/explore", WIDTHS.desktop);
  await page.getByRole("button", {name: "Start the explorer"}).click();
  await expect.poll(() => page.locator("[data-status]").textContent(), {timeout: 60_000}).toMatch(new RegExp(`^Showing ${STREET_ROWS} records: All crime and anti-social behaviour, All areas,`));
  await expect.poll(() => page.locator("[data-output] figure.chart table tbody tr").count()).toBe(street.length);
  await page.selectOption("#explore-area", {label: "Tamworth"});
  await page.selectOption("#explore-type", "Shoplifting");
  await page.getByRole("button", {name: "Show"}).click();
  await expect.poll(() => page.locator("[data-output] .chart-title").textContent()).toBe("Shoplifting: Tamworth");
  await page.getByRole("button", {name: "Run query"}).click();
  await expect.poll(() => page.locator("[data-sql-output] caption").textContent()).toMatch(/^Result: \d+ rows/);
  expect(outsideRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
  await context.close();
});
