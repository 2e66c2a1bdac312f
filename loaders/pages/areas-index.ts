// /areas/: choose a local area on a map, from a list, or by typing a place name; and how the nine compare.
import {formatCount, formatRate} from "../../src/components/format.ts";
import {areaChooserSvg} from "../areas/chooser-map.ts";
import {areaFacts} from "../areas/facts.ts";
import {placeNames} from "../areas/places.ts";
import {chartId, periodWords} from "../charts/areas.ts";
import {getChart} from "../charts/catalogue.ts";
import {areas, force} from "../lib/force.ts";
import {withExtracts} from "../extracts/query.ts";
import {chartHtml, esc} from "../site/html.ts";
import {AREAS_STYLE, chartClient, clientScript, page} from "./markdown.ts";

const html = (s: string) => s.replace(/\n\s*/g, " ").trim();

export async function areasIndexPage(): Promise<string> {
  const all = await withExtracts((db) => areaFacts(db));
  const period = periodWords(all.last12);
  const places = placeNames();
  const count = areas.length === 9 ? "nine" : formatCount(areas.length);
  const list = all.areas.map((f) => `<li><a href="/areas/${f.area.slug}">${esc(f.area.name)}</a>
    <span class="muted">${formatRate(f.crimeRate)} crimes and ${formatRate(f.asbRate)} anti-social behaviour incidents per 1,000 residents</span></li>`).join("");
  const groups = areas.map((area) => {
    const mine = places.filter((p) => p.area.code === area.code);
    // No id on the heading: Framework would wrap it in an anchor link, and a link inside a link has no name.
    return `<section class="place-group" data-area-name="${esc(area.name)}" aria-label="Places in ${esc(area.name)}">
      <h3><a href="/areas/${area.slug}">${esc(area.name)}</a></h3>
      <ul class="place-list">${mine.map((p) => `<li data-place="${esc(p.name)}">${esc(p.name)}</li>`).join("")}</ul></section>`;
  }).join("");
  return page({title: "Local areas", toc: false, style: AREAS_STYLE}, `
# Local areas

${html(`<p class="lede">${esc(force.place)} has ${count} Community Safety Partnerships, one for each council area. Each has its own page: its crime and anti-social behaviour, trends, a map down to small areas, roads, and how it compares with the others.</p>`)}

<h2 id="choose">Choose an area</h2>

${html(`<div class="area-chooser">
  <div class="area-chooser-map">${areaChooserSvg()}</div>
  <div class="area-chooser-list"><p class="muted">Rates for ${esc(period)}, from police.uk records and Census 2021 population.</p><ul class="area-list">${list}</ul></div>
</div>`)}

<h2 id="find">Find your area by place name</h2>

${html(`<div class="place-finder">
  <p>Every place below is listed under its area. The names are the ${formatCount(places.length)} electoral wards of 2013 (ONS boundaries); some councils have redrawn and renamed their wards since, so if you cannot find a newer ward name, try your town or village.</p>
  <div class="place-search-field" hidden><label for="place-search">Type a place or ward name</label>
    <input type="search" id="place-search" autocomplete="off" spellcheck="false" aria-describedby="place-status">
    <p id="place-status" class="place-status" role="status" aria-live="polite"></p></div>
  <div class="place-groups">${groups}</div>
</div>`)}

<h2 id="compare">How the ${count} areas compare</h2>

${chartHtml(await getChart(chartId.indexCrimeRates), {headingLevel: 3})}

${chartHtml(await getChart(chartId.indexAsbRates), {headingLevel: 3})}

${clientScript([chartClient(1), {module: "./finder.js", call: "enhanceFinder"}])}
`);
}
