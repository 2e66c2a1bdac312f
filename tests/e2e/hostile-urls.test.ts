// Hostile and careless addresses for every kind of page: malformed escapes in the fragment and the query, script
// payloads, huge values, trailing slashes. Each must give the whole page — the same headings, charts, tables and
// enhancements as its plain address, its deferred sections and continuation in place — with no script run from
// the address, no page error and no request to another host.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import type {Page} from "playwright-core";
import {openProbe, startSite, WIDTHS, type PageProbe, type Site} from "./lib/site.ts";

/** The kinds of page, by a plain address of each (the 404 page by an address that is no page). */
const PAGES: Record<string, string> = {
  "home": "/",
  "story": "/stories/roads",
  "story continuation": "/stories/roads-continued",
  "area": "/areas/stafford",
  "areas index": "/areas/",
  "data": "/data",
  "about": "/about",
  "explore": "/explore",
  "embed": "/embed/roads-severity",
  "404": "/no-such-page"
};

const XSS = "window.__xss=1";
/** Appended to a page's address; each is one hostile or careless variant. */
const SUFFIXES = [
  "#%", "#%E0%A4%A", "#%00", "#%F0%9F%92%A9", `#<script>${XSS}</script>`, `#"><img src=x onerror=${XSS}>`,
  `#javascript:${XSS}`, "#" + "a".repeat(4000), "#compare-%", "#..%2F..%2F",
  "?compare=", "?%", `?a=<script>${XSS}</script>`, "?compare=&compare=", "?x=" + "b".repeat(4000), "?%#%"
];

interface Fingerprint {
  title: string;
  headings: number;
  charts: number;
  tables: number;
  deferred: number;
  continuations: number;
  embedCodes: number;
  enhanced: number;
  picker: boolean | null;
}

/** What makes the page whole, as it stands (read in the page, so it can also be waited for there). */
function read(): Fingerprint {
  return {
    title: document.title,
    headings: document.querySelectorAll("main h2, main h3").length,
    charts: document.querySelectorAll("figure.chart").length,
    tables: document.querySelectorAll("table").length,
    deferred: document.querySelectorAll("noscript[data-deferred]").length,
    continuations: document.querySelectorAll("[data-continue]").length,
    embedCodes: document.querySelectorAll("textarea.embed-code").length,
    // chart-client.ts fills each embed code with the page's origin: the page's own scripts ran
    enhanced: Array.from(document.querySelectorAll<HTMLTextAreaElement>("textarea.embed-code")).filter((t) => t.value.includes(location.origin)).length,
    picker: document.querySelector<HTMLElement>(".compare-picker") ? !document.querySelector<HTMLElement>(".compare-picker")!.hidden : null
  };
}
const fingerprint = (page: Page) => page.evaluate(read);

/**
 * The page once whole: its deferred HTML and continuation inserted and its scripts run (embed codes filled, the
 * compare picker shown). Waiting for that state, not for a time: under load a page's modules can run well after
 * the network is idle.
 */
async function settledFingerprint(page: Page): Promise<Fingerprint> {
  const settled = (f: Fingerprint) => f.deferred === 0 && f.continuations === 0 && f.enhanced === f.embedCodes && f.picker !== false;
  for (const until = Date.now() + 30_000; ; await new Promise((r) => setTimeout(r, 100))) {
    const f = await fingerprint(page);
    if (settled(f)) return f;
    if (Date.now() > until) throw new Error(`${page.url()} never became whole: ${JSON.stringify(f)}`);
  }
}

let site: Site;
let probe: PageProbe;
let dialogs: string[] = [];
const plain = new Map<string, Fingerprint>();
beforeAll(async () => {
  site = await startSite();
  probe = await openProbe(site, WIDTHS.desktop);
  probe.page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
  for (const [kind, path] of Object.entries(PAGES)) {
    await probe.page.goto(site.url + path, {waitUntil: "load"});
    plain.set(kind, await settledFingerprint(probe.page));
  }
});
afterAll(async () => {
  await probe?.context.close();
  await site?.close();
});

/** A test name for an address: long runs of one character are shortened. */
const label = (address: string) => address.replace(/(.)\1{20,}/g, (run, c: string) => `${c}…(${run.length})`);

/** Every page kind × every suffix, plus the address with its trailing slash toggled. */
const CORPUS: [string, string][] = Object.entries(PAGES).flatMap(([kind, path]) => [
  ...SUFFIXES.map((s): [string, string] => [kind, path + s]),
  ...(path === "/" ? [] : [[kind, path.endsWith("/") ? path.slice(0, -1) : path + "/"] as [string, string]])
]);

test("the corpus covers every kind of page with at least 150 addresses", () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(150);
  expect(new Set(CORPUS.map(([kind]) => kind))).toEqual(new Set(Object.keys(PAGES)));
});

test("the plain addresses are whole pages (the baseline the corpus is held to)", () => {
  expect(plain.get("area")).toMatchObject({picker: true, deferred: 0});
  expect(plain.get("area")!.charts).toBeGreaterThan(3);
  // Every chart has its embed codes (full and compact), each filled in by the page's script.
  expect(plain.get("area")!.embedCodes).toBeGreaterThanOrEqual(plain.get("area")!.charts);
  expect(plain.get("area")!.enhanced).toBe(plain.get("area")!.embedCodes);
  expect(plain.get("story")).toMatchObject({deferred: 0, continuations: 0});
  expect(plain.get("story")!.charts).toBeGreaterThan(plain.get("story continuation")!.charts); // the story took in its continuation
  expect(plain.get("404")!.title).toMatch(/not found/i);
});

describe("hostile addresses give the whole page", () => {
  test.each(CORPUS.map(([kind, address]) => [kind, label(address), address]))("%s: %s", async (kind, _label, address) => {
    const {page} = probe;
    await page.goto("about:blank"); // a fragment-only change would not load the page again
    probe.consoleErrors.length = 0;
    probe.outsideRequests.length = 0;
    dialogs = [];
    const response = await page.goto(site.url + address, {waitUntil: "load"});
    expect(response?.status(), "HTTP status").toBe(kind === "404" ? 404 : 200);
    // Whole means the same as the plain address once settled; a page the address broke never gets there.
    await expect.poll(() => fingerprint(page), {timeout: 30_000}).toEqual(plain.get(kind));
    expect(await page.evaluate(() => (window as unknown as {__xss?: unknown}).__xss), "script from the address").toBeUndefined();
    expect(dialogs).toEqual([]);
    // Chromium logs the 404 page's own status as a failed resource; nothing else may be logged.
    expect(probe.consoleErrors.filter((e) => !(kind === "404" && /status of 404/.test(e)))).toEqual([]);
    expect(probe.outsideRequests).toEqual([]);
  });
});

test("an empty ?compare= leaves the fragment's choice of area to compare with", async () => {
  const {page} = probe;
  await page.goto(site.url + "/areas/stafford?compare=#compare-tamworth", {waitUntil: "load"});
  await settledFingerprint(page);
  expect(await page.locator("#compare-select").inputValue()).toBe("tamworth");
  expect(await page.locator(".compare-panel.is-selected").getAttribute("data-compare")).toBe("tamworth");
});
