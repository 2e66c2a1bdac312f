// The VAWG story in Chromium: shared checks at both widths for both pages; every chart with its description and
// table; the story read in order without JavaScript (the exit then a plain link); and the quick exit, by click and by
// Shift pressed three times: the page's content is hidden before the browser leaves (recorded the moment the exit
// runs, read back after Back), the history entry is replaced, no referrer is sent, presses announce their count, a
// slow third press or Shift with another key does not exit, and coming back (pageshow) resets it. The neutral page is
// answered by a route, so no request leaves the machine. (Holding its request open instead, to look at the page
// meanwhile, stalls every call into the page in this Chromium, so the moment is recorded in the page itself.)
import type {Page, Route} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {EXIT_URL} from "../../loaders/stories/vawg/quick-exit.ts";
import {checkPage, openProbe, startSite, WIDTHS, type Site} from "./lib/site.ts";
import {pagesNotLinkingTo} from "./lib/story-links.ts";

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const PATH = "/stories/vawg";
const EXIT = "[data-exit-this-page] a";

describe.each(Object.entries(WIDTHS))("vawg story at %s width", (_name, viewport) => {
  test("passes the shared checks, scrolled to the end, with every chart's description and table", async () => {
    const {page, context} = await checkPage(site, PATH, viewport);
    expect(await page.locator(".scrolly-step").count()).toBeGreaterThanOrEqual(8);
    const charts = page.locator(".scrolly-step figure.chart");
    expect(await charts.count()).toBeGreaterThanOrEqual(4);
    for (const figure of await charts.all()) {
      const id = await figure.getAttribute("data-chart");
      expect((await figure.locator(".chart-description").textContent())!.length, `${id} description`).toBeGreaterThan(40);
      expect(await figure.locator("details.chart-table table tbody tr").count(), `${id} table`).toBeGreaterThan(0);
    }
    await context.close();
  });

  test("its continuation page passes the shared checks too", async () => {
    const {page, context} = await checkPage(site, PATH + "-continued", viewport);
    expect(await page.locator(".scrolly-step").count()).toBeGreaterThanOrEqual(7);
    await context.close();
  });
});

/** Whether the exit button is on screen and not covered by anything, where the page is scrolled now. */
const exitOnScreen = (page: Page) => page.evaluate((selector) => {
  const a = document.querySelector(selector)!, r = a.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth && !!hit && a.contains(hit);
}, EXIT);

describe.each([["320px", {width: 320, height: 640}], ["desktop", WIDTHS.desktop]] as const)("the exit button at %s", (_name, viewport) => {
  test.each([PATH, PATH + "-continued"])("is on screen and uncovered at the top, half way and at the end of %s", async (path) => {
    const {page, context} = await checkPage(site, path, viewport);
    for (const y of [0, 0.5, 1]) {
      await page.evaluate((f) => scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * f), y);
      await expect.poll(() => exitOnScreen(page), {message: `exit on screen at ${y * 100}% of ${path}`}).toBe(true);
    }
    await context.close();
  });
});

// What the page looked like the moment the exit ran, before the browser left: recorded by listeners that run just
// after the exit's own (a click bubbling to window; a keyup reaching window after the document's capturing listener),
// and kept in sessionStorage, which the site's origin can read again once Back returns to it.
const RECORDER = `(() => {
  if (location.origin === "https://www.bbc.co.uk") return;
  const record = (how) => {
    if (!document.documentElement.classList.contains("exit-this-page-active") || sessionStorage.getItem("exit-seen")) return;
    const seen = (s) => { const el = document.querySelector(s); return !!el && getComputedStyle(el).visibility === "visible" && el.getClientRects().length > 0; };
    sessionStorage.setItem("exit-seen", JSON.stringify({how, path: location.pathname, title: seen("main h1"), step: seen(".scrolly-step"), note: seen(".content-note"),
      button: seen("[data-exit-this-page] a"), overlay: seen("[data-exit-overlay]"), overlayText: document.querySelector("[data-exit-overlay]")?.textContent,
      status: document.querySelector("[data-exit-this-page] [role=status]")?.textContent, referrer: [...document.querySelectorAll('meta[name="referrer"]')].at(-1)?.content}));
  };
  addEventListener("click", () => record("click"));
  addEventListener("keyup", () => record("keyup"));
})();`;

/** The site opened at "/" and then the story; the neutral page is answered by a stand-in (no request leaves). */
async function openStory(options: {clock?: boolean} = {}) {
  const probe = await openProbe(site, WIDTHS.desktop);
  const {page} = probe;
  if (options.clock) await page.clock.install();
  await page.addInitScript({content: RECORDER});
  const requests: {url: string; referer: string | undefined}[] = [];
  await page.route("https://www.bbc.co.uk/**", (route: Route) => {
    requests.push({url: route.request().url(), referer: route.request().headers()["referer"]});
    return route.fulfill({status: 200, contentType: "text/html", body: "<!doctype html><html lang=en-GB><title>Weather</title><p>Weather</p></html>"});
  });
  await page.goto(site.url + "/");
  await page.goto(site.url + PATH, {waitUntil: "networkidle"});
  return {...probe, requests};
}

/**
 * After an exit: the browser reached the neutral page with no referrer, Back returns to the page before the story
 * (the story's entry was replaced), and at the moment the exit ran the story was already hidden behind "Loading.".
 */
async function expectExitedHidden(page: Page, requests: {url: string; referer: string | undefined}[], how: string) {
  await page.waitForURL(EXIT_URL);
  expect(requests.map((r) => r.url)).toEqual([EXIT_URL]);
  expect(requests[0].referer).toBeUndefined();
  await page.goBack();
  expect(new URL(page.url()).pathname).toBe("/");
  const seen = JSON.parse((await page.evaluate(() => sessionStorage.getItem("exit-seen")))!);
  expect(seen).toMatchObject({how, path: PATH, title: false, step: false, note: false, button: false, overlay: true, overlayText: "Loading.", referrer: "no-referrer"});
  return seen;
}

test("the home page, the stories index (the nav's Stories) and every area page link to the story", async () => {
  expect(await pagesNotLinkingTo(site, PATH)).toEqual([]);
});

test("clicking the exit hides the page at once, then replaces it with the neutral page and sends no referrer", async () => {
  const {page, context, requests, consoleErrors} = await openStory();
  await page.locator(EXIT).click();
  await expectExitedHidden(page, requests, "click");
  expect(consoleErrors).toEqual([]);
  await context.close();
});

test("the exit is reachable by keyboard and works with Enter", async () => {
  const {page, context, requests} = await openStory();
  let tabs = 0;
  while (!(await page.evaluate((s) => document.activeElement === document.querySelector(s), EXIT)) && tabs < 15) {
    await page.keyboard.press("Tab");
    tabs++;
  }
  expect(tabs).toBeLessThan(15);
  await page.keyboard.press("Enter"); // a link activated by Enter fires click
  await expectExitedHidden(page, requests, "click");
  await context.close();
});

test("pressing Shift three times exits, announcing each press in a status region", async () => {
  const {page, context, requests} = await openStory();
  const status = page.locator("[data-exit-this-page] [role=status]");
  await page.keyboard.press("Shift");
  await expect.poll(() => status.textContent()).toBe("Shift, press 2 more times to exit.");
  await page.keyboard.press("Shift");
  await expect.poll(() => status.textContent()).toBe("Shift, press 1 more time to exit.");
  expect(requests).toEqual([]);
  expect(await page.locator("main h1").isVisible()).toBe(true);
  await page.keyboard.press("Shift");
  const seen = await expectExitedHidden(page, requests, "keyup");
  expect(seen.status).toBe("Loading.");
  await context.close();
});

test("Shift used with another key does not count, and presses more than 5 seconds apart expire", async () => {
  const {page, context, requests} = await openStory({clock: true});
  const status = page.locator("[data-exit-this-page] [role=status]");
  for (const key of ["Shift+A", "Shift+B", "Shift+C"]) await page.keyboard.press(key);
  expect(await status.textContent()).toBe("");
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await expect.poll(() => status.textContent()).toBe("Shift, press 1 more time to exit.");
  await page.clock.runFor(5001);
  await expect.poll(() => status.textContent()).toBe("Exit this page expired.");
  await page.keyboard.press("Shift");
  await expect.poll(() => status.textContent()).toBe("Shift, press 2 more times to exit.");
  expect(requests).toEqual([]);
  expect(await page.locator("main h1").isVisible()).toBe(true);
  await context.close();
});

test("coming back to the page (pageshow) shows it again and resets the count", async () => {
  const {page, context, requests} = await openStory();
  // Point the exit at this page's own #fragment, so it hides the page without leaving it, then come back.
  await page.evaluate((s) => document.querySelector(s)!.setAttribute("href", "#exit-test"), EXIT);
  await page.locator(EXIT).click();
  await expect.poll(() => page.locator("[data-exit-overlay]").isVisible()).toBe(true);
  expect(await page.locator("main h1").isVisible()).toBe(false);
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pageshow", {persisted: true})));
  expect(await page.locator("main h1").isVisible()).toBe(true);
  expect(await page.locator("[data-exit-overlay]").isVisible()).toBe(false);
  expect(await page.locator("[data-exit-this-page] [role=status]").textContent()).toBe("");
  expect(requests).toEqual([]);
  await context.close();
});

test("without JavaScript the exit is a plain link, and every step, chart and help line reads in order over the two pages", async () => {
  const context = await site.browser.newContext({viewport: WIDTHS.mobile, javaScriptEnabled: false});
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(site.url + PATH);
  expect(await page.locator(EXIT).getAttribute("href")).toBe(EXIT_URL);
  expect(await page.locator(EXIT).isVisible()).toBe(true);
  expect(await page.locator(".content-note .help-lines li").count()).toBeGreaterThanOrEqual(3);
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
  await page.waitForURL(/\/stories\/vawg-continued$/);
  expect(await page.locator(EXIT).getAttribute("href")).toBe(EXIT_URL);
  await readSteps();
  expect(ids).toEqual(expect.arrayContaining(["hook", "areas", "outcomes", "help", "browse-safely", "how"]));
  expect(await page.locator("#help .help-lines li").count()).toBeGreaterThanOrEqual(6);
  await context.close();
});
