// The Roads story: who is hurt on the roads, where and when — STATS19 beside the force's own figures.
import {formatCount, formatMonth, formatPercent} from "../../src/components/format.ts";
import {chartCatalogue} from "../charts/catalogue.ts";
import {forceCollisionFigures} from "../charts/roads.ts";
import {force} from "../lib/force.ts";
import {withExtracts} from "../extracts/query.ts";
import {hourWords, roadFacts} from "../roads/facts.ts";
import {esc} from "../site/html.ts";
import {continuedScrollyHtml, scrollyHtml, type Step} from "../site/scrolly.ts";
import {citation, documentOf} from "../sources/documents.ts";
import {publishedMeasure, type PublishedMeasure} from "../sources/published.ts";
import {chartClient, clientScript, page, STORY_STYLE} from "./markdown.ts";

/** A published figure with its citation, as the story shows it. */
function cite(m: PublishedMeasure): string {
  return `<span class="citation">(${esc(citation(m))})</span>`;
}

function figure(id: string): PublishedMeasure | undefined {
  try {
    return publishedMeasure(id);
  } catch {
    return undefined;
  }
}

/** Where the story's later steps are published (src/stories/roads-continued.md.ts). */
const CONTINUED = "/stories/roads-continued";
const TITLE = "Roads: who is hurt, where and when";
const LABEL = "The roads story, step by step";
// Both pages are at the same depth and enhance their charts and steps the same way.
const SCRIPT = clientScript([chartClient(1), {module: "../components/scrolly.js", call: "scrollies"}]);

/** The story's first part: the headline, the first step and the graphic; the later steps follow from CONTINUED. */
export async function roadsPage(): Promise<string> {
  const steps = await roadsSteps();
  return page({title: TITLE, toc: false, style: STORY_STYLE}, `
# ${TITLE}

<p class="lede">How many people are killed or hurt on ${esc(force.place)}'s roads, where and when it happens, and what the force is doing about it — from the collisions reported to police.</p>

${scrollyHtml({id: "roads-story", label: LABEL, steps,
  continuedAt: {href: CONTINUED, text: `Continue the story: step 2 of ${steps.length}, “${steps[1].heading}” (next page)`}})}

${SCRIPT}
`);
}

/**
 * The story's later steps as a page of their own: where a reader without JavaScript goes next, and what the
 * first part fetches with JavaScript (same folder, so the relative links in the steps still resolve).
 */
export async function roadsContinuedPage(): Promise<string> {
  const steps = await roadsSteps();
  return page({title: `${TITLE} (continued)`, toc: false, style: STORY_STYLE}, `
# ${TITLE} (continued)

<p class="lede">The rest of the roads story, from step 2 of ${steps.length}. <a href="/stories/roads">Start from the beginning</a>.</p>

${continuedScrollyHtml({id: "roads-story", label: LABEL, steps})}

${SCRIPT}
`);
}

/** The story's steps, every number in them computed from the snapshot or quoted with its citation. */
async function roadsSteps(): Promise<Step[]> {
  const f = await withExtracts(roadFacts);
  const charts = await chartCatalogue();
  const chart = (id: string) => charts.get(id);
  const y = f.year;
  const force4 = forceCollisionFigures(y);
  const deaths = figure(`roads-deaths-${y}`);
  const pedestrians = figure(`roads-fatal-collisions-pedestrians-${y}`);
  const motorcyclists = figure(`roads-fatal-collisions-motorcyclists-${y}`);
  const older = figure("roads-fatal-casualties-aged-55-plus-share-2024-10-2025-09");
  const enforcement = ["roads-drink-driving-arrests", "roads-drug-driving-arrests", "roads-speed-camera-offences", "roads-mobile-phone-offences", "roads-seatbelt-offences"]
    .map((id) => figure(`${id}-${y}`)).filter((m): m is PublishedMeasure => !!m);
  const rct = figure("roads-road-crime-team-introduced");
  const groups = figure(`roads-speedwatch-groups-${y}`), volunteers = figure(`roads-speedwatch-volunteers-${y}`), sessions = figure(`roads-speedwatch-sessions-${y}`);
  const top = f.byArea[0];
  const speed = chart("roads-speed-limit")!.data.find((d) => d.role === "this")!;
  const serious = f.byArea.length;
  // The speed limit with the most collisions, and how many KSI collisions were on rural roads: stated, so computed.
  const busiest = f.bySpeed.filter((c) => c.label !== "Unknown").reduce((a, b) => (b.collisions > a.collisions ? b : a));
  const ruralKsi = f.byUrbanLight.filter((c) => c.label.startsWith("Rural")).reduce((s, c) => s + c.ksi, 0);
  const reportDate = formatMonth(documentOf(publishedMeasure(`roads-serious-collisions-${y}`).document).date.slice(0, 7));

  const steps: Step[] = [
    {
      id: "hook", heading: `${formatCount(f.fatal)} collisions killed someone in ${y}`, chart: chart("roads-severity"),
      html: `<p>In ${y}, ${formatCount(f.fatal)} collisions on ${esc(force.place)}'s roads killed someone, and ${formatCount(f.serious)} more seriously injured someone. Police recorded ${formatCount(f.collisions)} collisions in which someone was hurt.</p>
${deaths ? `<p>These are collisions, not deaths: some collisions kill more than one person. The force counts ${formatCount(deaths.value)} people killed in its ${formatCount(force4.fatal.value)} fatal collisions that year ${cite(deaths)}.</p>` : ""}
<p>The chart shows the ${formatCount(f.collisions)} collisions by the most serious injury, with fatal collisions highlighted.</p>`
    },
    {
      id: "areas", heading: "Is that a lot? Compared across the nine areas", chart: chart("roads-ksi-by-area"),
      html: `<p>Per head of population, ${esc(top.name)} had the most collisions that killed or seriously injured someone (KSI): ${formatCount(top.ksi)}, or ${(Math.round(top.ksiPer100k * 10) / 10).toLocaleString("en-GB")} for every 100,000 residents, against ${(Math.round(f.forceKsiPer100k * 10) / 10).toLocaleString("en-GB")} across ${esc(force.place)}.</p>
<p>The chart now ranks the ${serious} council areas by KSI collisions per 100,000 residents; the grey bar is the whole force area.</p>`
    },
    {
      id: "where", heading: "Where collisions happen", chart: chart("roads-map"),
      html: `<p>The map marks every collision with its severity: small blue circles for slight injuries, orange diamonds for serious ones and dark triangles for deaths. Collisions cluster in the towns and along the main roads, but ${formatCount(ruralKsi)} of the ${formatCount(f.ksi)} collisions that killed or seriously injured someone were on rural roads.</p>
<p>Locations are where police recorded the collision. The table under the map counts them by area and severity; its CSV download lists every point.</p>`
    },
    {
      id: "when", heading: "When collisions happen", chart: chart("roads-hour-day"),
      html: `<p>Most collisions happen when most people are on the road. The busiest three hours were ${hourWords(f.peakHours.from)} to ${hourWords(f.peakHours.to)}, with ${formatCount(f.peakHours.collisions)} collisions (${formatPercent(f.peakHours.collisions / f.collisions)} of the year). ${esc(f.peakDay.day)} had the most (${formatCount(f.peakDay.collisions)}) and ${esc(f.quietDay.day)} the fewest (${formatCount(f.quietDay.collisions)}).</p>
<p>The chart now shows each hour of each day of the week; darker squares mean more collisions.</p>`
    },
    {
      id: "speed", heading: "Faster roads, worse outcomes", chart: chart("roads-speed-limit"),
      html: `<p>The most collisions, ${formatCount(busiest.collisions)} of ${formatCount(f.collisions)}, happened on ${esc(busiest.label)} roads, where many journeys are. But a collision on a faster road is more likely to kill or seriously injure: on ${esc(String(speed.label))}, ${formatPercent(Number(speed.value))} of collisions did.</p>
<p>The chart now shows, for each speed limit, the share of collisions that killed or seriously injured someone.</p>`
    },
    {
      id: "conditions", heading: "Rural roads and darkness", chart: chart("roads-urban-rural-light"),
      html: `<p>Where and when a collision happens also matters. ${esc(chart("roads-urban-rural-light")!.description.split(". ")[0])}.</p>
<p>The chart now splits collisions by urban or rural area and by daylight or darkness.</p>`
    },
    {
      id: "who", heading: "Who is hurt", chart: chart("roads-casualties-by-road-user"),
      html: `<p>The ${formatCount(f.collisions)} collisions hurt ${formatCount(f.casualties)} people, counting everyone injured in them.</p>
${pedestrians && motorcyclists ? `<p>The force's own analysis of the ${formatCount(force4.fatal.value)} fatal collisions found that ${formatCount(motorcyclists.value)} involved motorcycle riders and ${formatCount(pedestrians.value)} involved pedestrians ${cite(motorcyclists)}.${older ? ` A later analysis found that ${formatCount(older.value)}% of the people killed were aged 55 or over ${cite(older)}.` : ""}</p>` : ""}
${chart("roads-casualties-by-road-user") ? `<p>${esc(chart("roads-casualties-by-road-user")!.description)} The chart now shows people killed or seriously injured by how they were travelling.</p>` : `<p>Who was hurt — drivers, passengers, pedestrians, cyclists, their ages — is in the Department for Transport's casualty table, which this site's snapshot does not yet hold; it arrives with the next data refresh. The graphic still shows the previous chart.</p>`}`
    },
    {
      id: "force", heading: "What the force reports, and why it differs", chart: chart("roads-force-vs-stats19"),
      html: `<p>The force publishes its own collision figures. For ${y} it reports ${formatCount(force4.fatal.value)} fatal and ${formatCount(force4.serious.value)} serious collisions ${cite(publishedMeasure(`roads-serious-collisions-${y}`))}. STATS19 has ${formatCount(f.fatal)} fatal and ${formatCount(f.serious)} serious.</p>
<p>The chart shows the two counts side by side. They are kept apart, never added together, because they are counted differently:</p>
<ul>
<li>the force's figures come from its own records at the time of its report (${esc(reportDate)}), and can include collisions still being investigated;</li>
<li>STATS19 is the Department for Transport's national dataset, checked and finalised months later, when some injuries are re-graded;</li>
<li>the two take their data on different dates, and the report does not set out its definitions in full.</li>
</ul>
<p>${force4.fatal.value === f.fatal ? `The fatal counts agree (${formatCount(f.fatal)}). ` : ""}For serious collisions they differ by ${formatCount(Math.abs(force4.serious.value - f.serious))}.</p>`
    },
    {
      id: "action", heading: "What is being done",
      html: `${enforcement.length ? `<p>The force targets the "Fatal 4" causes of serious collisions: speeding, mobile phones, drink or drug driving, and not wearing a seat belt. In ${y} it recorded ${formatCount(enforcement.length)} kinds of enforcement ${cite(enforcement[0])}:</p>
<div class="table-scroll" role="region" aria-labelledby="fatal4-caption" tabindex="0"><table>
<caption id="fatal4-caption">"Fatal 4" enforcement in ${y}, as the force reports it</caption>
<thead><tr><th scope="col">Measure</th><th scope="col" class="num">${y}</th><th scope="col">Compared with</th></tr></thead>
<tbody>${enforcement.map((m) => `<tr><th scope="row">${esc(m.measure)}</th><td class="num">${formatCount(m.value)}</td><td>${esc(m.comparison)}</td></tr>`).join("")}</tbody>
</table></div>` : ""}
${rct ? `<p>${esc(rct.quote.replace(/\s+/g, " ").trim())} ${cite(rct)}.</p>` : ""}
${groups && volunteers && sessions ? `<p>Community Speedwatch volunteers check speeds in their own streets and pass details of speeding drivers to the police. By the end of November ${y}, ${formatCount(groups.value)} groups were active, with ${formatCount(volunteers.value)} active volunteers, and they had held ${formatCount(sessions.value)} monitoring sessions ${cite(sessions)}.</p>` : ""}
<p>The graphic still shows the comparison of the force's figures with STATS19.</p>`
    },
    {
      id: "help", heading: "What you can do",
      html: `<ul>
<li>In an emergency, or if someone is in danger, call 999. To report dangerous driving that has happened, call 101 or report it online to ${esc(force.name)}.</li>
<li>Community Speedwatch groups are run by local volunteers: ask your local policing team or parish council about joining one.</li>
<li>See the figures for your own area on your <a href="/areas/">local area page</a>.</li>
</ul>`
    },
    {
      id: "how", heading: "How we know",
      html: `<p>Collision figures are the Department for Transport's STATS19 data for ${y}: every collision on a public road in which someone was hurt and which was reported to police, here the ${formatCount(f.collisions)} in ${esc(force.name)}'s area. Damage-only collisions are not included, and many slight injuries are never reported to police. Severity is the worst injury in the collision, as the police recorded it; since forces moved to injury-based reporting, more injuries are recorded as serious than before, so compare years with care.</p>
<p>Rates use Census 2021 residents. The force's own figures are quoted from its published reports with document and section. Download <a href="/downloads/road-collisions.csv">every collision as CSV</a>, see the <a href="/data#road-collisions">data dictionary</a>, or read <a href="/about">how this site works</a>.</p>`
    }
  ];

  return steps;
}
