// Developer aid: a viewport screenshot of every scrollytelling step, at desktop and phone widths.
// Usage: npx tsx scripts/screenshot-steps.ts /stories/roads → tests/e2e/screenshots/steps-*.png
import {mkdirSync} from "node:fs";
import {startSite, WIDTHS} from "../tests/e2e/lib/site.ts";

const path = process.argv[2] ?? "/stories/roads";
const site = await startSite();
mkdirSync("tests/e2e/screenshots", {recursive: true});
for (const [name, viewport] of Object.entries(WIDTHS)) {
  const context = await site.browser.newContext({viewport});
  const page = await context.newPage();
  await page.goto(site.url + path, {waitUntil: "networkidle"});
  const ids = await page.$$eval(".scrolly-step", (els) => els.map((e) => e.id));
  for (const [i, id] of ids.entries()) {
    await page.evaluate((id) => {
      const el = document.getElementById(id)!;
      scrollTo(0, el.getBoundingClientRect().top + scrollY - innerHeight * 0.3);
    }, id);
    await page.waitForTimeout(600);
    const file = `tests/e2e/screenshots/steps-${name}-${String(i + 1).padStart(2, "0")}-${id}.png`;
    await page.screenshot({path: file});
    console.log(file);
  }
  await context.close();
}
await site.close();
