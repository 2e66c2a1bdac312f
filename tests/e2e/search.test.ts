// Site search: a static index of every page's sections, charts and published figures, searched in the browser
// with no request to any other site, and usable with the keyboard alone (from the header's search box).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, expect, test} from "vitest";
import {ROOT} from "../../loaders/lib/paths.ts";
import {loadIndex} from "../../src/components/search.ts";
import {checkPage, openProbe, startSite, WIDTHS, type Site} from "./lib/site.ts";

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

test("the index holds pages, sections, charts and published figures", () => {
  const index = loadIndex(readFileSync(join(ROOT, process.env.SITE_DIST ?? "dist", "search-index.json"), "utf8"));
  const kinds = (q: string) => new Set(index.search(q).map((r) => r.kind));
  expect(index.search("Tamworth").some((r) => r.url === "/areas/tamworth" && r.kind === "Page")).toBe(true);
  expect(kinds("collisions")).toContain("Chart");
  expect(index.search("anti-social behaviour").some((r) => r.kind === "Section")).toBe(true);
  expect([...index.search("report").map((r) => r.kind)]).toContain("Published figure");
  // Each row of /figures is found at its own anchor, and the new pages are found by their titles.
  expect(index.search("fatal road traffic collisions").some((r) => r.url === "/figures#roads-fatal-collisions-2023" && r.kind === "Published figure")).toBe(true);
  expect(index.search("among the forces").some((r) => r.url === "/forces")).toBe(true);
  expect(index.search("force performance report").some((r) => r.url.startsWith("/figures/documents/"))).toBe(true);
  // The later steps of a story are found at the story's own address.
  expect(index.search("speed limit").some((r) => r.url.startsWith("/stories/roads#"))).toBe(true);
});

test.each(Object.entries(WIDTHS))("the search page passes the shared checks at %s width", async (_name, viewport) => {
  const {context} = await checkPage(site, "/search?q=stafford", viewport);
  await context.close();
});

test("by keyboard from the header: type, Enter, then Tab to the first result and follow it", async () => {
  const {page, context, outsideRequests, consoleErrors} = await openProbe(site, WIDTHS.desktop);
  await page.goto(site.url + "/about", {waitUntil: "networkidle"});
  await page.locator("#site-search-q").focus();
  await page.keyboard.type("tamworth");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\?q=tamworth/);
  await expect.poll(() => page.locator("#search-status").textContent()).toMatch(/\d+ results? for “tamworth”/);
  const first = page.locator("#search-results a").first();
  expect(await first.getAttribute("href")).toBe("/areas/tamworth");
  // From the search box, the next Tab stops are the button, then the results.
  await page.locator("#search-q").focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("/areas/tamworth");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/areas\/tamworth$/);
  // Typing searches as you go, and says when nothing matches.
  await page.goto(site.url + "/search", {waitUntil: "networkidle"});
  await page.locator("#search-q").fill("zzzzqqq");
  await expect.poll(() => page.locator("#search-status").textContent()).toMatch(/^No results/);
  expect(outsideRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
  await context.close();
});
