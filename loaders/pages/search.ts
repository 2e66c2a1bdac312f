// The search page (/search): a search box whose results come from the static index (src/components/search.ts),
// and, for every reader (with or without JavaScript), a list of every page on the site.
import {areas} from "../lib/force.ts";
import {html} from "../site/html.ts";
import {clientScript, page, pageExists} from "../site/page.ts";
import {STORIES, storyPath} from "../stories/registry.ts";

export function searchPage(): string {
  const stories = STORIES.filter((s) => s.status === "published");
  const other: [string, string][] = ([["/explore", "Explore the data"], ["/data", "Data and downloads"], ["/about", "About this site, methods and accessibility"]] as [string, string][])
    .filter(([path]) => pageExists(path));
  return page({title: "Search", toc: false},
    "# Search",
    html`<form class="search-page-form" role="search" action="/search" method="get">
<label for="search-q">Search pages, charts and published figures</label>
<div class="search-row"><input id="search-q" type="search" name="q" autocomplete="off"><button type="submit" class="button">Search</button></div>
</form>
<noscript><p>Search needs JavaScript, which is off in this browser. Every page is listed below.</p></noscript>
<p id="search-status" class="search-status" role="status"></p>
<ol id="search-results" class="search-results"></ol>
<h2 id="all-pages">Every page</h2>
<ul class="link-list">
<li><a href="/">Home</a></li>
<li><a href="/stories/">Stories</a><ul>${stories.map((s) => html`<li><a href="${storyPath(s.slug)}">${s.title}</a></li>`)}</ul></li>
<li><a href="/areas/">Local areas</a><ul>${areas.map((a) => html`<li><a href="/areas/${a.slug}">${a.name}</a></li>`)}</ul></li>
${other.map(([path, label]) => html`<li><a href="${path}">${label}</a></li>`)}
</ul>`,
    clientScript([{module: "./components/search.js", call: "siteSearch"}]));
}
