// Every page carries a Content-Security-Policy that allows only the site's own origin (its inline scripts by
// hash) and a Referrer-Policy, and runs whole under it in Chromium with no violation reported; the embed code loads
// resize.js with an integrity hash, from another site too.
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {openProbe, scrollThrough, startSite, WIDTHS, type Site} from "./lib/site.ts";

const PAGES = ["/", "/stories/roads", "/stories/roads-continued", "/areas/stafford", "/areas/", "/data", "/about", "/explore", "/embed/roads-severity", "/no-such-page"];

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

/** Records every securitypolicyviolation from the first script on. */
const LISTEN = `window.__violations = []; document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sample || "")));`;

describe("Content-Security-Policy and Referrer-Policy", () => {
  test.each(PAGES)("%s has both, allowing only its own origin", async (path) => {
    const html = await (await fetch(site.url + path)).text();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    expect(csp, "a CSP meta tag").toBeDefined();
    // Before any script or stylesheet it governs.
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.search(/<script|<style|<link/));
    expect(html).toContain('<meta name="referrer" content="same-origin">');
    const directives = Object.fromEntries(csp!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    for (const values of Object.values(directives) as string[][]) {
      for (const v of values) expect(v, "no other origin, scheme or wildcard").toMatch(/^('self'|'none'|'unsafe-inline'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/=]+'|data:|blob:)$/);
    }
    expect(directives["script-src"]).not.toContain("'unsafe-inline'");
    const inline = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)].filter((m) => !/\ssrc=/.test(m[1] ?? "") && !/type="application\/json"/.test(m[1] ?? ""));
    expect(directives["script-src"].filter((v: string) => v.startsWith("'sha256-")).length, "one hash per distinct inline script").toBe(new Set(inline.map((m) => m[2])).size);
  });

  test.each(PAGES)("%s runs whole with no violation reported", async (path) => {
    const probe = await openProbe(site, WIDTHS.desktop);
    await probe.page.addInitScript(LISTEN);
    const response = await probe.page.goto(site.url + path, {waitUntil: "load"});
    expect(response?.status()).toBe(path === "/no-such-page" ? 404 : 200);
    await probe.page.evaluate(() => (window as unknown as {siteReady?: Promise<unknown>}).siteReady);
    await probe.page.waitForLoadState("networkidle");
    await scrollThrough(probe.page);
    // The page's own scripts ran: every chart's embed code has been given the page's origin.
    const unfilled = () => probe.page.locator("textarea.embed-code").evaluateAll((els, origin) => els.filter((e) => !(e as HTMLTextAreaElement).value.includes(origin)).length, site.url);
    await expect.poll(unfilled, {timeout: 30_000}).toBe(0); // a state, not a time: under load modules run late
    expect(await probe.page.evaluate(() => (window as unknown as {__violations: string[]}).__violations)).toEqual([]);
    expect(probe.consoleErrors.filter((e) => !(path === "/no-such-page" && /status of 404/.test(e)))).toEqual([]);
    await probe.context.close();
  });

  test("a script the policy does not list is blocked and reported (the listener above can fail)", async () => {
    const probe = await openProbe(site, WIDTHS.desktop);
    await probe.page.addInitScript(LISTEN);
    await probe.page.goto(site.url + "/about", {waitUntil: "networkidle"});
    await probe.page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__ran = true;";
      document.body.append(s);
    });
    await expect.poll(() => probe.page.evaluate(() => (window as unknown as {__violations: string[]}).__violations.length)).toBe(1);
    expect(await probe.page.evaluate(() => (window as unknown as {__ran?: boolean}).__ran)).toBeUndefined();
    await probe.context.close();
  });

  test("the explorer starts DuckDB-WASM under the policy", async () => {
    const probe = await openProbe(site, WIDTHS.desktop);
    await probe.page.addInitScript(LISTEN);
    await probe.page.goto(site.url + "/explore", {waitUntil: "networkidle"});
    await probe.page.getByRole("button", {name: "Start the explorer"}).click();
    await expect.poll(() => probe.page.locator("[data-output] figure.chart table tbody tr").count(), {timeout: 90_000}).toBeGreaterThan(0);
    expect(await probe.page.evaluate(() => (window as unknown as {__violations: string[]}).__violations)).toEqual([]);
    expect(probe.consoleErrors).toEqual([]);
    await probe.context.close();
  });
});

describe("the embed code on another site", () => {
  let other: Server;
  let otherUrl: string;
  beforeAll(async () => {
    // A news site on another origin (another port) that pastes the embed code into its page.
    const code = await (async () => {
      const probe = await openProbe(site, WIDTHS.desktop);
      await probe.page.goto(site.url + "/stories/roads", {waitUntil: "networkidle"});
      const value = await probe.page.locator("#roads-severity-embed-code").inputValue();
      await probe.context.close();
      return value;
    })();
    other = createServer((_req, res) => {
      res.writeHead(200, {"content-type": "text/html; charset=utf-8"});
      res.end(`<!DOCTYPE html><html lang="en"><head><title>News release</title></head><body><h1>News release</h1>${code}</body></html>`);
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

  test("offers resize.js with its integrity hash, which the browser checks and runs", async () => {
    const context = await site.browser.newContext({viewport: WIDTHS.desktop});
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(otherUrl, {waitUntil: "load"});
    const script = page.locator('script[src$="/embed/resize.js"]');
    expect(await script.getAttribute("integrity")).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
    expect(await script.getAttribute("crossorigin")).toBe("anonymous");
    // The script ran (integrity matched): the iframe is sized to the chart, not left at its fixed 560 px.
    await expect.poll(async () => (await page.locator("iframe").boundingBox())?.height, {timeout: 30_000}).not.toBe(560);
    expect(errors).toEqual([]);
    await context.close();
  });
});
