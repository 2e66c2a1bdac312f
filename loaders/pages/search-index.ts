// The site search's index, from the built pages themselves (so it finds exactly what readers see, whatever loader
// wrote the page): each page, each of its sections (an h2 with an id), each chart, and each published figure.
// scripts/postbuild.ts writes it as /search-index.json; src/components/search.ts searches it in the browser.
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {JSDOM} from "jsdom";
import MiniSearch from "minisearch";
import {SEARCH_OPTIONS, type SearchDoc} from "../../src/components/search.ts";

/** Pages left out: chart embeds (each chart is found on its own page), the error page and the search page. */
const SKIP = [/^embed\//, /^404\.html$/, /^search\.html$/];

const clean = (t: string | null | undefined) => (t ?? "").replace(/\s+/g, " ").trim();
const excerptOf = (t: string) => (t.length > 180 ? `${t.slice(0, 177).replace(/\s+\S*$/, "")}…` : t);

/** The address a page file is served at: about.html → /about, areas/index.html → /areas/. */
export function pagePath(file: string): string {
  return "/" + file.replace(/\\/g, "/").replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "");
}

/** What one built page holds for search. A story's "-continued" page is found at the story's own address. */
export function pageDocs(html: string, path: string): SearchDoc[] {
  // No scripts run, so a <noscript>'s HTML is read as HTML; the inlined stylesheet is not needed (nor parsed).
  const doc = new JSDOM(html.replace(/<style>[\s\S]*?<\/style>/g, "")).window.document;
  const main = doc.querySelector("main");
  if (!main) return [];
  const url = path.replace(/-continued$/, "");
  const pageTitle = clean(main.querySelector("h1")?.textContent).replace(/ \(continued\)$/, "") || clean(doc.title);
  const docs: SearchDoc[] = [];
  const add = (d: Omit<SearchDoc, "id" | "excerpt" | "page">) => {
    if (docs.some((x) => x.url === d.url)) return;
    docs.push({...d, id: "", page: pageTitle, excerpt: excerptOf(d.text)});
  };
  if (!path.endsWith("-continued")) add({url, kind: "Page", title: pageTitle, text: clean(main.querySelector(".lede, h1 + p")?.textContent)});
  for (const figure of Array.from(main.querySelectorAll<HTMLElement>("figure.chart[id]"))) {
    add({url: `${url}#${figure.id}`, kind: "Chart", title: clean(figure.querySelector(".chart-title")?.textContent),
      text: clean([figure.querySelector(".chart-subtitle")?.textContent, figure.querySelector(".chart-description")?.textContent].join(" "))});
  }
  // Sections: a heading with an id, and the text up to the next heading of the same or a higher level.
  for (const heading of Array.from(main.querySelectorAll<HTMLElement>("h2[id], h3[id], section.scrolly-step[id] > h2"))) {
    const anchor = heading.id && !heading.id.endsWith("-heading") ? heading.id : heading.closest("section")?.id;
    if (!anchor || heading.classList.contains("chart-title")) continue;
    const level = Number(heading.tagName[1]);
    const parts: string[] = [];
    for (let n = heading.nextElementSibling; n && !(/^H[1-6]$/.test(n.tagName) && Number(n.tagName[1]) <= level); n = n.nextElementSibling) {
      if (n.matches("figure, script, .table-block, noscript")) continue;
      parts.push(clean(n.textContent));
    }
    add({url: `${url}#${anchor}`, kind: "Section", title: clean(heading.textContent), text: parts.join(" ").slice(0, 2000)});
  }
  // Published figures: each quoted measure, found at its section (an area page) or its own row (/figures).
  for (const li of Array.from(main.querySelectorAll<HTMLElement>(".published-list > li, [data-published-figure], .figures-table tbody tr[id]"))) {
    docs.push({id: "", url: `${url}#${li.id || "published"}`, kind: "Published figure", page: pageTitle,
      title: clean(li.querySelector(".figure-self, strong, .published-measure, h3")?.textContent), text: clean(li.textContent), excerpt: excerptOf(clean(li.textContent))});
  }
  return docs.filter((d) => d.title);
}

function* htmlFiles(dir: string, root = dir): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path, root);
    else if (name.endsWith(".html")) yield relative(root, path);
  }
}

/** The index over every page in a built site, as the JSON the browser loads. */
export function buildSearchIndex(dist: string): {json: string; docs: number} {
  const docs: SearchDoc[] = [];
  for (const file of [...htmlFiles(dist)].sort()) {
    if (SKIP.some((r) => r.test(file.replace(/\\/g, "/")))) continue;
    docs.push(...pageDocs(readFileSync(join(dist, file), "utf8"), pagePath(file)));
  }
  docs.forEach((d, i) => (d.id = String(i)));
  const search = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  search.addAll(docs);
  return {json: JSON.stringify(search), docs: docs.length};
}
