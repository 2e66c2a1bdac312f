// /areas/: choose a local area on a map, from a list, or by typing a place name; and how the areas compare.
import {formatCount, formatRate} from "../../src/components/format.ts";
import {withExtracts} from "../extracts/query.ts";
import {areas, force} from "../lib/force.ts";
import {numberWord, periodWords} from "../lib/words.ts";
import {chartHtml} from "../site/chart-html.ts";
import {html} from "../site/html.ts";
import {AREAS_STYLE, chartClient, clientScript, page} from "../site/page.ts";
import {areaCharts} from "./charts.ts";
import {areaChooserSvg} from "./chooser-map.ts";
import {areaFacts} from "./facts.ts";
import {placeNames} from "./places.ts";

export async function areasIndexPage(): Promise<string> {
  const all = await withExtracts((db) => areaFacts(db));
  const charts = (await areaCharts.load()).index;
  const period = periodWords(all.last12);
  const places = placeNames();
  const count = numberWord(areas.length);
  const list = all.areas.map((f) => html`<li><a href="/areas/${f.area.slug}">${f.area.name}</a>
<span class="muted">${formatRate(f.crimeRate)} crimes and ${formatRate(f.asbRate)} anti-social behaviour incidents per 1,000 residents</span></li>`);
  const groups = areas.map((area) => {
    const mine = places.filter((p) => p.area.code === area.code);
    // No id on the heading: Framework would wrap it in an anchor link, and a link inside a link has no name.
    return html`<section class="place-group" data-area-name="${area.name}" aria-label="Places in ${area.name}">
<h3><a href="/areas/${area.slug}">${area.name}</a></h3>
<ul class="place-list">${mine.map((p) => html`<li data-place="${p.name}">${p.name}</li>`)}</ul></section>`;
  });
  return page({title: "Local areas", toc: false, style: AREAS_STYLE},
    "# Local areas",
    html`<p class="lede">${force.place} has ${count} Community Safety Partnerships, one for each council area. Each has its own page: its crime and anti-social behaviour, trends, a map down to small areas, roads, and how it compares with the others.</p>`,
    html`<h2 id="choose">Choose an area</h2>`,
    html`<div class="area-chooser">
<div class="area-chooser-map">${areaChooserSvg()}</div>
<div class="area-chooser-list"><p class="muted">Rates for ${period}, from police.uk records and Census 2021 population.</p><ul class="area-list">${list}</ul></div>
</div>`,
    html`<h2 id="find">Find your area by place name</h2>`,
    html`<div class="place-finder">
<p>Every place below is listed under its area. The names are the ${formatCount(places.length)} electoral wards of 2013 (ONS boundaries); some councils have redrawn and renamed their wards since, so if you cannot find a newer ward name, try your town or village.</p>
<div class="place-search-field" hidden><label for="place-search">Type a place or ward name</label>
<input type="search" id="place-search" autocomplete="off" spellcheck="false" aria-describedby="place-status">
<p id="place-status" class="place-status" role="status" aria-live="polite"></p></div>
<div class="place-groups">${groups}</div>
</div>`,
    html`<h2 id="compare">How the ${count} areas compare</h2>`,
    chartHtml(charts.crimeRates, {headingLevel: 3}),
    chartHtml(charts.asbRates, {headingLevel: 3}),
    clientScript([chartClient(1), {module: "./finder.js", call: "enhanceFinder"}]));
}
