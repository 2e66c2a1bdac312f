// The page components and the escaping template, each rendered from named examples (as GOV.UK Frontend tests its
// components): what a reader and a screen reader get, and that text can never become markup.
import {JSDOM} from "jsdom";
import {describe, expect, test} from "vitest";
import {citationHtml, contactList, countText, headlineCards, publishedFigure, publishedTable, storyLink, tableRegion} from "../../loaders/site/components.ts";
import {publishedMeasure} from "../../loaders/sources/published.ts";
import {block, deferredHtml, html, raw} from "../../loaders/site/html.ts";

const dom = (h: {value: string}) => new JSDOM(`<!DOCTYPE html><body>${h.value}</body>`).window.document;

describe("html template", () => {
  test("escapes text in content and attributes", () => {
    const name = `<script>alert("x")</script> & 'quotes'`;
    const out = html`<p title="${name}">${name}</p>`.value;
    expect(out).toBe(`<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</p>`);
    const doc = dom(html`<p title="${name}">${name}</p>`);
    expect(doc.querySelector("script")).toBeNull();
    expect(doc.querySelector("p")!.textContent).toBe(name);
    expect(doc.querySelector("p")!.getAttribute("title")).toBe(name);
  });
  test("nests Html unescaped, joins arrays, and renders nothing for false, null and undefined", () => {
    const items = ["a<b", "c"].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${false}${null}${undefined}${0}`.value).toBe("<ul><li>a&lt;b</li><li>c</li></ul>0");
    expect(html`${raw("<b>trusted</b>")}`.value).toBe("<b>trusted</b>");
  });
  test("block() makes one Markdown HTML block: no blank lines, no indentation", () => {
    expect(block(html`<div>\n\n    <p>a</p>\n  \n</div>`)).toBe("<div>\n<p>a</p>\n</div>");
  });
  test("deferredHtml puts its opening tag on a line of its own and refuses a closing </noscript>", () => {
    expect(deferredHtml(html`<p>x</p>`).value).toBe("<noscript data-deferred>\n<p>x</p></noscript>");
    expect(() => deferredHtml(raw("</noscript>"))).toThrow(/noscript/);
  });
});

describe("tableRegion", () => {
  const example = () => tableRegion({id: "rates", caption: "Crime per 1,000 residents, <2025>",
    columns: [{label: "Area"}, {label: "Crimes", numeric: true}, {label: "Rate", numeric: true}],
    rows: [{header: "Stafford", cells: ["9,395", "68.7"]}, {header: html`<strong>Force</strong>`, cells: ["100", "70.1"], className: "is-force"}]});

  test("a scrolling region, reachable by keyboard, named (with its table) by a caption outside it", () => {
    const doc = dom(example());
    const region = doc.querySelector(".table-scroll")!;
    expect(region.getAttribute("role")).toBe("region");
    expect(region.getAttribute("tabindex")).toBe("0");
    const caption = doc.getElementById(region.getAttribute("aria-labelledby")!)!;
    expect(caption.textContent).toBe("Crime per 1,000 residents, <2025>");
    // Outside the scrolling part, so it stays in view when the table scrolls sideways.
    expect(region.contains(caption)).toBe(false);
    expect(caption.nextElementSibling).toBe(region);
    expect(region.querySelector("table")!.getAttribute("aria-labelledby")).toBe(caption.id);
  });
  test("column headers, row headers and numeric cells", () => {
    const doc = dom(example());
    expect(Array.from(doc.querySelectorAll("thead th")).map((th) => [th.textContent, th.getAttribute("scope"), th.className])).toEqual([["Area", "col", ""], ["Crimes", "col", "num"], ["Rate", "col", "num"]]);
    expect(Array.from(doc.querySelectorAll("tbody th")).map((th) => th.textContent)).toEqual(["Stafford", "Force"]);
    expect(Array.from(doc.querySelectorAll("tbody tr:first-child td")).map((td) => [td.textContent, td.className])).toEqual([["9,395", "num"], ["68.7", "num"]]);
    expect(doc.querySelector("tbody tr.is-force strong")?.textContent).toBe("Force");
  });
  test("rows may carry their own address and data attributes for scripts", () => {
    const doc = dom(tableRegion({id: "t", caption: "C", columns: [{label: "A"}, {label: "B"}],
      rows: [{header: "x", cells: ["1"], id: "row-x", data: {topic: "roads", story: "a \"b\""}}, {header: "y", cells: ["2"]}]}));
    const row = doc.getElementById("row-x")!;
    expect(row.tagName).toBe("TR");
    expect([row.dataset.topic, row.dataset.story]).toEqual(["roads", 'a "b"']);
    expect(doc.querySelectorAll("tbody tr")[1].attributes.length).toBe(0);
  });
  test("a hidden caption still names the region", () => {
    const doc = dom(tableRegion({id: "x", caption: "Hidden", captionHidden: true, columns: [{label: "A"}], rows: []}));
    expect(doc.getElementById("x-caption")!.classList.contains("visually-hidden")).toBe(true);
    expect(doc.querySelector(".table-scroll")!.getAttribute("aria-labelledby")).toBe("x-caption");
  });
});

describe("headlineCards", () => {
  test("a labelled list of numbers, each findable by its measure", () => {
    const doc = dom(headlineCards("Headline numbers for Stafford", [
      {number: "9,395", measure: "crime-count", text: "crimes", detail: "68.7 per 1,000"},
      {number: "+5%", text: html`change, <em>months</em>`}
    ]));
    const list = doc.querySelector("ul")!;
    expect(list.getAttribute("aria-label")).toBe("Headline numbers for Stafford");
    expect(doc.querySelector('[data-measure="crime-count"]')?.textContent).toBe("9,395");
    expect(Array.from(list.querySelectorAll("li")).map((li) => li.textContent)).toEqual(["9,395 crimes 68.7 per 1,000", "+5% change, months"]);
  });
});

describe("citationHtml and storyLink", () => {
  test("a citation in brackets, escaped", () => {
    expect(citationHtml("Force performance report (January 2024), section 3.5 & more").value).toBe('<span class="citation">(Force performance report (January 2024), section 3.5 &amp; more)</span>');
  });
  test("with the figure's id, the citation links to its row on /figures", () => {
    const doc = dom(citationHtml("Force performance report (January 2024), section 3.5", "roads-serious-collisions-2023"));
    const link = doc.querySelector(".citation a")!;
    expect(link.getAttribute("href")).toBe("/figures#roads-serious-collisions-2023");
    expect(doc.querySelector(".citation")!.textContent).toBe("(Force performance report (January 2024), section 3.5)");
  });
  test("a story link only for a story that exists", () => {
    expect(storyLink({path: "/stories/roads", title: "Roads"}, "More on roads:").value).toBe('<p class="story-link">More on roads: <a href="/stories/roads">Roads</a>.</p>');
    expect(storyLink(undefined, "More on roads:").value).toBe("");
  });
});

describe("countText", () => {
  test.each([[0, "fewer than 5"], [1, "fewer than 5"], [4, "fewer than 5"], [5, "5"], [1234, "1,234"]])("%i → %s", (n, text) => {
    expect(countText(n)).toBe(text);
  });
});

describe("publishedFigure and publishedTable", () => {
  const m = (unit: string, value: number, comparison = "", measure = "Crimes") => publishedFigure({measure, unit: unit as never, value, comparison});
  test("each unit as its document gives it; a bound in the document's own words", () => {
    expect(m("count", 20313)).toBe("20,313");
    expect(m("percent", 50, "", "Change in drug offences")).toBe("+50%");
    expect(m("percent", -1, "", "Change in domestic abuse crimes")).toBe("−1%");
    expect(m("percent", 91.9)).toBe("91.9%");
    expect(m("per_1000", 2.3)).toBe("2.3 per 1,000 residents");
    expect(m("count_upper_bound", 13, "13 or fewer throughout the past two years")).toBe("13 or fewer throughout the past two years");
    expect(m("count_upper_bound", 10)).toBe("10 or fewer");
  });
  test("one row a figure: measure, period in words, figure, comparison and source", () => {
    const doc = dom(publishedTable({id: "t", caption: "Figures", measures: [publishedMeasure("county-lines-type1-closures-2024-10-2025-09")]}));
    expect(Array.from(doc.querySelectorAll("thead th")).map((th) => th.textContent)).toEqual(["What the report counts", "Period", "Figure", "As the report compares it", "Source"]);
    expect(Array.from(doc.querySelectorAll("tbody tr > *")).map((c) => c.textContent)).toEqual(["Type 1 county line closures", "October 2024 to September 2025", "32", "20 in the previous reporting year",
      "Force performance report (late 2025), section 6.3, Disrupt drugs supply and county lines (NCPM)"]);
    expect(doc.querySelector("tbody td:last-child a")?.getAttribute("href")).toBe("/figures#county-lines-type1-closures-2024-10-2025-09");
  });
});

describe("contactList", () => {
  test("each service with its number as a tel: link, its address as a link, and every source with its date", () => {
    const doc = dom(contactList("Help", [{name: "A line", text: "Free.", phone: "0808 000 0000", web: "https://example.org/", sources: [
      {title: "News <one>", url: "https://news.example/1", date: "1 May 2024"}, {title: "Page", url: "https://page.example/", date: null}]}]));
    const li = doc.querySelector("ul[aria-label=Help] li")!;
    expect(li.querySelector('a[href="tel:08080000000"]')?.textContent).toBe("0808 000 0000");
    expect(li.querySelector('a[href="https://example.org/"]')?.textContent).toBe("example.org");
    expect(li.querySelector(".contact-source")!.textContent).toBe("(Sources: News <one>, 1 May 2024; Page, undated page.)");
  });
});
