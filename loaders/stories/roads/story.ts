// The Roads story: who is hurt on the roads, where and when — STATS19 beside the force's own figures. Every number
// in these steps comes from the facts (facts.ts) or is a published figure quoted with its citation.
import {formatCount, formatMonth, formatPercent, formatRate} from "../../../src/components/format.ts";
import {withExtracts} from "../../extracts/query.ts";
import {areas, force} from "../../lib/force.ts";
import {numberWord} from "../../lib/words.ts";
import {CHECKS} from "../../figures/checks.ts";
import {REASONS} from "../../figures/reasons.ts";
import {citationHtml, figurePath, tableRegion} from "../../site/components.ts";
import {html} from "../../site/html.ts";
import type {Step} from "../../site/scrolly.ts";
import {citation, documentOf} from "../../sources/documents.ts";
import {findPublishedMeasure, publishedMeasure, type PublishedMeasure} from "../../sources/published.ts";
import type {StoryDefinition} from "../definition.ts";
import {roadsCharts} from "./charts.ts";
import {forceCollisionFigures, highestShare, hourWords, knownSpeeds, ksiShare, roadFacts, roadUsersSentence, urbanLightSentence} from "./facts.ts";

// Each citation links to the figure's row on /figures, which sets out its quote, its document and the open data beside it.
const cite = (m: PublishedMeasure) => citationHtml(citation(m), m.id);

export const story: StoryDefinition = {
  lede: html`How many people are killed or hurt on ${force.place}'s roads, where and when it happens, and what the force is doing about it — from the collisions reported to police.`,
  label: "The roads story, step by step",
  charts: roadsCharts,
  steps
};

/** The story's steps, every number in them computed from the snapshot or quoted with its citation. */
async function steps(): Promise<Step[]> {
  const f = await withExtracts(roadFacts);
  const charts = await roadsCharts.load();
  const y = f.year;
  const force4 = forceCollisionFigures(y);
  const deaths = findPublishedMeasure(`roads-deaths-${y}`);
  const pedestrians = findPublishedMeasure(`roads-fatal-collisions-pedestrians-${y}`);
  const motorcyclists = findPublishedMeasure(`roads-fatal-collisions-motorcyclists-${y}`);
  const older = findPublishedMeasure("roads-fatal-casualties-aged-55-plus-share-2024-10-2025-09");
  const enforcement = ["roads-drink-driving-arrests", "roads-drug-driving-arrests", "roads-speed-camera-offences", "roads-mobile-phone-offences", "roads-seatbelt-offences"]
    .map((id) => findPublishedMeasure(`${id}-${y}`)).filter((m): m is PublishedMeasure => !!m);
  const rct = findPublishedMeasure("roads-road-crime-team-introduced");
  const groups = findPublishedMeasure(`roads-speedwatch-groups-${y}`), volunteers = findPublishedMeasure(`roads-speedwatch-volunteers-${y}`), sessions = findPublishedMeasure(`roads-speedwatch-sessions-${y}`);
  const top = f.byArea[0];
  // The speed limit with the most collisions, the one where a collision most often killed or seriously injured,
  // and how many KSI collisions were on rural roads.
  const busiest = knownSpeeds(f).reduce((a, b) => (b.collisions > a.collisions ? b : a));
  const worst = highestShare(knownSpeeds(f));
  const ruralKsi = f.byUrbanLight.filter((c) => c.label.startsWith("Rural")).reduce((s, c) => s + c.ksi, 0);
  const reportDate = formatMonth(documentOf(force4.serious.measure.document).date.slice(0, 7));
  const roadUsers = roadUsersSentence(f);

  return [
    {
      id: "hook", heading: `${formatCount(f.fatal)} collisions killed someone in ${y}`, chart: charts.severity,
      html: html`<p>In ${y}, ${formatCount(f.fatal)} collisions on ${force.place}'s roads killed someone, and ${formatCount(f.serious)} more seriously injured someone. Police recorded ${formatCount(f.collisions)} collisions in which someone was hurt.</p>
${deaths && html`<p>These are collisions, not deaths: some collisions kill more than one person. The force counts ${formatCount(deaths.value)} people killed in its ${formatCount(force4.fatal.value)} fatal collisions that year ${cite(deaths)}.</p>`}
<p>The chart shows the ${formatCount(f.collisions)} collisions by the most serious injury, with fatal collisions highlighted.</p>`
    },
    {
      id: "areas", heading: `Is that a lot? Compared across the ${numberWord(areas.length)} areas`, chart: charts.ksiByArea,
      html: html`<p>Per head of population, ${top.name} had the most collisions that killed or seriously injured someone (KSI): ${formatCount(top.ksi)}, or ${formatRate(top.ksiPer100k)} for every 100,000 residents, against ${formatRate(f.forceKsiPer100k)} across ${force.place}.</p>
<p>The chart now ranks the ${f.byArea.length} council areas by KSI collisions per 100,000 residents; the grey bar is the whole force area.</p>`
    },
    {
      id: "where", heading: "Where collisions happen", chart: charts.map,
      html: html`<p>The map marks every collision with its severity: small blue circles for slight injuries, orange diamonds for serious ones and dark triangles for deaths. Collisions cluster in the towns and along the main roads, but ${formatCount(ruralKsi)} of the ${formatCount(f.ksi)} collisions that killed or seriously injured someone were on rural roads.</p>
<p>Locations are where police recorded the collision. The table under the map counts them by area and severity; its CSV download lists every point.</p>`
    },
    {
      id: "when", heading: "When collisions happen", chart: charts.hourDay,
      html: html`<p>Most collisions happen when most people are on the road. The busiest three hours were ${hourWords(f.peakHours.from)} to ${hourWords(f.peakHours.to)}, with ${formatCount(f.peakHours.collisions)} collisions (${formatPercent(f.peakHours.collisions / f.collisions)} of the year). ${f.peakDay.day} had the most (${formatCount(f.peakDay.collisions)}) and ${f.quietDay.day} the fewest (${formatCount(f.quietDay.collisions)}).</p>
<p>The chart now shows each hour of each day of the week; darker squares mean more collisions.</p>`
    },
    {
      id: "speed", heading: "Faster roads, worse outcomes", chart: charts.speed,
      html: html`<p>The most collisions, ${formatCount(busiest.collisions)} of ${formatCount(f.collisions)}, happened on ${busiest.label} roads, where many journeys are. But a collision on a faster road is more likely to kill or seriously injure: on ${worst.label} roads, ${formatPercent(ksiShare(worst))} of collisions did.</p>
<p>The chart now shows, for each speed limit, the share of collisions that killed or seriously injured someone.</p>`
    },
    {
      id: "conditions", heading: "Rural roads and darkness", chart: charts.urbanLight,
      html: html`<p>Where and when a collision happens also matters. ${urbanLightSentence(f)}.</p>
<p>The chart now splits collisions by urban or rural area and by daylight or darkness.</p>`
    },
    {
      id: "who", heading: "Who is hurt", chart: charts.roadUsers,
      html: html`<p>The ${formatCount(f.collisions)} collisions hurt ${formatCount(f.casualties)} people, counting everyone injured in them.</p>
${pedestrians && motorcyclists && html`<p>The force's own analysis of the ${formatCount(force4.fatal.value)} fatal collisions found that ${formatCount(motorcyclists.value)} involved motorcycle riders and ${formatCount(pedestrians.value)} involved pedestrians ${cite(motorcyclists)}.${older && html` A later analysis found that ${formatCount(older.value)}% of the people killed were aged 55 or over ${cite(older)}.`}</p>`}
${roadUsers
  ? html`<p>${roadUsers} The chart now shows people killed or seriously injured by how they were travelling.</p>`
  : html`<p>Who was hurt — drivers, passengers, pedestrians, cyclists, their ages — is in the Department for Transport's casualty table, which this site's snapshot does not yet hold; it arrives with the next data refresh. The graphic still shows the previous chart.</p>`}`
    },
    {
      id: "force", heading: "What the force reports, and why it differs", chart: charts.forceVsStats19,
      html: html`<p>The force publishes its own collision figures. For ${y} it reports ${formatCount(force4.fatal.value)} fatal and ${formatCount(force4.serious.value)} serious collisions ${cite(force4.serious.measure)}. STATS19 has ${formatCount(f.fatal)} fatal and ${formatCount(f.serious)} serious.</p>
<p>The chart shows the two counts side by side. They are kept apart, never added together, because they are counted differently (the force's report is dated ${reportDate}):</p>
<ul>${(CHECKS.get(force4.serious.measure.id)?.reasons ?? []).map((r) => html`<li><strong>${REASONS[r].title}.</strong> ${REASONS[r].text}</li>`)}</ul>
<p>${force4.fatal.value === f.fatal && `The fatal counts agree (${formatCount(f.fatal)}). `}For serious collisions they differ by ${formatCount(Math.abs(force4.serious.value - f.serious))}. Each is set out with the report's own words on the published figures page: <a href="${figurePath(force4.fatal.measure.id)}">fatal</a>, <a href="${figurePath(force4.serious.measure.id)}">serious</a> and <a href="${figurePath(force4.ksi.measure.id)}">killed or seriously injured</a> collisions.</p>`
    },
    {
      id: "action", heading: "What is being done",
      html: html`${enforcement.length > 0 && html`<p>The force targets the "Fatal 4" causes of serious collisions: speeding, mobile phones, drink or drug driving, and not wearing a seat belt. In ${y} it recorded ${formatCount(enforcement.length)} kinds of enforcement ${cite(enforcement[0])}:</p>
${tableRegion({id: "fatal4", caption: `"Fatal 4" enforcement in ${y}, as the force reports it`,
  columns: [{label: "Measure"}, {label: String(y), numeric: true}, {label: "Compared with"}],
  rows: enforcement.map((m) => ({header: html`<a href="${figurePath(m.id)}">${m.measure}</a>`, cells: [formatCount(m.value), m.comparison]}))})}`}
${rct && html`<p>${rct.quote.replace(/\s+/g, " ").trim()} ${cite(rct)}.</p>`}
${groups && volunteers && sessions && html`<p>Community Speedwatch volunteers check speeds in their own streets and pass details of speeding drivers to the police. By the end of November ${y}, ${formatCount(groups.value)} groups were active, with ${formatCount(volunteers.value)} active volunteers, and they had held ${formatCount(sessions.value)} monitoring sessions ${cite(sessions)}.</p>`}
<p>The graphic still shows the comparison of the force's figures with STATS19.</p>`
    },
    {
      id: "help", heading: "What you can do",
      html: html`<ul>
<li>In an emergency, or if someone is in danger, call 999. To report dangerous driving that has happened, call 101 or report it online to ${force.name}.</li>
<li>Community Speedwatch groups are run by local volunteers: ask your local policing team or parish council about joining one.</li>
<li>See the figures for your own area on your <a href="/areas/">local area page</a>.</li>
</ul>`
    },
    {
      id: "how", heading: "How we know",
      html: html`<p>Collision figures are the Department for Transport's STATS19 data for ${y}: every collision on a public road in which someone was hurt and which was reported to police, here the ${formatCount(f.collisions)} in ${force.name}'s area. Damage-only collisions are not included, and many slight injuries are never reported to police. Severity is the worst injury in the collision, as the police recorded it; since forces moved to injury-based reporting, more injuries are recorded as serious than before, so compare years with care.</p>
<p>Rates use Census 2021 residents. The force's own figures are quoted from its published reports with document and section. Download <a href="/downloads/road-collisions.csv" download>every collision as CSV</a>, see the <a href="/data#road-collisions">data dictionary</a>, or read <a href="/about">how this site works</a>.</p>`
    }
  ];
}
