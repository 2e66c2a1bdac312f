// An area page printed for a partnership meeting (Chromium's PDF, read back with pdfjs-dist): a pack of at most 8 A4
// pages with the headline numbers, every chart with its data table, the map with its key, link addresses and a
// footer giving the page's address and the date; no blank or nearly blank page.
import {afterAll, beforeAll, expect, test} from "vitest";
import {formatCount} from "../../src/components/format.ts";
import {areaFacts, factsFor} from "../../loaders/areas/facts.ts";
import {withExtracts} from "../../loaders/extracts/query.ts";
import {pdfPages} from "./lib/pdf.ts";
import {areas} from "../../loaders/lib/force.ts";
import {startSite, WIDTHS, type Site} from "./lib/site.ts";

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const MAX_PAGES = 8;

test.each(areas.map((a) => a.slug))("the %s page prints as a meeting pack", async (slug) => {
  const all = await withExtracts((db) => areaFacts(db));
  const f = factsFor(all, slug);
  const context = await site.browser.newContext({viewport: WIDTHS.desktop});
  const page = await context.newPage();
  await page.goto(`${site.url}/areas/${slug}`, {waitUntil: "networkidle"});
  await page.evaluate(() => (window as unknown as {siteReady: Promise<void>}).siteReady);
  const pages = await pdfPages(await page.pdf({format: "A4", printBackground: true}));
  const text = pages.join("\n");
  expect(pages.length, `${slug}: ${pages.length} A4 pages`).toBeLessThanOrEqual(MAX_PAGES);
  // No blank page and no page left with an orphan line or two.
  for (const [i, p] of pages.entries()) expect(p.replace(/\s+/g, "").length, `page ${i + 1} of ${pages.length} holds little: ${p.slice(0, 200)}`).toBeGreaterThan(400);
  // The headline numbers.
  expect(text).toContain(formatCount(f.crime));
  expect(text).toContain(formatCount(f.asb));
  // Each chart's data table prints: the rows of the trend table (every month held) and of the rate table.
  const figures = await page.locator("figure.chart").count();
  expect(figures).toBeGreaterThanOrEqual(7);
  for (const caption of await page.locator("figure.chart .table-caption").allTextContents()) expect(text.replace(/\s+/g, " ")).toContain(caption.replace(/\s+/g, " ").slice(0, 40));
  const trendRows = await page.locator(`#chart-area-${slug}-trend tbody tr`).allInnerTexts();
  expect(trendRows.length).toBeGreaterThan(12);
  const flat = text.replace(/\s+/g, " ");
  for (const row of [trendRows[0], trendRows.at(-1)!]) expect(flat).toContain(row.replace(/\s+/g, " ").trim());
  // The map's key: what the numbered areas are.
  expect(flat).toMatch(/Numbers 1 to \d+ on the map mark/);
  // Link addresses, and the footer with the page's address and the date.
  expect(flat).toMatch(/\(\/downloads\/areas\/[a-z-]+-street-crime-monthly\.csv\)|\/downloads\/areas\//);
  expect(flat).toContain(`/areas/${slug}`);
  expect(flat).toMatch(/Printed .*\d{1,2} \w+ \d{4}/);
  await context.close();
});
