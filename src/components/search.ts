// Site search in the browser (/search): a static index of every page's sections, charts and published figures,
// written after the build (loaders/pages/search-index.ts) and searched here with MiniSearch. No request leaves the
// site; the results are a list of links, read out by a status line as they change.
import MiniSearch, {type Options} from "minisearch";

/** One thing a reader can find: a page, a section of one, a chart, or a published figure. */
export interface SearchDoc {
  id: string;
  /** where it is: a page's address, with the section's or chart's #anchor */
  url: string;
  kind: "Page" | "Section" | "Chart" | "Published figure";
  title: string;
  /** the page it is on */
  page: string;
  text: string;
  /** the first words of text, shown under the result */
  excerpt: string;
}

/** The index's options: the build writes the index with them and the browser loads it with the same. */
export const SEARCH_OPTIONS: Options<SearchDoc> = {
  fields: ["title", "page", "text"],
  storeFields: ["url", "kind", "title", "page", "excerpt"],
  searchOptions: {boost: {title: 3, page: 1.5}, prefix: true, fuzzy: 0.15, combineWith: "AND"}
};

/** The index's address on the site. */
export const SEARCH_INDEX_PATH = "/search-index.json";

export function loadIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
}

/** Call once on the search page: searches as the reader types, and for ?q= on arrival. */
export async function siteSearch(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>("form.search-page-form");
  const input = form?.querySelector<HTMLInputElement>("input[type=search]");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  if (!form || !input || !status || !list) return;
  let index: MiniSearch<SearchDoc>;
  try {
    const response = await fetch(SEARCH_INDEX_PATH);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    index = loadIndex(await response.text());
  } catch (error) {
    status.textContent = "Search could not load its index. Every page is listed below.";
    console.warn("search index:", error);
    return;
  }
  const show = (query: string) => {
    list.replaceChildren();
    const url = new URL(location.href);
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    if (!query.trim()) {
      status.textContent = "";
      return;
    }
    const results = index.search(query).slice(0, 50);
    status.textContent = results.length ? `${results.length === 50 ? "The first 50" : results.length} result${results.length === 1 ? "" : "s"} for “${query}”.` : `No results for “${query}”. Try fewer or other words.`;
    for (const r of results) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = r.url;
      a.textContent = r.title;
      const where = document.createElement("span");
      where.className = "search-kind";
      where.textContent = r.kind === "Page" ? "Page" : `${r.kind} on: ${r.page}`;
      const excerpt = document.createElement("p");
      excerpt.textContent = r.excerpt;
      li.append(a, " ", where, excerpt);
      list.append(li);
    }
  };
  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => show(input.value), 150);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show(input.value);
  });
  const q = new URL(location.href).searchParams.get("q") ?? "";
  input.value = q;
  if (q) show(q);
}
