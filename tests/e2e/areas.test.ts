// The local area pages and the areas index, in a browser: the shared checks at both widths, then what a user
// would check — the headline numbers, the rate table, the CSV download, the compare picker (with and without
// JavaScript), the map links and the place finder, and the print layout.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {formatCount, formatRate} from "../../src/components/format.ts";
import {areaFacts, type AllFacts} from "../../loaders/areas/facts.ts";
import {deprivationFacts, type AreaDeprivation} from "../../loaders/areas/deprivation.ts";
import {trendVerdicts, type TrendVerdict} from "../../loaders/areas/trend-verdict.ts";
import {areaDownloadPath} from "../../loaders/areas/downloads.ts";
import {areas} from "../../loaders/lib/force.ts";
import {withExtracts} from "../../loaders/extracts/query.ts";
import {checkPage, startSite, WIDTHS, type Site} from "./lib/site.ts";

let site: Site;
let facts: AllFacts;
let verdicts: Map<string, TrendVerdict>;
let deprivation: AreaDeprivation[];
beforeAll(async () => {
  site = await startSite();
  [facts, verdicts, deprivation] = await withExtracts(async (db) => [await areaFacts(db), (await trendVerdicts(db)).areas, (await deprivationFacts(db)).areas] as const);
});
afterAll(async () => { await site?.close(); });

const STREET_HEADER = "month,area_code,area_name,lsoa_code,crime_type,count";

describe("areas index", () => {
  for (const [name, viewport] of Object.entries(WIDTHS)) {
    test(`passes the shared checks at ${name} width`, async () => {
      const {page, context} = await checkPage(site, "/areas/", viewport);
      // The map: one link per area, each named, each reachable.
      const links = page.locator("svg.area-map a");
      expect(await links.count()).toBe(areas.length);
      for (const area of areas) {
        const href = await page.locator(`svg.area-map a[aria-label="${area.name}"]`).getAttribute("href");
        expect(new URL(href!, page.url()).pathname).toBe(`/areas/${area.slug}`);
      }
      await context.close();
    });
  }

  test("the map's links are reached with the keyboard", async () => {
    const context = await site.browser.newContext({viewport: WIDTHS.desktop});
    const page = await context.newPage();
    await page.goto(site.url + "/areas/");
    await page.locator("svg.area-map a").first().focus();
    const names: string[] = [];
    for (let i = 0; i < areas.length; i++) {
      names.push(await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? ""));
      await page.keyboard.press("Tab");
    }
    expect(names.sort()).toEqual(areas.map((a) => a.name).sort());
    await context.close();
  });

  test("the place finder filters as you type and says what it found", async () => {
    const context = await site.browser.newContext({viewport: WIDTHS.mobile});
    const page = await context.newPage();
    await page.goto(site.url + "/areas/");
    const input = page.getByLabel("Type a place or ward name");
    await input.fill("baswich");
    await expect.poll(() => page.locator("#place-status").textContent()).toContain("Baswich is in Stafford");
    expect(await page.locator(".place-list li:visible").allTextContents()).toEqual(["Baswich"]);
    expect(await page.locator(".place-group:visible h3").allTextContents()).toEqual(["Stafford"]);
    await input.fill("zzzz");
    await expect.poll(() => page.locator("#place-status").textContent()).toContain("No places match");
    await input.fill("");
    expect(await page.locator(".place-group:visible").count()).toBe(areas.length);
    await context.close();
  });

  test("without JavaScript the finder is the full list of places by area", async () => {
    const context = await site.browser.newContext({viewport: WIDTHS.desktop, javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(site.url + "/areas/");
    expect(await page.locator(".place-search-field").isVisible()).toBe(false);
    expect(await page.locator(".place-group:visible").count()).toBe(areas.length);
    expect(await page.locator('.place-group[data-area-name="Stafford"] li', {hasText: "Baswich"}).isVisible()).toBe(true);
    await context.close();
  });
});

describe("area pages", () => {
  for (const area of areas) {
    for (const [name, viewport] of Object.entries(WIDTHS)) {
      test(`${area.name} passes the shared checks at ${name} width and shows its headline numbers`, async () => {
        const {page, context, bytes} = await checkPage(site, `/areas/${area.slug}`, viewport);
        const f = facts.areas.find((a) => a.area.slug === area.slug)!;
        expect(await page.locator("h1").textContent()).toBe(area.name);
        expect(await page.locator('[data-measure="crime-count"]').textContent()).toBe(formatCount(f.crime));
        expect(await page.locator('[data-measure="asb-count"]').textContent()).toBe(formatCount(f.asb));
        expect(await page.locator('[data-measure="crime-rate"]').textContent()).toBe(formatRate(f.crimeRate));
        expect(await page.locator('[data-measure="asb-rate"]').textContent()).toBe(formatRate(f.asbRate));
        // The rate table: all nine areas and the force, this area marked in words.
        const rows = page.locator('[data-testid="rate-table"] tbody tr');
        expect(await rows.count()).toBe(areas.length + 1);
        const mine = page.locator('[data-testid="rate-table"] tr.is-this');
        expect(await mine.locator("th").textContent()).toBe(`${area.name} (this area)`);
        expect(await mine.locator("td").nth(2).textContent()).toBe(formatRate(f.crimeRate));
        // Pre-rendered charts, no DuckDB-WASM on the page, and a light page.
        expect(await page.locator("figure.chart svg").count()).toBeGreaterThanOrEqual(7);
        expect(await page.evaluate(() => performance.getEntriesByType("resource").some((r) => /duckdb/i.test(r.name)))).toBe(false);
        expect(bytes()).toBeLessThan(1_500_000);
        await context.close();
      });
    }
  }

  test("the trend verdict follows the headline numbers, and the deprivation table gives the area's shares", async () => {
    const context = await site.browser.newContext({viewport: WIDTHS.mobile});
    const page = await context.newPage();
    await page.goto(site.url + "/areas/tamworth");
    const tamworth = areas.find((a) => a.slug === "tamworth")!;
    const verdict = page.locator('[data-testid="trend-verdict"] p').first();
    expect((await verdict.textContent())!.replace(/\s+/g, " ")).toContain(verdicts.get(tamworth.code)!.sentence!);
    // In reading order: the headline numbers, then the verdict.
    expect(await page.evaluate(() => {
      const cards = document.querySelector(".area-headlines"), verdict = document.querySelector('[data-testid="trend-verdict"]');
      return !!cards && !!verdict && !!(cards.compareDocumentPosition(verdict) & Node.DOCUMENT_POSITION_FOLLOWING);
    })).toBe(true);
    const d = deprivation.find((x) => x.code === tamworth.code)!;
    const row = page.locator('[data-testid="deprivation-table"] tbody tr', {hasText: "Most deprived 10%"});
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator("td").nth(0).textContent()).toBe(formatCount(d.mostDeprived10.lsoas));
    expect(await row.locator("td").nth(2).textContent()).toBe(formatCount(d.mostDeprived10.crime));
    // The contents list reaches the section.
    if (!(await page.locator(".area-contents").evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator(".area-contents summary").click();
    await page.locator('.area-contents a[href="#deprivation"]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#deprivation");
    await context.close();
  });

  test("the area's CSV download returns its own rows with the extract's header", async () => {
    const context = await site.browser.newContext({viewport: WIDTHS.desktop});
    const page = await context.newPage();
    await page.goto(site.url + "/areas/stafford");
    const link = page.locator('[data-testid="area-csv"]');
    const url = new URL((await link.getAttribute("href"))!, page.url());
    expect(url.pathname).toBe(areaDownloadPath("stafford"));
    const response = await page.request.get(url.href);
    expect(response.status()).toBe(200);
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toBe(STREET_HEADER);
    expect(lines.slice(1).every((l) => l.split(",")[1] === "E07000197")).toBe(true);
    const total = lines.slice(1).map((l) => l.split(",")).filter((v) => facts.last12.includes(v[0]) && v[4] !== "Anti-social behaviour").reduce((s, v) => s + Number(v[5]), 0);
    expect(total).toBe(facts.areas.find((a) => a.area.slug === "stafford")!.crime);
    // and each chart's own CSV
    const chartCsv = await page.locator("figure.chart .chart-actions a", {hasText: "Data (CSV)"}).first().getAttribute("href");
    expect((await page.request.get(new URL(chartCsv!, page.url()).href)).status()).toBe(200);
    await context.close();
  });

  test("compare with another area: the picker shows both side by side and keeps ?compare= in the address", async () => {
    const context = await site.browser.newContext({viewport: WIDTHS.mobile});
    const page = await context.newPage();
    await page.goto(site.url + "/areas/stafford");
    const select = page.getByLabel("Compare Stafford with", {exact: true});
    await select.selectOption("tamworth");
    const panel = page.locator("#compare-tamworth");
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await page.locator(".compare-panel:visible").count()).toBe(1);
    expect(new URL(page.url()).searchParams.get("compare")).toBe("tamworth");
    await expect.poll(() => page.locator("#compare-status").textContent()).toContain("Stafford and Tamworth side by side");
    const tamworth = facts.areas.find((a) => a.area.slug === "tamworth")!;
    expect(await panel.locator("tr", {hasText: "Crimes per 1,000 residents"}).locator("td").nth(1).textContent()).toBe(formatRate(tamworth.crimeRate));
    // A shared link opens with the comparison shown.
    await page.goto(site.url + "/areas/stafford?compare=lichfield");
    await expect.poll(() => page.locator("#compare-lichfield").isVisible()).toBe(true);
    await context.close();
  });

  test("compare works without JavaScript, as a list of links", async () => {
    const context = await site.browser.newContext({viewport: WIDTHS.desktop, javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(site.url + "/areas/stafford");
    expect(await page.locator(".compare-panel:visible").count()).toBe(0);
    await page.locator(".compare-links a", {hasText: "Tamworth"}).click();
    await page.waitForURL(/#compare-tamworth$/);
    expect(await page.locator("#compare-tamworth").isVisible()).toBe(true);
    expect(await page.locator(".compare-panel:visible").count()).toBe(1);
    // The charts are there without JavaScript too: static SVG.
    expect(await page.locator("figure.chart .chart-static svg:visible").count()).toBeGreaterThanOrEqual(7);
    await context.close();
  });

  test("sections below the first screen are added after the first paint, in order, and a link to one lands on it", async () => {
    const context = await site.browser.newContext({viewport: WIDTHS.desktop});
    const page = await context.newPage();
    // Before any script runs, the page holds the headlines, not the sections after them (from the comparison on).
    const html = await (await page.request.get(site.url + "/areas/stafford")).text();
    expect(html.slice(0, html.indexOf("<noscript data-deferred"))).toContain('<ul class="card-grid area-headlines"');
    expect(html).toMatch(/<noscript data-deferred[^>]*>\s*<div class="area-sections">\s*<h2 id="compared">/);
    await page.goto(site.url + "/areas/stafford#outcomes", {waitUntil: "networkidle"});
    expect(await page.locator("noscript[data-deferred]").count()).toBe(0);
    const ids = await page.locator("#observablehq-main h2[id]").evaluateAll((hs) => hs.map((h) => h.id));
    const contents = await page.locator(".area-contents a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!.replace(/^.*#/, "")));
    expect(ids.filter((id) => contents.includes(id))).toEqual(contents);
    const top = () => page.evaluate(() => Math.round(document.getElementById("outcomes")!.getBoundingClientRect().top));
    await expect.poll(async () => { const t = await top(); return t >= 0 && t < 200; }).toBe(true);
    await context.close();
  });

  test("the print layout leaves out navigation and keeps the tables", async () => {
    const context = await site.browser.newContext({viewport: WIDTHS.desktop});
    const page = await context.newPage();
    await page.goto(site.url + "/areas/stafford");
    await page.emulateMedia({media: "print"});
    for (const selector of [".site-nav", ".breadcrumbs", ".area-contents", ".compare-links", ".chart-actions", ".skip-link"]) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    // The rate table is left out of the printed pack; a printed note says its numbers are in the rate charts' tables.
    expect(await page.locator('[data-testid="rate-table"]').isVisible()).toBe(false);
    expect(await page.locator("figure.chart .table-caption").first().isVisible(), "the charts' tables print").toBe(true);
    expect(await page.getByText("Printed without this table").isVisible()).toBe(true);
    expect(await page.locator("h2#compare").isVisible(), "no comparison chosen: the compare section is left out").toBe(false);
    const pdf = await page.pdf({format: "A4"});
    expect(pdf.length).toBeGreaterThan(10_000);
    await context.close();
  });
});
