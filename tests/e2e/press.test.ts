// What the press office takes away: the SVG and PNG images carry the title, source and licence line with nothing cut
// off, at desktop and phone widths; the embed code has Copy buttons whose result is announced; a compact embed.
import {readFileSync} from "node:fs";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {LICENCE_LINE} from "../../src/components/chart-parts.ts";
import {openProbe, startSite, WIDTHS, type Site} from "./lib/site.ts";

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

// A line chart with a key, a bar chart with long labels, and a map with a key and numbered areas.
const CHARTS = ["home-monthly-crime-asb", "area-stafford-crime-rates", "area-stafford-lsoa-map", "roads-severity"];

/** Every text of an SVG image, laid out in the browser: its box, and whether it lies inside the image. */
async function textsInside(page: import("playwright-core").Page, svg: string) {
  await page.setContent(`<!DOCTYPE html><html lang="en"><body style="margin:0">${svg.replace(/^<\?xml[^>]*>\s*/, "")}</body></html>`);
  return page.evaluate(() => {
    const root = document.querySelector("body > svg") as SVGSVGElement;
    const outer = root.getBoundingClientRect();
    return Array.from(root.querySelectorAll("text")).filter((t) => t.textContent?.trim()).map((t) => {
      const r = t.getBoundingClientRect();
      return {text: t.textContent!.trim(), inside: r.left >= outer.left - 0.5 && r.right <= outer.right + 0.5 && r.top >= outer.top - 0.5 && r.bottom <= outer.bottom + 0.5};
    });
  });
}

describe("the SVG download", () => {
  test.each(CHARTS)("%s: title, source and licence line, no text outside the image", async (id) => {
    const svg = await (await fetch(`${site.url}/downloads/charts/${id}.svg`)).text();
    const json = await (await fetch(`${site.url}/downloads/charts/${id}.json`)).json() as {title: string; source: string};
    const {page, context} = await openProbe(site, WIDTHS.desktop);
    const texts = await textsInside(page, svg);
    const all = texts.map((t) => t.text).join(" ");
    expect(all).toContain(json.title.split(" ").slice(0, 4).join(" "));
    expect(all).toContain("Source:");
    expect(all).toContain(LICENCE_LINE.split(" ").slice(0, 5).join(" "));
    expect(texts.filter((t) => !t.inside).map((t) => t.text)).toEqual([]);
    await context.close();
  });
});

describe.each(Object.entries(WIDTHS))("the PNG download at %s width", (_name, viewport) => {
  test("is the chart with its title, key, source and licence, nothing cut off", async () => {
    const {page, context, consoleErrors} = await openProbe(site, viewport);
    await page.goto(site.url + "/areas/stafford", {waitUntil: "networkidle"});
    for (const id of ["area-stafford-crime-rates", "area-stafford-lsoa-map"]) {
      const figure = page.locator(`#chart-${id}`);
      await figure.scrollIntoViewIfNeeded();
      await figure.locator(".chart-plot").hover(); // the chart becomes interactive, drawn at its exact width
      await expect.poll(() => figure.locator(".chart-plot.is-live").count(), {timeout: 15_000}).toBe(1);
      const download = page.waitForEvent("download");
      await figure.locator("button[data-chart-png]").click();
      const png = readFileSync((await (await download).path())!);
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      const width = png.readUInt32BE(16) / 2, height = png.readUInt32BE(20) / 2;
      const plot = await figure.locator(".chart-plot").boundingBox();
      // As wide as the chart is drawn (plus a margin), and taller than the chart by its title and source lines.
      expect(Math.abs(width - (plot!.width + 24))).toBeLessThan(30);
      expect(height).toBeGreaterThan(plot!.height + 60);
      // The same image, as SVG in the page, has all its text inside it.
      // (As a string, so the test runner does not rewrite the page's import().)
      const svg = await page.evaluate(`(async () => {
        const modules = Array.from(document.querySelectorAll("script[type=module]")).map((s) => s.textContent).join("\\n");
        const src = /import\\("([^"]*chart-client[^"]*)"\\)/.exec(modules)[1];
        const client = await import(new URL(src, location.href).href);
        const figure = document.getElementById("chart-${id}");
        return client.chartImage(figure, await client.specOf(figure));
      })()`) as string;
      const texts = await textsInside(await context.newPage(), svg);
      expect(texts.map((t) => t.text).join(" ")).toContain("Open Government Licence");
      expect(texts.filter((t) => !t.inside).map((t) => t.text)).toEqual([]);
    }
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

test("the embed code's Copy button copies it and says so to screen readers; a compact embed sits beside it", async () => {
  const {page, context} = await openProbe(site, WIDTHS.desktop);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(site.url + "/areas/stafford", {waitUntil: "networkidle"});
  const figure = page.locator("#chart-area-stafford-trend");
  await figure.locator("summary", {hasText: "Embed this chart"}).click();
  const status = figure.locator(".embed-status[role=status]");
  await figure.getByRole("button", {name: "Copy the embed code"}).click();
  await expect.poll(() => status.textContent()).toMatch(/copied/i);
  const full = await figure.locator("#area-stafford-trend-embed-code").inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(full);
  await figure.getByRole("button", {name: "Copy the compact embed code"}).click();
  const compact = await figure.locator("#area-stafford-trend-embed-code-compact").inputValue();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(compact);
  expect(compact).toContain(`${site.url}/embed/area-stafford-trend?compact`);
  // Clicking the code selects all of it.
  await figure.locator("#area-stafford-trend-embed-code").click();
  expect(await page.evaluate(() => getSelection()?.toString() || (document.activeElement as HTMLTextAreaElement).value.slice((document.activeElement as HTMLTextAreaElement).selectionStart, (document.activeElement as HTMLTextAreaElement).selectionEnd))).toBe(full);
  // The compact embed: chart, title, source and a link to the rest; no description, table or downloads.
  await page.goto(`${site.url}/embed/area-stafford-trend?compact`, {waitUntil: "networkidle"});
  expect(await page.locator(".chart-title").isVisible()).toBe(true);
  expect(await page.locator(".chart-plot svg").first().isVisible()).toBe(true);
  expect(await page.locator(".chart-meta").textContent()).toMatch(/^Source: /);
  expect(await page.locator("a.embed-full").isVisible()).toBe(true);
  for (const hidden of [".chart-description", "details.chart-table", ".chart-actions"]) expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
  const compactHeight = await page.evaluate(() => document.body.scrollHeight);
  await page.goto(`${site.url}/embed/area-stafford-trend`, {waitUntil: "networkidle"});
  expect(await page.evaluate(() => document.body.scrollHeight)).toBeGreaterThan(compactHeight + 50);
  await context.close();
});
