// The Roads story in Chromium: shared checks at both widths, scrolled through; the first chart is in the
// HTML before any script; steps drive the graphic by scroll and by keyboard; reduced motion; downloads.
import {readFileSync} from "node:fs";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {checkPage, openProbe, smallestChartText, startSite, WIDTHS, type Site} from "./lib/site.ts";
import {rawCollisions} from "../unit/raw-counts.ts";

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const PATH = "/stories/roads";

describe.each(Object.entries(WIDTHS))("roads story at %s width", (_name, viewport) => {
  test("passes the shared checks, scrolled to the end", async () => {
    const {page, context} = await checkPage(site, PATH, viewport);
    expect(await page.locator(".scrolly-step").count()).toBeGreaterThanOrEqual(8);
    // every step's chart ended up as a graphic frame
    const charts = await page.locator(".scrolly-step[data-chart]").count();
    expect(await page.locator(".scrolly-frame").count()).toBe(charts);
    await context.close();
  });

  test("its continuation page (where readers without JavaScript go on) passes the shared checks too", async () => {
    const {page, context} = await checkPage(site, PATH + "-continued", viewport);
    expect(await page.locator(".scrolly-step").count()).toBeGreaterThanOrEqual(7);
    await context.close();
  });
});

test("the first chart is in the HTML, in the graphic, before any script runs", async () => {
  const html = await (await fetch(site.url + PATH)).text();
  expect(html).toMatch(/<div class="scrolly-frame is-active" data-chart="roads-severity">.*?<svg/s);
});

// Before the first chart can be laid out, the browser looks up each font size and weight the first screen uses
// (bench/README.md, "First paint"). The site's type scale (src/style.css) keeps the story's first screen to a few.
const FIRST_SCREEN_FONTS = 6;

describe.each(Object.entries(WIDTHS))("the story's first screen at %s width", (_name, viewport) => {
  test(`uses at most ${FIRST_SCREEN_FONTS} font sizes and weights`, async () => {
    const {page, context} = await openProbe(site, viewport);
    await page.goto(site.url + PATH);
    const fonts: string[] = await page.evaluate(`(() => {
      const seen = new Set();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node; (node = walker.nextNode());) {
        const el = node.parentElement, box = el.getBoundingClientRect();
        if (!node.textContent.trim() || !box.width || box.top > innerHeight) continue;
        const style = getComputedStyle(el);
        seen.add(style.fontSize + " " + (Number(style.fontWeight) >= 600 ? "bold" : "regular") + " " + style.fontStyle);
      }
      return [...seen].sort();
    })()`);
    expect(fonts.length, fonts.join(", ")).toBeLessThanOrEqual(FIRST_SCREEN_FONTS);
    await context.close();
  });
});

test("each kind of page carries only its own stylesheet rules, and none of Framework's sidebar or search", async () => {
  const head = async (path: string) => { const html = await (await fetch(site.url + path)).text(); return html.slice(0, html.indexOf("<body")); };
  const story = await head(PATH), area = await head("/areas/stafford"), home = await head("/");
  expect(story).toContain(".scrolly-step");
  expect(story).not.toContain(".area-list");
  expect(area).toContain(".area-list");
  expect(area).not.toContain(".scrolly-step");
  for (const css of [story, area, home]) expect(css).not.toMatch(/#observablehq-(sidebar|toc|search)/);
});

test("the hook's number is the count of fatal collisions in the raw STATS19 file", async () => {
  const raw = await rawCollisions();
  const year = Math.max(...raw.map((r) => r.year));
  const fatal = raw.filter((r) => r.year === year && r.severity === 1).length;
  const {page, context} = await openProbe(site, WIDTHS.desktop);
  await page.goto(site.url + PATH);
  expect(await page.locator("#hook-heading").textContent()).toBe(`${fatal} collisions killed someone in ${year}`);
  const csv = await (await page.request.get(site.url + "/downloads/charts/roads-severity.csv")).text();
  expect(csv.split("\n")[1]).toBe(`Fatal (someone died),${fatal}`);
  await context.close();
});

test("scrolling to a step shows its chart; focusing a step by keyboard does too", async () => {
  const {page, context, consoleErrors} = await openProbe(site, WIDTHS.desktop);
  await page.goto(site.url + PATH, {waitUntil: "networkidle"});
  const active = () => page.locator(".scrolly-frame.is-active").getAttribute("data-chart");
  await expect.poll(active).toBe("roads-severity");
  await page.locator("#where").scrollIntoViewIfNeeded();
  await page.evaluate(() => scrollBy(0, document.getElementById("where")!.getBoundingClientRect().top - innerHeight * 0.3));
  await expect.poll(active).toBe("roads-map");
  // a step with no chart of its own keeps the previous graphic
  await page.evaluate(() => scrollBy(0, document.getElementById("who")!.getBoundingClientRect().top - innerHeight * 0.3));
  await expect.poll(active).toBe("roads-urban-rural-light");
  await page.focus("#force");
  await expect.poll(active).toBe("roads-force-vs-stats19");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("force");
  expect(consoleErrors).toEqual([]);
  await context.close();
});

test("reduced motion turns transitions off; loading shifts no layout", async () => {
  const {page, context} = await openProbe(site, WIDTHS.desktop, {reducedMotion: true});
  await page.addInitScript(() => {
    (window as unknown as {cls: number}).cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as {value: number; hadRecentInput: boolean}[]) if (!e.hadRecentInput) (window as unknown as {cls: number}).cls += e.value;
    }).observe({type: "layout-shift", buffered: true});
  });
  await page.goto(site.url + PATH, {waitUntil: "networkidle"});
  const duration = await page.locator(".scrolly-frame").first().evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(duration.split(",").every((d) => parseFloat(d) === 0)).toBe(true);
  expect(await page.evaluate(() => (window as unknown as {cls: number}).cls)).toBeLessThan(0.05);
  await context.close();
});

describe.each([["375px", WIDTHS.mobile], ["320px", {width: 320, height: 640}]] as const)("on a phone (%s)", (_name, viewport) => {
  test("each step's chart sits in the flow of the steps, at full width, its text never below 11 px", async () => {
    const {page, context} = await checkPage(site, PATH, viewport);
    expect(await page.locator(".scrolly-graphic").isVisible()).toBe(false);
    for (const id of ["hook", "where", "speed"]) {
      const step = page.locator(`#${id}`);
      await step.scrollIntoViewIfNeeded();
      const plot = step.locator(".chart-plot svg[role=img]:visible").first();
      await expect.poll(() => plot.count()).toBe(1);
      const [plotBox, stepBox] = [await plot.boundingBox(), await step.boundingBox()];
      expect(plotBox!.y, `${id}: the chart is inside its step`).toBeGreaterThanOrEqual(stepBox!.y);
      expect(plotBox!.width, `${id}: the chart takes the step's width`).toBeGreaterThan(stepBox!.width * 0.8);
    }
    expect(await smallestChartText(page)).toBeGreaterThanOrEqual(11);
    await context.close();
  });
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
  // the first page ends with a visible link to the rest
  const next = page.locator(".scrolly-continue a");
  expect(await next.isVisible()).toBe(true);
  await next.click();
  await page.waitForURL(/\/stories\/roads-continued$/);
  await readSteps();
  expect(ids.length).toBeGreaterThanOrEqual(8);
  expect(ids.slice(0, 3)).toEqual(["hook", "areas", "where"]);
  expect(await page.locator(`a[href$="/stories/roads"], a[href="./roads"], a[href="roads"]`).first().isVisible()).toBe(true);
  await context.close();
});

test("with JavaScript the later steps are added after the first paint, and a link to one still lands on it", async () => {
  const {page, context, consoleErrors} = await openProbe(site, WIDTHS.desktop);
  await page.goto(site.url + PATH + "#force", {waitUntil: "networkidle"});
  expect(await page.locator("noscript[data-deferred]").count()).toBe(0);
  expect(await page.locator("[data-continue]").count()).toBe(0);
  expect(await page.locator(".scrolly-step").count()).toBeGreaterThanOrEqual(8);
  expect(await page.locator("#hook figure.chart#chart-roads-severity table").count()).toBe(1);
  const top = () => page.evaluate(() => Math.round(document.getElementById("force")!.getBoundingClientRect().top));
  await expect.poll(async () => { const t = await top(); return t >= 0 && t < 200; }).toBe(true);
  await expect.poll(() => page.locator(".scrolly-frame.is-active").getAttribute("data-chart")).toBe("roads-force-vs-stats19");
  // the step's own copy of its chart is not drawn (the graphic draws it), yet its PNG download works
  expect(await page.locator("#speed .chart-plot").isVisible()).toBe(false);
  await page.locator("#speed").scrollIntoViewIfNeeded();
  const download = page.waitForEvent("download");
  await page.locator("#speed button[data-chart-png]").click();
  const png = await (await download).path();
  const bytes = readFileSync(png!);
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(300); // width in pixels, from the IHDR chunk
  expect(consoleErrors).toEqual([]);
  await context.close();
});

test("if the later steps cannot be fetched, the link to them shows instead", async () => {
  const {page, context} = await openProbe(site, WIDTHS.desktop);
  await page.route("**/stories/roads-continued*", (route) => route.fulfill({status: 503, body: "unavailable"}));
  await page.goto(site.url + PATH, {waitUntil: "networkidle"});
  await expect.poll(() => page.locator(".scrolly-continue.is-failed a").isVisible()).toBe(true);
  expect(await page.locator(".scrolly-step").count()).toBe(1);
  await context.close();
});

test("on a phone, a step reached by a link or by keyboard starts on the screen", async () => {
  const {page, context} = await openProbe(site, WIDTHS.mobile);
  await page.goto(site.url + PATH + "#force", {waitUntil: "networkidle"});
  const onScreen = (id: string) => page.evaluate((id) => {
    const top = document.getElementById(id)!.getBoundingClientRect().top;
    return top >= 0 && top < innerHeight / 2;
  }, id);
  await expect.poll(() => onScreen("force")).toBe(true);
  await page.focus("#speed");
  await expect.poll(() => onScreen("speed")).toBe(true);
  await context.close();
});
