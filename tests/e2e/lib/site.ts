// Shared browser-test helpers: serve dist/, drive Debian's Chromium through playwright-core, and run the
// checks every page must pass (status, console, outside requests, axe WCAG 2.2 A/AA, lang, skip link).
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";
import {expect} from "vitest";
import {serveDist, type RunningServer} from "../../../scripts/static-server.ts";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const WIDTHS = {desktop: {width: 1280, height: 900}, mobile: {width: 375, height: 740}} as const;

export interface Site {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  const server: RunningServer = await serveDist();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Flags for a closed network: no background calls to Google services.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
  });
  return {url: server.url, browser, async close() {
    await browser.close();
    await server.close();
  }};
}

export interface PageProbe {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  outsideRequests: string[];
  failedRequests: string[];
  bytes(): number;
}

/** A fresh page that records console errors, requests to any other host, and failed requests. */
export async function openProbe(site: Site, viewport: {width: number; height: number}, options: {reducedMotion?: boolean; javaScript?: boolean} = {}): Promise<PageProbe> {
  const context = await site.browser.newContext({viewport, reducedMotion: options.reducedMotion ? "reduce" : "no-preference", acceptDownloads: true, javaScriptEnabled: options.javaScript ?? true});
  const page = await context.newPage();
  const origin = new URL(site.url).origin;
  const probe: PageProbe = {page, context, consoleErrors: [], outsideRequests: [], failedRequests: [], bytes: () => total};
  let total = 0;
  page.on("console", (m) => { if (m.type() === "error") probe.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => probe.consoleErrors.push(`pageerror: ${e.message}`));
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("data:") || url.startsWith("blob:") || new URL(url).origin === origin) return route.continue();
    probe.outsideRequests.push(url);
    return route.abort();
  });
  page.on("response", (r) => {
    if (r.status() >= 400) probe.failedRequests.push(`${r.status()} ${r.url()}`);
    // A response can still be arriving when a test closes the page: its size then no longer matters.
    r.allHeaders().then((h) => { total += Number(h["content-length"] ?? 0); }, () => {});
  });
  return probe;
}

/** Scrolls to the end in steps, so lazy and scroll-driven content has run. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, Math.floor(innerHeight * 0.6));
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 60));
    }
    scrollTo(0, document.documentElement.scrollHeight);
    await new Promise((r) => setTimeout(r, 200));
  });
}

/**
 * The smallest size, in CSS pixels as drawn, of any text in a visible chart (its SVG text scaled by the SVG's
 * drawn width against its own, and the legends' HTML text): chart text is never drawn below 11 px.
 */
export async function smallestChartText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let smallest = Infinity;
    for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>("figure.chart .chart-plot svg"))) {
      const box = svg.getBoundingClientRect();
      const own = svg.viewBox.baseVal?.width || Number(svg.getAttribute("width")) || box.width;
      if (!box.width || !own) continue;
      for (const text of Array.from(svg.querySelectorAll("text"))) {
        if (!text.textContent?.trim() || !text.getClientRects().length) continue;
        smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * (box.width / own));
      }
    }
    for (const label of Array.from(document.querySelectorAll<HTMLElement>("figure.chart .chart-plot [class$='-swatches'], figure.chart .chart-plot [class$='-swatch']"))) {
      if (label.getClientRects().length && label.textContent?.trim()) smallest = Math.min(smallest, parseFloat(getComputedStyle(label).fontSize));
    }
    return Math.round(smallest * 10) / 10;
  });
}

export async function axeViolations(page: Page): Promise<string[]> {
  // Through DevTools, not a <script> tag: the page's Content-Security-Policy blocks inline scripts it does not list.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}, resultTypes: ["violations"]});
    return r.violations.map((v: {id: string; help: string; nodes: {target: string[]}[]}) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`);
  });
  return results as string[];
}

/** Tab once: the skip link is first and visible; following it moves focus into <main>. */
export async function checkSkipLink(page: Page): Promise<void> {
  await page.evaluate(() => scrollTo(0, 0));
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => {
    const a = document.activeElement as HTMLAnchorElement | null;
    const r = a?.getBoundingClientRect();
    return {text: a?.textContent?.trim(), href: a?.getAttribute("href"), visible: !!r && r.top >= 0 && r.height > 0};
  });
  expect(first.text).toBe("Skip to main content");
  expect(first.visible).toBe(true);
  const target = first.href!;
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  const inMain = await page.evaluate((id) => !!document.activeElement?.closest("main") && !!document.querySelector(id)?.closest("main"), target);
  expect(inMain, "after the skip link, the next Tab lands inside main").toBe(true);
}

/** Every check a page must pass. Returns the probe for further, page-specific checks. */
export async function checkPage(site: Site, path: string, viewport: {width: number; height: number}, options: {reducedMotion?: boolean; skipLink?: boolean} = {}): Promise<PageProbe> {
  const probe = await openProbe(site, viewport, options);
  const response = await probe.page.goto(site.url + path, {waitUntil: "load"});
  expect(response?.status(), `${path} HTTP status`).toBe(200);
  await probe.page.waitForLoadState("networkidle");
  await scrollThrough(probe.page);
  expect(await probe.page.getAttribute("html", "lang")).toBe("en-GB");
  const overflow = await probe.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${path} must not scroll sideways at ${viewport.width}px`).toBeLessThanOrEqual(0);
  expect(await axeViolations(probe.page), `${path} axe violations at ${viewport.width}px`).toEqual([]);
  if (options.skipLink !== false) await checkSkipLink(probe.page); // embed pages have no navigation to skip
  expect(probe.outsideRequests, `${path} requests to other hosts`).toEqual([]);
  expect(probe.failedRequests, `${path} failed requests`).toEqual([]);
  expect(probe.consoleErrors, `${path} console errors`).toEqual([]);
  return probe;
}
