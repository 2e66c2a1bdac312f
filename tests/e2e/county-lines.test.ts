// The County lines story in Chromium: shared checks at both widths, scrolled through, for both of its pages; every
// chart with its table and description; the first chart in the HTML before any script; the figures a reader checks
// against the raw files; readable at 320px; and the whole story read in order without JavaScript.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {formatCount} from "../../src/components/format.ts";
import {checkPage, openProbe, startSite, WIDTHS, type Site} from "./lib/site.ts";
import {pagesNotLinkingTo} from "./lib/story-links.ts";
import {rawStreetRows} from "../unit/raw-counts.ts";

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const PATH = "/stories/county-lines";

describe.each(Object.entries(WIDTHS))("county lines story at %s width", (_name, viewport) => {
  test("passes the shared checks, scrolled to the end, with every chart's description and table", async () => {
    const {page, context} = await checkPage(site, PATH, viewport);
    expect(await page.locator(".scrolly-step").count()).toBeGreaterThanOrEqual(8);
    const charts = page.locator(".scrolly-step figure.chart");
    expect(await charts.count()).toBeGreaterThanOrEqual(6);
    for (const figure of await charts.all()) {
      const id = await figure.getAttribute("data-chart");
      expect((await figure.locator(".chart-description").textContent())!.length, `${id} description`).toBeGreaterThan(40);
      expect(await figure.locator("details.chart-table table tbody tr").count(), `${id} table`).toBeGreaterThan(0);
    }
    expect(await page.locator(".scrolly-frame").count()).toBe(await page.locator(".scrolly-step[data-chart]").count());
    await context.close();
  });

  test("its continuation page passes the shared checks too", async () => {
    const {page, context} = await checkPage(site, PATH + "-continued", viewport);
    expect(await page.locator(".scrolly-step").count()).toBeGreaterThanOrEqual(7);
    await context.close();
  });
});

test("the home page, the stories index (the nav's Stories) and every area page link to the story", async () => {
  expect(await pagesNotLinkingTo(site, PATH)).toEqual([]);
});

test("the first chart is in the HTML, in the graphic, before any script runs", async () => {
  const html = await (await fetch(site.url + PATH)).text();
  expect(html).toMatch(/<div class="scrolly-frame is-active" data-chart="county-lines-drugs-weapons-monthly">.*?<svg/s);
});

test("the first chart's CSV and the hook's numbers are the raw files' counts", async () => {
  const raw = await rawStreetRows();
  const latest = raw.map((r) => r.month).sort().at(-1)!.slice(0, 4);
  const drugs = raw.filter((r) => r.crimeType === "Drugs" && r.month.startsWith(latest)).length;
  const {page, context} = await openProbe(site, WIDTHS.desktop);
  await page.goto(site.url + PATH, {waitUntil: "networkidle"});
  expect(await page.locator("#hook").textContent()).toContain(`police recorded ${formatCount(drugs)} drug offences`);
  const csv = await (await page.request.get(site.url + "/downloads/charts/county-lines-drugs-weapons-monthly.csv")).text();
  const rows = csv.trim().split("\n").slice(1).map((l) => l.split(","));
  expect(rows.filter(([month, type]) => type === "Drugs" && month.startsWith(latest)).reduce((s, r) => s + Number(r[2]), 0)).toBe(drugs);
  await context.close();
});

test("readable at 320px: no sideways scroll and the graphic fits", async () => {
  const {page, context} = await checkPage(site, PATH, {width: 320, height: 640});
  expect(await page.locator(".scrolly-graphic").evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await context.close();
});

test("without JavaScript every step, its chart and its table read in order, over the story's two pages", async () => {
  const context = await site.browser.newContext({viewport: WIDTHS.mobile, javaScriptEnabled: false});
  const page = await context.newPage();
  await page.goto(site.url + PATH);
  const ids: string[] = [];
  const readSteps = async () => {
    for (const step of await page.locator(".scrolly-step").all()) {
      ids.push((await step.getAttribute("id"))!);
      const id = await step.getAttribute("data-chart");
      if (!id) continue;
      await step.scrollIntoViewIfNeeded();
      expect(await step.locator(".chart-plot svg:visible").count(), `chart ${id} is drawn in its step`).toBeGreaterThanOrEqual(1);
      expect(await step.locator("details.chart-table table").count(), `chart ${id} has its table`).toBe(1);
    }
  };
  await readSteps();
  expect(ids).toEqual(["hook"]);
  await page.locator(".scrolly-continue a").click();
  await page.waitForURL(/\/stories\/county-lines-continued$/);
  await readSteps();
  expect(ids.slice(0, 3)).toEqual(["hook", "same-months", "areas"]);
  expect(ids).toContain("report");
  expect(ids.at(-1)).toBe("how");
  // the reporting routes are links with their sources
  expect(await page.locator("#report .contact-list li").count()).toBeGreaterThanOrEqual(3);
  expect(await page.locator("#report .contact-source a").count()).toBeGreaterThanOrEqual(3);
  await context.close();
});
