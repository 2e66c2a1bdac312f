// The press office's path: a chart's embed page, its iframe code, and its image and data files.
import {afterAll, beforeAll, expect, test} from "vitest";
import {checkPage, openProbe, startSite, WIDTHS, type Site} from "./lib/site.ts";

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const ID = "roads-severity";

test.each(Object.entries(WIDTHS))("the embed page passes the shared checks at %s width", async (_name, viewport) => {
  const {page, context} = await checkPage(site, `/embed/${ID}`, viewport, {skipLink: false});
  expect(await page.locator("figure.chart svg[role=img]").count()).toBeGreaterThan(0);
  expect(await page.locator("figure.chart table").count()).toBe(1);
  expect(await page.locator(".chart-meta").textContent()).toMatch(/^Source: /);
  await context.close();
});

test("the iframe code from a story page embeds the chart, which sizes itself, with no outside requests", async () => {
  const {page, context, consoleErrors, outsideRequests} = await openProbe(site, WIDTHS.desktop);
  await page.goto(site.url + "/stories/roads", {waitUntil: "networkidle"});
  const code = await page.locator(`#${ID}-embed-code`).inputValue();
  expect(code).toContain(`${site.url}/embed/${ID}`);
  // A news page on another site would paste this code; here it is a blank page holding it.
  await page.goto(site.url + "/404");
  await page.setContent(`<!DOCTYPE html><html lang="en"><body><h1>News release</h1>${code}</body></html>`);
  const frame = page.frameLocator("iframe");
  await expect.poll(() => frame.locator("figure.chart svg").count()).toBeGreaterThan(0);
  await expect.poll(async () => (await page.locator("iframe").boundingBox())?.height, {timeout: 10_000}).not.toBe(560);
  const height = (await page.locator("iframe").boundingBox())!.height;
  const inner = await frame.locator("html").evaluate((el) => el.scrollHeight);
  expect(Math.abs(height - inner)).toBeLessThanOrEqual(2);
  expect(outsideRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
  await context.close();
});

test("the chart's SVG and CSV are at stable addresses", async () => {
  const svg = await (await fetch(`${site.url}/downloads/charts/${ID}.svg`)).text();
  expect(svg).toMatch(/^<\?xml/);
  expect(svg).toContain("<title id=\"t\">");
  expect(svg).toContain("Source: ");
  const csv = await (await fetch(`${site.url}/downloads/charts/${ID}.csv`)).text();
  expect(csv.split("\n")[0]).toBe("Severity,Collisions");
});
