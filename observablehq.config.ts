// Observable Framework configuration. The force's name comes from data/reference/force.json; the pages are
// enumerated from the story registry, data/reference/areas.csv, the extract definitions and the site files
// written before the build (loaders/pages/site-files.ts: chart downloads, embed pages, area downloads).
import {EXTRACTS} from "./loaders/extracts/definitions.ts";
import {documentPaths} from "./loaders/figures/documents.ts";
import {FIGURE_DOWNLOAD} from "./loaders/figures/download.ts";
import {availableExtracts} from "./loaders/extracts/available.ts";
import {areas, force, TO_BE_FILLED} from "./loaders/lib/force.ts";
import {formatDay, lastUpdated} from "./loaders/pages/about.ts";
import {readSiteFilesIndex} from "./loaders/pages/site-files.ts";
import {escapeText} from "./loaders/site/html.ts";
import {MAIN_ID} from "./loaders/site/page.ts";
import {storyPaths} from "./loaders/stories/registry.ts";

// Extracts published under /downloads/ (a build fails on one whose input the snapshot lacks, so those are listed
// only when their input kind is in the snapshot — see loaders/extracts/available.ts).
const downloads = EXTRACTS.filter((e) => e.publish && availableExtracts().has(e.name)).map((e) => e.name);
const siteFiles = readSiteFilesIndex();

// The site's sections, in order (a list: a page that is a section of its own adds one line).
const NAV = [["/", "Home"], ["/stories/", "Stories"], ["/areas/", "Local areas"], ["/forces", "Forces compared"], ["/figures", "Figures"], ["/explore", "Explore"], ["/data", "Data"], ["/about", "About"]];

const header = `<a class="skip-link" href="#${MAIN_ID}">Skip to main content</a>
<div class="site-header">
  <a class="site-name" href="/">${escapeText(force.siteTitle)}</a>
  <nav aria-label="Main">
    <ul class="site-nav">
${NAV.map(([href, label]) => `      <li><a href="${href}">${escapeText(label)}</a></li>`).join("\n")}
      <li class="nav-search-link"><a href="/search">Search</a></li>
    </ul>
  </nav>
  <form class="site-search" role="search" action="/search" method="get">
    <label for="site-search-q">Search</label>
    <input id="site-search-q" type="search" name="q" autocomplete="off" placeholder="Pages, charts, figures">
    <button type="submit">Search</button>
  </form>
</div>`;

// Who runs the site and how to reach them (data/reference/force.json, filled in by the owner), and when the data
// was last updated (the snapshot's manifest).
const {contactEmail, contactUrl} = force.owner;
const escape = (t: string) => t.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
const contact = [contactEmail && `<a href="mailto:${escape(contactEmail)}">${escape(contactEmail)}</a>`, contactUrl && `<a href="${escape(contactUrl)}">contact form</a>`].filter(Boolean).join(" or ")
  || escape(TO_BE_FILLED);
const footer = `<p>Run by ${escape(force.owner.name || TO_BE_FILLED)}. Contact: ${contact}.
<a href="/about#accessibility-statement">Accessibility statement</a>. Data last updated ${formatDay(lastUpdated())}.</p>
<p>Contains public sector information licensed under the
<a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence v3.0</a>.
Contains OS data © Crown copyright and database right. Built from open data: see <a href="/about">About</a> and <a href="/data">Data</a>.</p>`;

// The page head's script. It sets the language and the "js" class, then:
// - window.siteFirstPaint resolves after the first contentful paint (after a frame where paint timing is not
//   supported; after 1.5 s at most, as a tab opened in the background does not paint);
// - then, once the HTML is parsed, it inserts the page's deferred HTML (loaders/site/html.ts deferredHtml),
//   puts in place of each [data-continue] link the parts of the linked page its selector names (a story's later
//   steps: loaders/site/scrolly.ts continuedAt), and scrolls to the address's #fragment if that was in them;
// - window.siteReady resolves after that, whatever the address holds (a failure is logged, never left to
//   stop the page's scripts). Every page's script awaits it before loading its modules, so the
//   build-time charts paint before any enhancement work starts.
const headScript = `document.documentElement.lang = "en-GB"; document.documentElement.classList.add("js");
window.siteFirstPaint = new Promise(function (resolve) {
  var later = function () { setTimeout(resolve, 0); };
  setTimeout(resolve, 1500);
  if (!window.PerformanceObserver || (PerformanceObserver.supportedEntryTypes || []).indexOf("paint") < 0) return requestAnimationFrame(later);
  new PerformanceObserver(function (list, observer) {
    if (list.getEntriesByName("first-contentful-paint").length) { observer.disconnect(); later(); }
  }).observe({type: "paint", buffered: true});
});
// The address's #fragment as an element id. A link can carry any bytes: a malformed escape ("#%") is read as typed.
function fragmentId() {
  var raw = location.hash.slice(1);
  try { return decodeURIComponent(raw); } catch (e) { return raw; }
}
window.siteReady = window.siteFirstPaint.then(function () {
  return new Promise(function (resolve) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { resolve(); }, {once: true});
    else resolve();
  });
}).then(function () {
  var id = fragmentId();
  var missing = id && !document.getElementById(id);
  document.querySelectorAll("noscript[data-deferred]").forEach(function (n) { n.insertAdjacentHTML("afterend", n.textContent); n.remove(); });
  return Promise.all(Array.prototype.map.call(document.querySelectorAll("[data-continue]"), function (p) {
    return fetch(p.querySelector("a").href).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    }).then(function (text) {
      var parts = new DOMParser().parseFromString(text, "text/html").querySelectorAll(p.getAttribute("data-continue"));
      if (!parts.length) throw new Error("nothing to continue with");
      parts.forEach(function (part) { p.before(document.importNode(part, true)); });
      p.remove();
    }).catch(function () { p.classList.add("is-failed"); }); // the link stays, for the reader to follow
  })).then(function () {
    var target = missing && document.getElementById(id);
    if (target) target.scrollIntoView();
  });
}).catch(function (error) { console.error("page set-up failed:", error); }); // the page's scripts still load`;

export default {
  root: "src",
  // SITE_DIST lets a second build (a benchmark, a test run) write elsewhere without touching dist/.
  output: process.env.SITE_DIST ?? "dist",
  title: force.siteTitle,
  // Our own header carries the skip link and navigation; Framework's sidebar toggle is not needed.
  sidebar: false,
  pager: false,
  toc: false,
  search: false,
  header,
  footer,
  // No web fonts (they would be a request to another host), our own stylesheet over Framework's defaults.
  globalStylesheets: [],
  style: "style.css",
  // DuckDB-WASM extensions are downloaded at run time from extensions.duckdb.org: never.
  duckdb: {extensions: {json: null, parquet: null}},
  head: `<meta name="description" content="Crime, anti-social behaviour and road safety in ${escapeText(force.place)}, from open data.">
<link rel="icon" href="data:,">
<script>${headScript}</script>`,
  dynamicPaths: [
    ...downloads.flatMap((name) => [`/downloads/${name}.csv`, `/downloads/${name}.parquet`]),
    ...storyPaths(),
    ...documentPaths(),
    `/downloads/${FIGURE_DOWNLOAD.name}.csv`, `/downloads/${FIGURE_DOWNLOAD.name}.parquet`,
    ...areas.map((a) => `/areas/${a.slug}`),
    ...siteFiles.charts.flatMap((id) => [`/downloads/charts/${id}.csv`, `/downloads/charts/${id}.svg`, `/downloads/charts/${id}.json`, `/embed/${id}`]),
    ...siteFiles.areaFiles.map((file) => `/downloads/areas/${file}`)
  ]
};
