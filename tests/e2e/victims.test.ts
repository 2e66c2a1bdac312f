// The Victims story in Chromium: the shared checks at both widths, scrolled through, on both of its pages; the first
// chart in the HTML before any script; every chart with its table and description; the story read top to bottom
// without JavaScript; the headline share and a chart download as the raw files give them; no request to another host.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {formatPercent} from "../../src/components/format.ts";
import {checkPage, openProbe, startSite, WIDTHS, type Site} from "./lib/site.ts";
import {rawStreetRows} from "../unit/raw-counts.ts";

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const PATH = "/stories/victims";

describe.each(Object.entries(WIDTHS))("victims story at %s width", (_name, viewport) => {
  test("passes the shared checks, scrolled to the end, with every chart in a graphic frame", async () => {
    const {page, context} = await checkPage(site, PATH, viewport);
    expect(await page.locator(".scrolly-step").count()).toBeGreaterThanOrEqual(6);
    const charts = await page.locator(".scrolly-step[data-chart]").count();
    expect(charts).toBeGreaterThanOrEqual(5);
    expect(await page.locator(".scrolly-frame").count()).toBe(charts);
    await context.close();
  });

  test("its continuation page passes the shared checks too", async () => {
    const {page, context} = await checkPage(site, PATH + "-continued", viewport);
    expect(await page.locator(".scrolly-step").count()).toBeGreaterThanOrEqual(5);
    await context.close();
  });
});

test("the first chart is in the HTML, in the graphic, before any script runs", async () => {
  const html = await (await fetch(site.url + PATH)).text();
  expect(html).toMatch(/<div class="scrolly-frame is-active" data-chart="victims-outcomes">.*?<svg/s);
});

test("every chart has its description, its table and its downloads; the external sources are links that are not followed", async () => {
  const {page, context, outsideRequests, consoleErrors} = await openProbe(site, WIDTHS.desktop);
  await page.goto(site.url + PATH, {waitUntil: "networkidle"});
  await page.evaluate(() => (window as unknown as {siteReady: Promise<void>}).siteReady);
  const ids = await page.locator(".scrolly-step[data-chart]").evaluateAll((els) => els.map((e) => e.getAttribute("data-chart")));
  expect(ids).toEqual(["victims-outcomes", "victims-no-suspect-by-type", "victims-no-suspect-by-area", "victims-open-by-age", "victims-outcomes-by-force", "victims-satisfaction-surveys"]);
  for (const id of ids) {
    const chart = page.locator(`.scrolly-step figure.chart#chart-${id}`);
    expect(await chart.locator("details.chart-table table tbody tr").count(), `${id} table rows`).toBeGreaterThan(0);
    expect((await chart.locator(".chart-description").textContent())?.trim().length, `${id} description`).toBeGreaterThan(40);
    const csv = await page.request.get(`${site.url}/downloads/charts/${id}.csv`);
    expect(csv.status(), `${id}.csv`).toBe(200);
  }
  // sources for services and rights are links to their own sites, shown with their dates; none is fetched
  const external = await page.locator('#help a[rel="external"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(external.length).toBeGreaterThanOrEqual(4);
  expect(outsideRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
  await context.close();
});

test("the headline share is the raw files' share with no further action, and the chart's CSV gives every group", async () => {
  const raw = (await rawStreetRows()).filter((r) => r.crimeType !== "Anti-social behaviour");
  const year = [...new Set(raw.map((r) => r.month.slice(0, 4)))].sort().at(-1)!;
  const inYear = raw.filter((r) => r.month.startsWith(year));
  const noSuspect = inYear.filter((r) => r.lastOutcome === "Investigation complete; no suspect identified").length / inYear.length;
  const {page, context} = await openProbe(site, WIDTHS.desktop);
  await page.goto(site.url + PATH);
  expect(await page.locator("#hook").textContent()).toContain(`${formatPercent(noSuspect)} ended with no suspect identified`);
  const csv = await (await page.request.get(site.url + "/downloads/charts/victims-outcomes.csv")).text();
  const line = csv.split("\n").find((l) => l.startsWith("No suspect identified,"))!;
  expect(Number(line.split(",")[1])).toBe(inYear.filter((r) => r.lastOutcome === "Investigation complete; no suspect identified").length);
  await context.close();
});

test("scrolling to a step shows its chart, and focusing one by keyboard does too", async () => {
  const {page, context, consoleErrors} = await openProbe(site, WIDTHS.desktop);
  await page.goto(site.url + PATH, {waitUntil: "networkidle"});
  const active = () => page.locator(".scrolly-frame.is-active").getAttribute("data-chart");
  await expect.poll(active).toBe("victims-outcomes");
  await page.evaluate(() => (window as unknown as {siteReady: Promise<void>}).siteReady);
  await page.evaluate(() => scrollBy(0, document.getElementById("like-for-like")!.getBoundingClientRect().top - innerHeight * 0.3));
  await expect.poll(active).toBe("victims-open-by-age");
  // a step with no chart of its own keeps the previous graphic
  await page.evaluate(() => scrollBy(0, document.getElementById("help")!.getBoundingClientRect().top - innerHeight * 0.3));
  await expect.poll(active).toBe("victims-satisfaction-surveys");
  await page.focus("#forces");
  await expect.poll(active).toBe("victims-outcomes-by-force");
  expect(consoleErrors).toEqual([]);
  await context.close();
});

test("readable at 320px: no sideways scroll and the graphic fits", async () => {
  const {page, context} = await checkPage(site, PATH, {width: 320, height: 640});
  const overflow = await page.locator(".scrolly-graphic").evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test("without JavaScript every step, its chart and its table read in order, over the story's two pages", async () => {
  const context = await site.browser.newContext({viewport: WIDTHS.mobile, javaScriptEnabled: false});
  const page = await context.newPage();
  await page.goto(site.url + PATH);
  expect(await page.locator(".scrolly-graphic").isVisible()).toBe(false);
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
  const next = page.locator(".scrolly-continue a");
  expect(await next.isVisible()).toBe(true);
  await next.click();
  await page.waitForURL(/\/stories\/victims-continued$/);
  await readSteps();
  expect(ids).toEqual(["hook", "types", "areas", "like-for-like", "forces", "surveys", "rights", "help", "how"]);
  // the tables written into the steps read without JavaScript too
  expect(await page.locator("#rights table tbody tr").count()).toBeGreaterThanOrEqual(8);
  expect(await page.locator("#how table tbody tr").count()).toBeGreaterThanOrEqual(3);
  await context.close();
});

// The story's three new kinds of chart, as the press office would embed them: the embed page at a phone's width.
test.each(["victims-open-by-age", "victims-outcomes-by-force", "victims-satisfaction-surveys"])("the embed page of %s passes the shared checks", async (id) => {
  const {page, context} = await checkPage(site, `/embed/${id}`, WIDTHS.mobile, {skipLink: false});
  expect(await page.locator("figure.chart svg[role=img]").count()).toBeGreaterThan(0);
  expect(await page.locator("figure.chart table").count()).toBe(1);
  await context.close();
});
