// A story or area page, read without touching a chart, makes at most 15 requests and loads at most 100 kB of
// JavaScript (as sent) before the reader interacts: its charts are drawn at build time, and Plot loads only when
// the reader reaches for a chart, which then becomes interactive.
import {afterAll, beforeAll, expect, test} from "vitest";
import {startSite, WIDTHS, type Site} from "./lib/site.ts";

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const MAX_REQUESTS = 15;
const MAX_SCRIPT_BYTES = 100_000;

test.each([["/stories/roads", "roads-severity"], ["/areas/stafford", "area-stafford-crime-rates"]])("%s", async (path, chart) => {
  const context = await site.browser.newContext({viewport: WIDTHS.desktop});
  const page = await context.newPage();
  const requests: {url: string; bytes: number; script: boolean}[] = [];
  page.on("requestfinished", async (request) => {
    const sizes = await request.sizes();
    requests.push({url: request.url(), bytes: sizes.responseBodySize, script: /\.m?js(\?|$)/.test(request.url())});
  });
  await page.goto(site.url + path, {waitUntil: "networkidle"});
  await page.evaluate(() => (window as unknown as {siteReady: Promise<void>}).siteReady);
  await page.waitForLoadState("networkidle");
  const script = requests.filter((r) => r.script).reduce((s, r) => s + r.bytes, 0);
  const list = requests.map((r) => `${r.bytes} ${r.url.replace(site.url, "")}`).join("\n");
  expect(requests.length, list).toBeLessThanOrEqual(MAX_REQUESTS);
  expect(script, list).toBeLessThanOrEqual(MAX_SCRIPT_BYTES);
  expect(requests.some((r) => /plot/i.test(r.url)), "no Plot before interaction").toBe(false);
  // Reaching for a chart loads Plot and makes it interactive.
  const plot = page.locator(path.startsWith("/stories") ? ".scrolly-frame.is-active .chart-plot" : `#chart-${chart} .chart-plot`);
  await plot.scrollIntoViewIfNeeded();
  await plot.hover();
  await expect.poll(() => plot.evaluate((el) => el.classList.contains("is-live")), {timeout: 15_000}).toBe(true);
  await context.close();
});
