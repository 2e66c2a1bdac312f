// The site's shell pages pass the shared checks at both widths, and what a user would check is there.
// (The explore page has its own file: explore.test.ts.)
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {checkPage, startSite, WIDTHS, type Site} from "./lib/site.ts";

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

describe.each(Object.entries(WIDTHS))("at %s width", (_name, viewport) => {
  test("about page", async () => {
    const {page, context} = await checkPage(site, "/about", viewport);
    await expect.poll(() => page.locator("h2", {hasText: "Accessibility statement"}).count()).toBe(1);
    await context.close();
  });

  test("data page lists downloads that work", async () => {
    const {page, context} = await checkPage(site, "/data", viewport);
    const href = await page.locator('a[href$="street-crime-monthly.csv"]').first().getAttribute("href");
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect(response.status()).toBe(200);
    expect((await response.text()).split("\n")[0]).toBe("month,area_code,area_name,lsoa_code,crime_type,count");
    await context.close();
  });

  test("404 page", async () => {
    const {context} = await checkPage(site, "/404", viewport);
    await context.close();
  });
});
