// The scrolly builder: the first step is live HTML, later steps are deferred (parsed after the first paint
// by browsers with JavaScript, ordinary HTML without it), and every step keeps its whole chart.
import {describe, expect, test} from "vitest";
import {JSDOM} from "jsdom";
import type {ChartSpec} from "../../src/components/chart.ts";
import {deferredHtml} from "../../loaders/site/html.ts";
import {scrollyHtml, type Step} from "../../loaders/site/scrolly.ts";

const spec = (id: string): ChartSpec => ({id, title: `Chart ${id}`, description: `Described ${id}`, plot: "rankedBars",
  options: {valueLabel: "Value"}, data: [{label: "a", value: 1}, {label: "b", value: 2}],
  columns: [{key: "label", label: "Label", kind: "text"}, {key: "value", label: "Value", kind: "count"}], source: "test", updated: "today"});

const steps: Step[] = [
  {id: "one", heading: "One", html: "<p>First.</p>", chart: spec("c1")},
  {id: "two", heading: "Two", html: "<p>Second.</p>", chart: spec("c2")},
  {id: "three", heading: "Three", html: "<p>Third, no chart.</p>"}
];

describe("scrollyHtml", () => {
  const html = scrollyHtml({id: "s", label: "Story", steps});

  test("with scripting on, only the first step is live HTML before the deferred part is inserted", () => {
    // jsdom runs with scripting enabled here, so like a browser with JavaScript it reads <noscript> as text.
    const doc = new JSDOM(html, {runScripts: "dangerously"}).window.document;
    expect(Array.from(doc.querySelectorAll(".scrolly-step")).map((s) => s.id)).toEqual(["one"]);
    expect(doc.querySelector(".scrolly-frame.is-active svg")).not.toBeNull();
    const deferred = doc.querySelector("noscript[data-deferred]")!;
    deferred.insertAdjacentHTML("afterend", deferred.textContent!);
    deferred.remove();
    expect(Array.from(doc.querySelectorAll(".scrolly-step")).map((s) => s.id)).toEqual(["one", "two", "three"]);
    expect(doc.querySelector("#two figure.chart#chart-c2 svg")).not.toBeNull();
  });

  test("without scripting, every step and its chart is ordinary HTML, in reading order", () => {
    const doc = new JSDOM(html).window.document; // scripting disabled: <noscript> content is parsed as HTML
    expect(Array.from(doc.querySelectorAll(".scrolly-step")).map((s) => s.id)).toEqual(["one", "two", "three"]);
    expect(doc.querySelectorAll(".scrolly-step figure.chart table").length).toBe(2);
  });

  test("the HTML has no blank line (Markdown would end the HTML block there)", () => {
    expect(html).not.toMatch(/\n\s*\n/);
  });
});

describe("deferredHtml", () => {
  test("wraps HTML in <noscript data-deferred>, and nothing when there is nothing to defer", () => {
    expect(deferredHtml("<p>x</p>")).toBe("<noscript data-deferred><p>x</p></noscript>");
    expect(deferredHtml("  ")).toBe("");
  });
  test("refuses HTML that would end the <noscript> early", () => {
    expect(() => deferredHtml("<noscript>a</noscript>")).toThrow(/noscript/);
  });
});
