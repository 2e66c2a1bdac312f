// The VAWG story: violence against women and girls, and domestic abuse — what the open data can and cannot show,
// what the force reports, and where to get help. A sensitive page: a quick exit on every view, a content note and
// help lines first, nothing finer than a council area, counts below 5 shown as "fewer than 5", and wording that names
// the crime and never blames the victim. Every number comes from the facts (facts.ts) or is a published figure with
// its citation.
import {formatPercent, formatRate} from "../../../src/components/format.ts";
import {withExtracts} from "../../extracts/query.ts";
import {areas, force} from "../../lib/force.ts";
import {capital, describeMonths, during, numberWord} from "../../lib/words.ts";
import {citationHtml, contactList, countText, publishedFigure, publishedTable, SMALL_COUNT} from "../../site/components.ts";
import {html} from "../../site/html.ts";
import type {Step} from "../../site/scrolly.ts";
import {citation, periodText} from "../../sources/documents.ts";
import {findPublishedMeasure, readPublishedMeasures, type PublishedMeasure} from "../../sources/published.ts";
import {continuedPath, type StoryDefinition} from "../registry.ts";
import {vawgCharts} from "./charts.ts";
import {areaCount, CATEGORY_CAVEAT, conductCrimesChange, openOutcomesSentence, sameMonthsSentence, vawgDefinitions, vawgFacts, VSO} from "./facts.ts";
import {HELP_NOW, MORE_HELP} from "./help.ts";
import {quickExitHtml} from "./quick-exit.ts";

const cite = (m: PublishedMeasure) => citationHtml(citation(m), m.id);
/** A published percentage change in words: "rose by 2%", "fell by 1%". */
const changeWords = (m: PublishedMeasure) => (m.value === 0 ? "stayed the same" : `${m.value > 0 ? "rose" : "fell"} by ${publishedFigure({...m, value: Math.abs(m.value)})}`.replace("+", ""));
/** The domestic abuse victim survey figures the victims story also uses: published figures with their citations. */
const SURVEY = ["victims-da-satisfied-initial-contact-2024-10-2025-09", "victims-da-satisfied-after-contact-2024-10-2025-09"];

export const story: StoryDefinition = {
  lede: html`Violence against women and girls, and domestic abuse, in ${force.place}: what the open data can and cannot show, what the force reports, and where to get help.`,
  label: "The violence against women and girls story, step by step",
  charts: vawgCharts,
  // On every page of the story, before anything else: the quick exit, the content note and the help lines.
  pageStart: html`${quickExitHtml()}
<div class="content-note" role="note" aria-label="Content note">
<p><strong>Content note:</strong> this page is about violence against women and girls, domestic abuse, rape and other sexual offences. It gives numbers, not accounts of what happened to anyone.</p>
<p>If you are in danger now, call 999. The help lines below are free. The “Exit this page” button, or pressing Shift three times, takes you to a weather page at once; it does not clear your browsing history (<a href="${continuedPath("vawg")}#browse-safely">how to browse more safely</a>).</p>
${contactList("Help now", HELP_NOW, "contact-list help-lines")}
<p><a href="${continuedPath("vawg")}#help">More help, including for rape and sexual assault, and for people worried about their own behaviour</a>.</p>
</div>`,
  steps
};

async function steps(): Promise<Step[]> {
  const f = await withExtracts(vawgFacts);
  const charts = await vawgCharts.load();
  const change = conductCrimesChange();
  const definitions = vawgDefinitions();
  const get = findPublishedMeasure;
  const vawg2023 = get("vawg-crimes-2023"), vawg2022 = get("vawg-crimes-2022"), domestic2023 = get("vawg-domestic-2023"), nonDomestic2023 = get("vawg-non-domestic-2023");
  const vawgChange = get("vawg-change-2024-10-2025-09"), domestic2025 = get("vawg-domestic-2024-10-2025-09"), nonDomestic2025 = get("vawg-non-domestic-2024-10-2025-09");
  const da2023 = get("domestic-abuse-crimes-2023"), daChange = get("domestic-abuse-change-2024-10-2025-09"), daOutcomes = get("domestic-abuse-cj-outcomes-2024-10-2025-09");
  const charged = get("domestic-abuse-charged-2024-10-2025-09"), outcome16 = get("domestic-abuse-outcome16-2024-10-2025-09");
  const repeat = ["domestic-abuse-victims-one-report-2024-10-2025-09", "domestic-abuse-victims-two-three-reports-2024-10-2025-09", "domestic-abuse-victims-four-plus-2024-10-2025-09"].map(get);
  const strangulation = get("domestic-strangulation-2023"), encompassChildren = get("op-encompass-children-notified-2021-02-2023-12"), encompassNotes = get("op-encompass-notifications-2021-02-2025-09");
  const survey = SURVEY.map(get).filter((m): m is PublishedMeasure => !!m);
  const published = [...readPublishedMeasures().filter((m) => m.story === "vawg"), ...survey];
  const top = f.byArea.areas.filter((a) => a.count >= SMALL_COUNT)[0];
  // Like for like: only years on the same side of the recording change.
  const comparable = f.sameMonths.filter((c) => c.before[0] >= change.month);
  const crossing = f.sameMonths.filter((c) => c.before[0] < change.month);
  const first = f.outcomes[0];

  return [
    {
      id: "hook", heading: "What the open data can and cannot show", chart: charts.trend,
      html: html`<p>${CATEGORY_CAVEAT}</p>
<p>With that in mind: ${during(f.last12)}, police.uk recorded ${countText(f.last12Count)} violence and sexual offences in ${force.place}.${comparable.length ? html` In the same months of two years, where this snapshot holds both, they ${comparable.map(sameMonthsSentence).join("; and ")}.` : ""}${crossing.length ? html` Comparisons with ${describeMonths(crossing.flatMap((c) => c.before))} would cross the recording change marked on the chart, so they are not made.` : ""}</p>
<p>The chart shows every month this snapshot holds; the line breaks where months are missing. The dashed line marks ${change.words}, when the rules for recording harassment, stalking and controlling or coercive behaviour changed ${citationHtml(change.citation)}.</p>`
    },
    {
      id: "areas", heading: `Across the ${numberWord(areas.length)} areas`, chart: charts.areas,
      html: html`<p>Per head of population, ${top.area.name} recorded the most violence and sexual offences ${during(f.last12)}: ${areaCount(top.count)}, or ${formatRate(top.rate)} for every 1,000 residents, against ${formatRate(f.byArea.force.rate)} across ${force.place}.</p>
<p>This story shows nothing smaller than a council area, and any count below 5 only as “fewer than 5”.</p>
<p>The chart now ranks the ${numberWord(f.byArea.areas.length)} council areas by offences per 1,000 residents; the grey bar is the whole force area.</p>`
    },
    {
      id: "outcomes", heading: "What happened next", chart: charts.outcomes,
      html: html`<p>Of the violence and sexual offences recorded ${during(f.last12)}, ${formatPercent(first.share)} ended with “${first.outcome}”. The chart compares each outcome with all crime (the black marks).</p>
<p>${openOutcomesSentence(f)}</p>`
    },
    {
      id: "definitions", heading: "What the force counts as violence against women and girls", chart: charts.split,
      html: html`<p>The force uses two definitions ${citationHtml(definitions.citation)}:</p>
<ul>
<li>the <strong>Beating Crime Plan</strong> definition: “${definitions.beatingCrimePlan}”</li>
<li>the <strong>national VAWG taskforce</strong> definition: “${definitions.taskforce}”</li>
</ul>
${vawg2023 && vawg2022 && domestic2023 && html`<p>By the first, the force counted ${countText(vawg2023.value)} crimes in ${periodText(vawg2023.period)}, against ${countText(vawg2022.value)} in ${periodText(vawg2022.period)} ${cite(vawg2023)}. ${countText(domestic2023.value)} were domestic abuse ${cite(domestic2023)}.</p>`}
${vawgChange && domestic2025 && nonDomestic2025 && html`<p>Its late-2025 report says these crimes ${changeWords(vawgChange)} in ${periodText(vawgChange.period)} on the year before ${cite(vawgChange)}, with ${countText(domestic2025.value)} domestic and ${countText(nonDomestic2025.value)} non-domestic ${cite(domestic2025)}. That report does not say which definition it uses, so its figures are shown beside the earlier ones, never joined with them.</p>`}
<p>The chart now shows the force's ${vawg2023 ? periodText(vawg2023.period) : ""} figures split into domestic and non-domestic crimes, as published.</p>`
    },
    {
      id: "recording", heading: "A change in recording that breaks the series", chart: charts.offences,
      html: html`<p>From ${change.words}, when harassment, stalking or controlling or coercive behaviour is reported at the same time as another, less serious crime by the same person, police record the harassment, stalking or controlling behaviour as the main crime, and record only the most serious of them ${citationHtml(change.citation)}.</p>
<p>So counts of harassment rose and counts of malicious communications fell in the force's figures, partly because of how they are counted ${vawg2023 && cite(vawg2023)}. Figures from before and after ${change.words} are not like for like; the first chart marks the month.</p>
<p>The chart now shows rape, stalking and harassment in the force's ${vawg2023 ? periodText(vawg2023.period) : ""} figures, with the offences affected by the change marked.</p>`
    },
    {
      id: "domestic-abuse", heading: "Domestic abuse: what the force reports",
      html: html`${da2023 && html`<p>The force recorded ${countText(da2023.value)} domestic abuse crimes in ${periodText(da2023.period)}, against ${da2023.comparison} ${cite(da2023)}.${daChange ? html` Its late-2025 report says they ${changeWords(daChange)} in ${periodText(daChange.period)} on the year before ${cite(daChange)}.` : ""}</p>`}
${daOutcomes && html`<p>${capital(publishedFigure({...daOutcomes, unit: "count"}))} domestic abuse crimes (${daOutcomes.comparison}) ended with a criminal justice outcome, such as a charge or a caution, in ${periodText(daOutcomes.period)} ${cite(daOutcomes)}.</p>`}
${charged && outcome16 && html`<p>Over the same months, ${countText(charged.value)} domestic abuse crimes (${charged.comparison}) were charged or summonsed ${cite(charged)}. ${capital(countText(outcome16.value))} (${outcome16.comparison}) were closed as “outcome 16”: a suspect was identified, but the victim did not support, or withdrew support for, police action ${cite(outcome16)}.</p>`}
${repeat.every(Boolean) && html`<p>In ${periodText(repeat[0]!.period)}, ${countText(repeat[0]!.value)} victims of domestic abuse (${repeat[0]!.comparison}) reported it once, ${countText(repeat[1]!.value)} (${repeat[1]!.comparison}) two or three times, and ${countText(repeat[2]!.value)} (${repeat[2]!.comparison}) four or more times ${cite(repeat[0]!)}.</p>`}
${strangulation && html`<p>${countText(strangulation.value)} of the more serious violent domestic crimes in ${periodText(strangulation.period)} were non-fatal strangulation or suffocation${/\((an offence since [^)]+)\)/.exec(strangulation.definition)?.[1] ? `, ${/\((an offence since [^)]+)\)/.exec(strangulation.definition)![1]}` : ""} ${cite(strangulation)}.</p>`}
${encompassChildren && encompassNotes && html`<p>Through Operation Encompass, schools are told when a child has lived through a domestic abuse incident. The force counted ${countText(encompassChildren.value)} children from ${periodText(encompassChildren.period)} ${cite(encompassChildren)}, and later ${countText(encompassNotes.value)} notifications from ${periodText(encompassNotes.period)} ${cite(encompassNotes)}: children in one count, notifications in the other, so the two cannot be subtracted.</p>`}
${survey.length === SURVEY.length && html`<p>In the force's survey of domestic abuse victims, ${publishedFigure(survey[0])} were satisfied with their first contact with the police and ${publishedFigure(survey[1])} after it, in ${periodText(survey[0].period)} ${cite(survey[0])}. The survey is small, and separate from the force's survey of other victims.</p>`}
${publishedTable({id: "vawg-published", caption: "Every violence against women and girls and domestic abuse figure this site holds from the force's reports, as published", measures: published})}
<p>The graphic still shows the force's figures for rape, stalking and harassment.</p>`
    },
    {
      id: "help", heading: "Help and support",
      html: html`<p>Whatever has happened, it is not your fault. These services are free and confidential.</p>
${contactList("Help lines", [...HELP_NOW, ...MORE_HELP], "contact-list help-lines")}`
    },
    {
      id: "browse-safely", heading: "Browsing more safely",
      html: html`<p>The “Exit this page” button, and pressing Shift three times, take you straight to the BBC Weather page and replace this page in the browser's back button. They do not erase your browsing history: this site will still be listed in it.</p>
<ul>
<li>Use a private or incognito window where you can: the browser does not keep its history once you close it.</li>
<li>Otherwise you can delete this site from your browsing history, in your browser's settings.</li>
<li>If someone may see your phone or computer, use a device they cannot get to, such as a friend's or a library's.</li>
</ul>`
    },
    {
      id: "how", heading: "How we know",
      html: html`<p>The open-data figures are police.uk street-level records of “${VSO}” for ${force.name}, ${describeMonths(f.months)}: the months this snapshot holds. They are not the Home Office's recorded-crime statistics, and police.uk revises past months. Nothing smaller than a council area is shown.</p>
<p>The force's figures are quoted from its published reports with document and section. They use its own definitions and periods, and are never joined with open data into one series. Download <a href="/downloads/street-crime-monthly.csv" download>the monthly records as CSV</a>, see the <a href="/data#street-crime-monthly">data dictionary</a>, or read <a href="/about">how this site works</a>.</p>`
    }
  ];
}
