// The scrolly builder: the first step's text is live HTML, its chart block and later steps are deferred (parsed after the first paint
// by browsers with JavaScript, ordinary HTML without it), and every step keeps its whole chart.
import {describe, expect, test} from "vitest";
import {readFileSync} from "node:fs";
import {JSDOM} from "jsdom";
import type {ChartSpec} from "../../src/components/chart.ts";
import {block, deferredHtml, html, raw} from "../../loaders/site/html.ts";
import {continuedScrollyHtml, scrollyHtml, type Step} from "../../loaders/site/scrolly.ts";

const spec = (id: string): ChartSpec => ({id, title: `Chart ${id}`, description: `Described ${id}`, plot: "rankedBars",
  options: {valueLabel: "Value"}, data: [{label: "a", value: 1}, {label: "b", value: 2}],
  columns: [{key: "label", label: "Label", kind: "text"}, {key: "value", label: "Value", kind: "count"}], source: "test", updated: "today"});

const steps: Step[] = [
  {id: "one", heading: "One", html: html`<p>First.</p>`, chart: spec("c1")},
  {id: "two", heading: "Two", html: html`<p>Second.</p>`, chart: spec("c2")},
  {id: "three", heading: "Three", html: html`<p>Third, no chart.</p>`}
];

describe("scrollyHtml", () => {
  const page = scrollyHtml({id: "s", label: "Story", steps}).value;

  test("with scripting on, only the first step's text and the graphic are live HTML before the deferred part is inserted", () => {
    // jsdom runs with scripting enabled here, so like a browser with JavaScript it reads <noscript> as text.
    const doc = new JSDOM(page, {runScripts: "dangerously"}).window.document;
    expect(Array.from(doc.querySelectorAll(".scrolly-step")).map((s) => s.id)).toEqual(["one"]);
    expect(doc.querySelector("#one p")?.textContent).toBe("First.");
    expect(doc.querySelector("#one figure.chart")).toBeNull();
    expect(doc.querySelector(".scrolly-frame.is-active svg")).not.toBeNull();
    // What the page head's script does after the first paint (observablehq.config.ts).
    for (const deferred of Array.from(doc.querySelectorAll("noscript[data-deferred]"))) {
      deferred.insertAdjacentHTML("afterend", deferred.textContent!);
      deferred.remove();
    }
    expect(Array.from(doc.querySelectorAll(".scrolly-step")).map((s) => s.id)).toEqual(["one", "two", "three"]);
    expect(doc.querySelector("#one p + figure.chart#chart-c1 svg")).not.toBeNull();
    expect(doc.querySelector("#two figure.chart#chart-c2 svg")).not.toBeNull();
  });

  test("without scripting, every step and its chart is ordinary HTML, in reading order", () => {
    const doc = new JSDOM(page).window.document; // scripting disabled: <noscript> content is parsed as HTML
    expect(Array.from(doc.querySelectorAll(".scrolly-step")).map((s) => s.id)).toEqual(["one", "two", "three"]);
    expect(doc.querySelectorAll(".scrolly-step figure.chart table").length).toBe(2);
  });

  test("build-time SVGs carry no <style> of their own; the site stylesheet has Plot's rule once", () => {
    expect(page).toContain("<svg");
    expect(page).not.toMatch(/<style/i);
    const css = readFileSync(new URL("../../src/style.css", import.meta.url), "utf8");
    expect(css).toMatch(/:where\(\.chart-static svg text, \.chart-static svg tspan\) \{ white-space: pre; \}/);
  });

  test("as a page's HTML block it has no blank line (Markdown would end the HTML block there)", () => {
    expect(block(scrollyHtml({id: "s", label: "Story", steps}))).not.toMatch(/\n\s*\n/);
  });
});

describe("a story continued on a page of its own", () => {
  const first = scrollyHtml({id: "s", label: "Story", steps, continuedAt: {href: "/stories/s-continued", text: "Continue the story"}}).value;
  const rest = continuedScrollyHtml({id: "s", label: "Story", steps}).value;

  test("the first part holds the first step, its deferred chart and a link on; no later step is in it at all", () => {
    for (const scripting of [true, false]) {
      const doc = new JSDOM(first, scripting ? {runScripts: "dangerously"} : {}).window.document;
      expect(Array.from(doc.querySelectorAll(".scrolly-step")).map((s) => s.id)).toEqual(["one"]);
      expect(doc.querySelectorAll("#one figure.chart").length).toBe(scripting ? 0 : 1);
      const link = doc.querySelector(".scrolly-steps > .scrolly-step + p.scrolly-continue[data-continue] a")!;
      expect(link.getAttribute("href")).toBe("/stories/s-continued");
    }
    expect(first).not.toContain("Second.");
  });

  test("the continuation is every later step, live and in order, which the first part's selector picks out", () => {
    const doc = new JSDOM(rest, {runScripts: "dangerously"}).window.document;
    expect(doc.querySelector("noscript")).toBeNull();
    const selector = new JSDOM(first).window.document.querySelector("[data-continue]")!.getAttribute("data-continue")!;
    expect(Array.from(doc.querySelectorAll(selector)).map((s) => [s.id, s.getAttribute("data-step")])).toEqual([["two", "1"], ["three", "2"]]);
    expect(doc.querySelector("#two figure.chart#chart-c2 table")).not.toBeNull();
    // its own graphic starts on its first chart
    expect(doc.querySelector(".scrolly-frame.is-active")?.getAttribute("data-chart")).toBe("c2");
  });
});

describe("deferredHtml", () => {
  test("wraps HTML in <noscript data-deferred>, and nothing when there is nothing to defer", () => {
    expect(deferredHtml(raw("<p>x</p>")).value).toBe("<noscript data-deferred>\n<p>x</p></noscript>");
    expect(deferredHtml(raw("  ")).value).toBe("");
  });
  test("refuses HTML that would end the <noscript> early", () => {
    expect(() => deferredHtml(raw("<noscript>a</noscript>"))).toThrow(/noscript/);
  });
});
