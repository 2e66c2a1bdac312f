import {startSite, openProbe, WIDTHS} from "/work/main/tests/e2e/lib/site.ts";
const site = await startSite();
let miss = 0;
for (let i = 0; i < 30; i++) {
  const {page, context} = await openProbe(site, WIDTHS.desktop);
  await page.goto(`${site.url}/figures#roads-serious-collisions-2023`);
  await page.evaluate(() => (window as any).siteReady);
  const t = await page.evaluate(() => [document.querySelector(":target")?.id, document.readyState, location.hash, scrollY, document.getElementById("roads-serious-collisions-2023")?.getBoundingClientRect().top]);
  if (!t[0]) { miss++; console.log(t); await page.waitForTimeout(1000); console.log(await page.evaluate(() => [document.querySelector(":target")?.id, scrollY])); }
  await context.close();
}
console.log("missing target", miss);
await site.close();
