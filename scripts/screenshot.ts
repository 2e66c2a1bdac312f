// Developer aid: full-page screenshots of built pages at desktop and phone widths, for looking at.
// Usage: npx tsx scripts/screenshot.ts /path [/other] → tests/e2e/screenshots/*.png
import {mkdirSync} from "node:fs";
import {startSite, WIDTHS, scrollThrough} from "../tests/e2e/lib/site.ts";

const paths = process.argv.slice(2);
const site = await startSite();
mkdirSync("tests/e2e/screenshots", {recursive: true});
for (const path of paths.length ? paths : ["/"]) {
  for (const [name, viewport] of Object.entries(WIDTHS)) {
    const context = await site.browser.newContext({viewport});
    const page = await context.newPage();
    await page.goto(site.url + path, {waitUntil: "networkidle"});
    if (process.env.PRINT) await page.emulateMedia({media: "print"});
    await scrollThrough(page);
    const file = `tests/e2e/screenshots/${(path.replace(/\//g, "_") || "_") + (process.env.PRINT ? "-print" : "")}-${name}.png`;
    await page.screenshot({path: file, fullPage: true});
    console.log(file);
    await context.close();
  }
}
await site.close();
