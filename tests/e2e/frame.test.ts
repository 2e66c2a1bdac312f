// The site's frame, as a reader finds it: the navigation's sections, a header as wide as the window, headings that
// are not tab stops, who runs the site and when its data was updated, the accessibility statement's sections, and
// the data page's source addresses as links.
import {afterAll, beforeAll, expect, test} from "vitest";
import {force} from "../../loaders/lib/force.ts";
import {formatDay, lastUpdated} from "../../loaders/pages/about.ts";
import {openProbe, startSite, WIDTHS, type Site} from "./lib/site.ts";

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

test("navigation, header, footer and tab stops", async () => {
  const {page, context} = await openProbe(site, WIDTHS.desktop);
  await page.goto(site.url + "/about", {waitUntil: "networkidle"});
  const nav = await page.locator("nav[aria-label=Main] a").allTextContents();
  for (const section of ["Stories", "Local areas", "Explore", "Data", "About"]) expect(nav).toContain(section);
  const [header, viewport] = await page.evaluate(() => [document.querySelector(".site-header")!.getBoundingClientRect().width, document.documentElement.clientWidth]);
  expect(header).toBe(viewport);
  // Headings' own anchor links are out of the tab order.
  const anchors = page.locator("a.observablehq-header-anchor");
  expect(await anchors.count()).toBeGreaterThan(3);
  expect(new Set(await anchors.evaluateAll((as) => as.map((a) => a.getAttribute("tabindex"))))).toEqual(new Set(["-1"]));
  const footer = await page.locator("#observablehq-footer").innerText();
  expect(footer).toContain(`Data last updated ${formatDay(lastUpdated())}`);
  expect(footer).toContain(force.owner.name || "[to be filled in by the site's owner]");
  expect(footer).toContain("Accessibility statement");
  await context.close();
});

test("the accessibility statement has the model statement's sections", async () => {
  const {page, context} = await openProbe(site, WIDTHS.desktop);
  await page.goto(site.url + "/about", {waitUntil: "networkidle"});
  const headings = await page.locator("main h2, main h3, main h4").allTextContents();
  for (const h of ["Who runs this site", "Accessibility statement", "How accessible this website is", "Feedback and contact information",
    "Reporting accessibility problems with this website", "Enforcement procedure", "Compliance status", "Preparation of this accessibility statement"]) {
    expect(headings).toContain(h);
  }
  expect(await page.locator("main").innerText()).toMatch(/partially compliant with the Web Content Accessibility Guidelines version 2\.2 AA standard/);
  await context.close();
});

test("the data page's source addresses are links, and its contents links land on their sections", async () => {
  const {page, context} = await openProbe(site, WIDTHS.mobile);
  await page.goto(site.url + "/data", {waitUntil: "networkidle"});
  const links = await page.locator("#provenance-caption + .table-scroll a.source-url").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(links.length).toBeGreaterThan(3);
  for (const href of links) expect(href).toMatch(/^https:\/\//);
  expect(await page.locator("main h2").allTextContents()).not.toContainEqual(expect.stringMatching(/\{#/));
  await page.goto(site.url + "/data#street-crime-monthly", {waitUntil: "networkidle"});
  const top = await page.evaluate(() => document.getElementById("street-crime-monthly")!.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(200);
  await context.close();
});
