// A page's phone numbers and help lines: each number shown sits in a contact item (loaders/site/components.ts
// contactList) that names a public source with its address and its date. Nothing uncited slips into the prose.
import {JSDOM} from "jsdom";
import {expect} from "vitest";

/** UK phone numbers as written on the page: 0808 2000 247, 0800 555 111, 01785 601690, 999, 101, 55. */
const PHONE = /\b(?:0\d{2,4}[ \u00a0]?\d{3,4}[ \u00a0]?\d{3,4}|999|101)\b/g;

export function checkContacts(markdown: string, options: {minContacts?: number} = {}): void {
  const doc = new JSDOM(`<!DOCTYPE html><body>${markdown}</body>`).window.document;
  for (const n of Array.from(doc.querySelectorAll("svg, script, table, textarea, .chart-table, .chart-embed, .chart-meta, figure"))) n.remove();
  const items = Array.from(doc.querySelectorAll(".contact-list li, .help-lines li"));
  expect(items.length).toBeGreaterThanOrEqual(options.minContacts ?? 1);
  for (const li of items) {
    const source = li.querySelector(".contact-source");
    expect(source, li.textContent!).not.toBeNull();
    const links = Array.from(source!.querySelectorAll("a"));
    expect(links.length, li.textContent!).toBeGreaterThan(0);
    for (const a of links) expect(a.getAttribute("href")).toMatch(/^https:\/\//);
    // each source ends with its date, or says the page gives none
    expect(source!.textContent).toMatch(/, (?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}|undated page/);
    for (const tel of Array.from(li.querySelectorAll('a[href^="tel:"]'))) expect(tel.getAttribute("href")).toBe(`tel:${tel.textContent!.replace(/\s+/g, "")}`);
  }
  // Outside the contact items, a number may only repeat one that a contact item gives.
  const cited = new Set(items.flatMap((li) => (li.textContent!.match(PHONE) ?? []).map((n) => n.replace(/\s+/g, ""))));
  for (const li of items) li.remove();
  const rest = (doc.body.textContent ?? "").match(PHONE) ?? [];
  for (const n of rest) expect(cited.has(n.replace(/\s+/g, "")), `"${n}" appears without a cited source`).toBe(true);
}
