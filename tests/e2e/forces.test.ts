// /forces in a browser: the shared checks at both widths, then what a reader would check — the force's rate and
// rank, the ranked chart with every compared force, the reports' ranks with their citations, the forces not
// shown, and that the page is reached from the home page and the navigation.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {formatRate} from "../../src/components/format.ts";
import {withExtracts} from "../../loaders/extracts/query.ts";
import {forcesFacts, type ForcesFacts} from "../../loaders/forces/facts.ts";
import {forcesTitle, reportRanks} from "../../loaders/forces/page.ts";
import {ordinal} from "../../loaders/lib/words.ts";
import {checkPage, startSite, WIDTHS, type Site} from "./lib/site.ts";

let site: Site;
let facts: ForcesFacts;
beforeAll(async () => {
  site = await startSite();
  facts = await withExtracts((db) => forcesFacts(db));
});
afterAll(async () => { await site?.close(); });

describe("forces page", () => {
  for (const [name, viewport] of Object.entries(WIDTHS)) {
    test(`passes the shared checks at ${name} width and shows the force's rate and rank`, async () => {
      const {page, context} = await checkPage(site, "/forces", viewport);
      expect(await page.locator("h1").textContent()).toBe(forcesTitle());
      expect(await page.locator('[data-measure="force-rate"]').textContent()).toBe(formatRate(facts.force.rate));
      expect(await page.locator('[data-measure="force-rank"]').textContent()).toBe(ordinal(facts.force.rank));
      // The ranked chart's table: every compared force and the average.
      const rows = page.locator('figure[data-chart="forces-crime-rates"] table tbody tr');
      expect(await rows.count()).toBe(facts.compared.length + 1);
      expect(await page.locator("figure.chart svg").count()).toBeGreaterThanOrEqual(2);
      // The reports' ranks, each with its source.
      expect(await page.locator('[data-testid="reports-table"] tbody tr').count()).toBe(reportRanks().length);
      expect(await page.locator(".published-cite").count()).toBe(reportRanks().length);
      expect(await page.locator('[data-testid="missing-forces"] li').count()).toBe(facts.missing.length);
      await context.close();
    });
  }

  test("is linked from the home page and the navigation", async () => {
    const context = await site.browser.newContext({viewport: WIDTHS.mobile});
    const page = await context.newPage();
    await page.goto(site.url + "/");
    await page.locator("main").getByRole("link", {name: forcesTitle()}).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/forces");
    const nav = await page.locator('nav[aria-label="Main"] a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(nav.filter((p) => p === "/forces")).toHaveLength(1);
    await context.close();
  });
});
