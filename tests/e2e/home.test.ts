import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {checkPage, startSite, WIDTHS, type Site} from "./lib/site.ts";

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

describe("home page", () => {
  for (const [name, viewport] of Object.entries(WIDTHS)) {
    test(`passes the shared checks at ${name} width`, async () => {
      const {page, context} = await checkPage(site, "/", viewport);
      const chart = page.locator("figure.chart").first();
      await expect.poll(() => chart.locator("svg").count()).toBeGreaterThan(0);
      expect(await chart.locator("table tbody tr").count()).toBe(24);
      await context.close();
    });
  }
});
