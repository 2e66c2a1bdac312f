// On a phone (375 and 320 px): an area page opens with its headline numbers and the trend, the contents folded, a
// way back to the top; every table names its scrolling region, keeps its caption in view and shows a shadow where
// it runs on; chart text is never drawn below 11 px.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {checkPage, smallestChartText, startSite, WIDTHS, type Site} from "./lib/site.ts";

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const PHONES = [["375px", WIDTHS.mobile], ["320px", {width: 320, height: 640}]] as const;

describe.each(PHONES)("at %s", (_name, viewport) => {
  test("an area page's first screen holds its headline numbers and the trend; the contents are folded", async () => {
    const {page, context} = await checkPage(site, "/areas/stafford", viewport);
    await page.evaluate(() => scrollTo(0, 0));
    const trend = await page.locator(".trend-sentence").boundingBox();
    expect(trend!.y + trend!.height, "the trend sentence is on the first screen").toBeLessThan(viewport.height);
    const first = await page.locator(".area-headlines .headline-number").first().boundingBox();
    expect(first!.y + first!.height, "the first headline number is on the first screen").toBeLessThan(viewport.height);
    expect(await page.locator("details.area-contents").getAttribute("open")).toBeNull();
    // The header's sections include Search (the search page has the box) in place of the header's own box.
    expect(await page.locator("nav[aria-label=Main] .nav-search-link a").isVisible()).toBe(true);
    // Back to the top from the end of the page.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    const back = page.locator(".back-to-top a");
    expect(await back.isVisible()).toBe(true);
    await back.click();
    await expect.poll(() => page.evaluate(() => scrollY)).toBeLessThan(200);
    expect(await smallestChartText(page)).toBeGreaterThanOrEqual(11);
    await context.close();
  });

  test("tables: a named scrolling region, the caption outside it, a shadow where the table runs on", async () => {
    const {page, context} = await checkPage(site, "/areas/stafford", viewport);
    const regions = await page.locator(".table-scroll").evaluateAll((els) => els.map((el) => {
      const caption = document.getElementById(el.getAttribute("aria-labelledby") ?? "");
      return {role: el.getAttribute("role"), tabindex: el.getAttribute("tabindex"), named: !!caption?.textContent?.trim(), captionOutside: !!caption && !el.contains(caption),
        overflows: el.scrollWidth > el.clientWidth + 1, shadow: getComputedStyle(el).backgroundImage.includes("radial-gradient")};
    }));
    expect(regions.length).toBeGreaterThan(5);
    for (const r of regions) expect(r).toMatchObject({role: "region", tabindex: "0", named: true, captionOutside: true, shadow: true});
    // At this width some tables run on: the caption stays put as the table scrolls.
    const wide = page.locator(".table-scroll").filter({has: page.locator("table.rate-table")});
    if (await wide.evaluate((el) => el.scrollWidth > el.clientWidth + 1)) {
      const caption = page.locator("#rate-table-caption");
      const before = (await caption.boundingBox())!.x;
      await wide.evaluate((el) => { el.scrollLeft = 200; });
      expect((await caption.boundingBox())!.x).toBe(before);
    }
    await context.close();
  });

  test("the home page's charts are readable", async () => {
    const {page, context} = await checkPage(site, "/", viewport);
    expect(await smallestChartText(page)).toBeGreaterThanOrEqual(11);
    await context.close();
  });
});
