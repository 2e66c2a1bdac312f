import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {readManifest} from "../../loaders/lib/manifest.ts";
import {checkPage, startSite, WIDTHS, type Site} from "./lib/site.ts";

// The monthly chart holds every month the snapshot holds, crime and anti-social behaviour: one table row each.
const MONTHS_HELD = readManifest().files.filter((f) => f.source === "police-uk" && f.kind === "street").length;

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

describe("home page", () => {
  for (const [name, viewport] of Object.entries(WIDTHS)) {
    test(`passes the shared checks at ${name} width`, async () => {
      const {page, context} = await checkPage(site, "/", viewport);
      const chart = page.locator("figure.chart").first();
      await expect.poll(() => chart.locator("svg").count()).toBeGreaterThan(0);
      expect(await chart.locator("table tbody tr").count()).toBe(MONTHS_HELD * 2);
      expect(await page.locator('[data-testid="trend-verdict"]').count()).toBe(1);
      await context.close();
    });
  }
});
