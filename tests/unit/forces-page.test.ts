// The /forces page and the home page's comparison with other forces: what they say, checked against figures computed
// here from the raw national tables and the force's own street files (not from the extracts the pages read), and
// the reports' "most similar forces" ranks shown with their citation beside what police.uk shows for all forces.
import {beforeAll, describe, expect, it} from "vitest";
import {formatCount, formatRate, formatRate2} from "../../src/components/format.ts";
import {withExtracts} from "../../loaders/extracts/query.ts";
import {forcesCharts} from "../../loaders/forces/charts.ts";
import {forcesFacts, type ForcesFacts} from "../../loaders/forces/facts.ts";
import {forcesPage, forcesTitle, neighbourSentences, openDataRank, reportRanks, summarySentences, typeSentence} from "../../loaders/forces/page.ts";
import {force} from "../../loaders/lib/force.ts";
import {ordinal, ordinalHighest, ordinalLowest, rankWords} from "../../loaders/lib/words.ts";
import {homePage} from "../../loaders/pages/home.ts";
import {citation, quoteText} from "../../loaders/sources/documents.ts";
import {policeUkCrimeType, readPublishedMeasures} from "../../loaders/sources/published.ts";
import {rankAmong, rawForceRates, type RawForceRates} from "./lib/raw-national.ts";
import {rawStreetRows} from "./raw-counts.ts";

let facts: ForcesFacts;
let raw: RawForceRates;
let markdown: string;
beforeAll(async () => {
  facts = await withExtracts((db) => forcesFacts(db));
  raw = rawForceRates();
  markdown = await forcesPage();
}, 120_000);

/** The page's text: block and cell tags become spaces, inline tags go. */
const text = (html: string) => html.replace(/<\/?(?:t[dhr]|li|p|ul|ol|caption|div|h\d|blockquote|table|thead|tbody|figure|nav)\b[^>]*>/g, " ")
  .replace(/<[^>]+>/g, "").replaceAll("&#39;", "'").replaceAll("&amp;", "&").replace(/\s+/g, " ");

describe("the forces page", () => {
  it("is titled from the force profile", () => {
    expect(forcesTitle()).toBe(`${force.name} among the forces`);
    expect(markdown).toContain(`title: ${JSON.stringify(forcesTitle())}`);
  });

  it("states the force's 2025 crime, rate, rank and the average as the raw files give them", async () => {
    const own = (await rawStreetRows()).filter((r) => r.month.startsWith("2025") && r.crimeType !== "Anti-social behaviour").length;
    const rate = raw.rate.get(force.id)!;
    const mean = [...raw.rate.values()].reduce((s, r) => s + r, 0) / raw.compared.length;
    const [first, second] = summarySentences(facts);
    expect(first).toContain(`police.uk recorded ${formatCount(own)} crimes`);
    expect(first).toContain(`${formatRate(rate)} for every 1,000 residents`);
    expect(second).toContain(`That is ${rankWords(rankAmong(raw.rate.values(), rate), raw.compared.length, "forces")} with all 12 months of 2025`);
    expect(second).toContain(`average of their rates (${formatRate(mean)};`);
    for (const s of [first, second]) expect(text(markdown)).toContain(s);
  });

  it("ranks every compared force in its chart, the force and its neighbours named, the average shown", async () => {
    const {rates} = await forcesCharts.load();
    const rows = rates.data as {rank: number | null; label: string; value: number; role: string}[];
    expect(rows.filter((r) => r.rank !== null).length).toBe(raw.compared.length);
    const mine = rows.find((r) => r.role === "this")!;
    expect(mine.label).toBe(`${force.name} (this force)`);
    expect(mine.rank).toBe(rankAmong(raw.rate.values(), raw.rate.get(force.id)!));
    expect(rows.filter((r) => r.label.endsWith("(neighbour)")).map((r) => r.label.replace(/ \(neighbour\)$/, "")).sort()).toEqual(facts.neighbours.map((n) => n.name).sort());
    const average = rows.find((r) => r.role === "force")!;
    expect(average.label).toBe(`Average of the ${raw.compared.length} forces`);
    // Highest first, the average in its place.
    expect(rows.map((r) => r.value)).toEqual([...rows.map((r) => r.value)].sort((a, b) => b - a));
    for (const r of rows.filter((x) => x.rank !== null)) {
      const f = facts.compared.find((c) => r.label.startsWith(c.name))!;
      expect(r.value, r.label).toBe(Math.round(raw.rate.get(f.force)! * 10) / 10);
    }
  });

  it("words the neighbours from their rates", () => {
    const sentences = neighbourSentences(facts).join(" ");
    for (const n of facts.neighbours) expect(sentences).toContain(`${n.name} (${formatRate(raw.rate.get(n.force)!)})`);
    const higher = facts.neighbours.filter((n) => raw.rate.get(n.force)! > raw.rate.get(force.id)!);
    expect(sentences).toMatch(new RegExp(`${["Zero", "One", "Two", "Three", "Four", "Five"][higher.length]} had more crime`));
    expect(sentences).toContain(facts.neighbourDistrictsWithoutForce.map((d) => d.name).at(-1));
  });

  it("gives the types it ranks highest and lowest on, with the raw ranks", () => {
    const ranks = [...raw.typeRate].map(([t, m]) => ({t, rank: rankAmong(m.values(), m.get(force.id)!), rate: m.get(force.id)!}))
      .sort((a, b) => a.rank - b.rank || a.t.localeCompare(b.t));
    const high = ranks[0], low = ranks.at(-1)!;
    expect(typeSentence(facts)).toContain(`the ${ordinalHighest(high.rank)} for ${high.t.toLowerCase()} (${formatRate2(high.rate)} per 1,000 residents)`);
    expect(typeSentence(facts)).toContain(`the ${ordinalLowest(raw.compared.length - low.rank + 1)} for ${low.t.toLowerCase()} (${formatRate2(low.rate)})`);
  });

  it("names every force not shown, with its reason", () => {
    const page = text(markdown);
    for (const m of facts.missing) expect(page).toContain(`${m.name}: ${m.reason}.`);
  });

  it("says police.uk counts are not recorded-crime statistics", () => {
    expect(text(markdown)).toContain("not Home Office police recorded crime statistics");
  });
});

describe("the reports' most-similar-forces ranks", () => {
  const rows = readPublishedMeasures().filter((m) => m.story === "forces");

  it("are every rank row, each paired with the same sentence's rank among all forces where it gives one", () => {
    const ranks = reportRanks();
    expect(ranks.length).toBe(rows.filter((m) => /most similar/.test(m.comparison)).length);
    expect(ranks.length).toBeGreaterThanOrEqual(7);
    for (const r of ranks) {
      if (r.national) expect(r.national.quote).toBe(r.msf.quote);
      if (r.national) expect(r.national.comparison).toMatch(/^of 42 forces/);
    }
  });

  it("name police.uk crime types the counts hold", () => {
    for (const m of rows.filter((x) => x.openDataEquivalent)) {
      const recipe = policeUkCrimeType(m.openDataEquivalent);
      expect(recipe, m.id).not.toBeNull();
      expect(raw.typeRate.has(recipe!.crimeType), `${m.id}: ${recipe!.crimeType}`).toBe(true);
    }
  });

  it("show each report's rank, quote and citation beside police.uk's rank among all forces from the raw files", () => {
    const page = text(markdown);
    for (const r of reportRanks()) {
      expect(page).toContain(`${r.measure} ${ordinal(r.msf.value)} ${r.msf.comparison}`);
      expect(page).toContain(`“${quoteText(r.msf.quote).replace(/\s+/g, " ")}”`);
      expect(page).toContain(`Source: ${citation(r.msf)}.`);
      const open = openDataRank(facts, r.msf);
      if (!open) continue;
      const m = raw.typeRate.get(open.crimeType)!;
      const rank = rankAmong(m.values(), m.get(force.id)!);
      expect(open.rank, r.measure).toBe(rank);
      expect(page).toContain(`${ordinalHighest(rank)} (${ordinalLowest(raw.compared.length - rank + 1)})`);
    }
  });

  it("never name the members of the most similar forces group", () => {
    const section = text(markdown.slice(markdown.indexOf('id="reports"'), markdown.indexOf('id="missing"')));
    expect(section).toContain("a group of forces the reports do not name");
    const others = facts.compared.filter((c) => c.force !== force.id).map((c) => c.name);
    expect(others.filter((name) => section.includes(name))).toEqual([]);
  });
});

describe("the home page", () => {
  it("links to the forces page with the force's rate and rank", async () => {
    const home = await homePage();
    expect(home).toContain(`<a href="/forces">${forcesTitle()}</a>`);
    expect(text(home)).toContain(summarySentences(facts)[1]);
  });
});
