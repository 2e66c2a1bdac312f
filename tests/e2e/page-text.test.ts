// What a reader gets from each page, held to a committed snapshot: the text in reading order (tables and
// collapsed parts opened, charts' own SVG text left out), every chart id and every anchor. A change to the
// code that builds pages must not change what they say; a change to the data or the wording shows up here as
// a reviewed diff. On a mismatch the new text is written beside the old (<name>.new.txt) for review; set
// UPDATE_SNAPSHOTS=1 to accept it (or to write a new page's first snapshot).
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {matchesSnapshot} from "../lib/snapshot.ts";
import {openProbe, startSite, WIDTHS, type Site} from "./lib/site.ts";

const DIR = join(import.meta.dirname, "..", "snapshots", "pages");
const PAGES: [name: string, path: string, javascript: boolean][] = [
  ["home", "/", true],
  ["roads", "/stories/roads", true],
  ["roads-without-javascript", "/stories/roads", false],
  ["roads-continued-without-javascript", "/stories/roads-continued", false],
  ["victims", "/stories/victims", true],
  ["victims-without-javascript", "/stories/victims", false],
  ["victims-continued-without-javascript", "/stories/victims-continued", false],
  ["areas-index", "/areas/", true],
  ["area-stafford", "/areas/stafford", true],
  ["area-tamworth-without-javascript", "/areas/tamworth", false],
  ["forces", "/forces", true],
  ["figures", "/figures", true]
];

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

/** The page as a reader gets it, in a form that a diff reads well. */
async function readerText(path: string, javascript: boolean): Promise<string> {
  const probe = await openProbe(site, WIDTHS.desktop, {javaScript: javascript});
  const {page, context} = probe;
  await page.goto(site.url + path, {waitUntil: "load"});
  if (javascript) await page.evaluate(() => (window as unknown as {siteReady: Promise<void>}).siteReady);
  const text = await page.evaluate((javascript) => {
    const main = document.querySelector("main")!.cloneNode(true) as HTMLElement;
    for (const d of Array.from(main.querySelectorAll("details"))) d.setAttribute("open", "");
    // Without JavaScript a <noscript> is what the reader gets; with it, what it holds is not shown.
    for (const n of Array.from(main.querySelectorAll(`svg, script, textarea, .scrolly-graphic${javascript ? ", noscript" : ""}`))) n.remove();
    document.body.append(main); // laid out, so innerText keeps blocks on lines of their own
    const lines = main.innerText.split("\n").map((l) => l.replace(/\s+/g, " ").trim()).filter(Boolean);
    main.remove();
    const ids = Array.from(document.querySelectorAll("main [id]")).map((e) => e.id).filter((id) => !/^observablehq-/.test(id));
    const charts = [...new Set(Array.from(document.querySelectorAll("main figure[data-chart]")).map((e) => e.getAttribute("data-chart")))];
    return [...lines, "", "# charts", ...charts, "", "# anchors", ...ids].join("\n") + "\n";
  }, javascript);
  await context.close();
  return text;
}

describe("each page reads as its committed snapshot", () => {
  test.each(PAGES)("%s", async (name, path, javascript) => {
    const {matches, fresh} = matchesSnapshot(join(DIR, `${name}.txt`), await readerText(path, javascript));
    expect(matches, `${path} reads differently from its snapshot: see ${fresh}`).toBe(true);
  });
});
