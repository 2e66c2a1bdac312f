// The Victims story: if you report a crime, what happens, and will anyone be caught? police.uk's last outcome for
// every crime held, compared like with like, the force beside other forces, what victims told the surveys, what the
// Victims' Code promises and where to get help. Every number comes from the facts (facts.ts) or a cited row of
// data/reference/published-measures.csv; every service, number and address from a public source named with its date.
import {formatCount, formatMonth, formatPercent} from "../../../src/components/format.ts";
import {withExtracts} from "../../extracts/query.ts";
import {categoriesOf, OUTCOME_GROUPS, shareOf} from "../../extracts/outcome-groups.ts";
import {areas, force} from "../../lib/force.ts";
import {capital, listWords, lower, numberWord, periodWords, rankWords} from "../../lib/words.ts";
import {citationHtml, tableRegion} from "../../site/components.ts";
import {html, type Html} from "../../site/html.ts";
import type {Step} from "../../site/scrolly.ts";
import {citation} from "../../sources/documents.ts";
import {publishedMeasure, type PublishedMeasure} from "../../sources/published.ts";
import type {StoryDefinition} from "../definition.ts";
import {furthestGroups, lagWords, sameAgeWords, setLabel, victimsCharts} from "./charts.ts";
import {CODE_MEASURES, dateWords, inMonths, fractionWords, GROUP_WORDS, noActionShare, noSuspectShare, outcomesSentence, periodText, SURVEYS, victimFacts, type FileSet} from "./facts.ts";

const cite = (m: PublishedMeasure) => citationHtml(citation(m), m.id);
/** A section of one of the published documents, cited without a figure of its own. */
const citeSection = (document: string, section: string) => citationHtml(citation({document, section}));
const LATE_2025 = "force-performance-report-late-2025.txt";
const pct = (m: PublishedMeasure) => `${m.value}%`;

/** A public web page the story relies on for a service, a number or a right: its address, its title and its date. */
interface WebSource {
  url: string;
  title: string;
  publisher: string;
  /** the page's date in words, or what is known of it */
  date: string;
}

// Found through the project's search of public pages (see the report for issue 14); each is shown with its address and date.
const SOURCES = {
  code: {url: "https://www.gov.uk/government/publications/the-code-of-practice-for-victims-of-crime", title: "The Code of Practice for Victims of Crime in England and Wales (Victims' Code)", publisher: "Ministry of Justice, GOV.UK", date: "in force since 1 April 2021"},
  order: {url: "https://www.legislation.gov.uk/uksi/2020/1314/made", title: "The Domestic Violence, Crime and Victims Act 2004 (Victims' Code of Practice) Order 2020", publisher: "legislation.gov.uk", date: "made 19 November 2020, in force 1 April 2021"},
  gateway: {url: "https://staffsvictimsgateway.org.uk/support-about-who/", title: "Who are we? (Staffordshire Victim Gateway and Restorative Justice Service)", publisher: "Staffordshire Victim Gateway", date: "page undated"},
  contract: {url: "https://lichfieldlive.co.uk/2025/02/23/service-helping-victims-of-crime-in-staffordshire-to-continue-after-3million-agreement/", title: "Service helping victims of crime in Staffordshire to continue after £3million agreement", publisher: "Lichfield Live", date: "23 February 2025"},
  supportline: {url: "https://www.victimsupport.org.uk/247-support-still-available-victims-crime/", title: "24/7 support still available for victims of crime", publisher: "Victim Support", date: "spring 2020 (the page gives no exact date)"},
  reporting: {url: "https://lichfieldlive.co.uk/2023/02/03/police-to-introduce-new-live-chat-function-for-people-to-report-crime-across-staffordshire/", title: "Police to introduce new live chat function for people to report crime across Staffordshire", publisher: "Lichfield Live", date: "3 February 2023"}
} satisfies Record<string, WebSource>;

/** "(Lichfield Live, 23 February 2025: <a>title</a>)" */
const webSource = (s: WebSource): Html => html`<span class="citation">(${s.publisher}, ${s.date}: <a href="${s.url}" rel="external">${s.title}</a>)</span>`;

export const story: StoryDefinition = {
  lede: html`If you report a crime in ${force.place}, what happens next, and will anyone be caught? What police.uk's open data says happened to every crime recorded, compared like with like, beside what victims tell the force's surveys, what the Victims' Code promises, and where to get help.`,
  label: "The victims story, step by step",
  charts: victimsCharts,
  steps
};

/** The story's steps, every number in them computed from the snapshot or quoted with its citation. */
async function steps(): Promise<Step[]> {
  const f = await withExtracts(victimFacts);
  const charts = await victimsCharts.load();
  const largest = [...f.byType].sort((a, b) => b.total - a.total)[0];
  const mostCharged = [...f.byType].sort((a, b) => shareOf(b.groups, "charged").share - shareOf(a.groups, "charged").share)[0];
  const top = f.byArea[0], bottom = f.byArea.at(-1)!;
  const c = f.forces;
  const noSuspectRank = c.byGroup.find((g) => g.key === "no-suspect")!;
  const far = furthestGroups(f).filter((g) => g.key !== "no-suspect");
  const yearSet = f.fileSets.find((s) => s.months.includes(f.months[0]))!;
  const yearMatched = f.sameAge.some((s) => s.earlier.set === yearSet || s.later.set === yearSet);
  const m = (id: string) => publishedMeasure(id);
  const initial = m("victims-initial-contact-force-survey-2024-10-2025-09"), informed = m("victims-kept-informed-force-survey-2024-10-2025-09");
  const cjs = m("victims-kept-informed-cjs-survey-2023-03-2025-09"), commissioner = m("victims-kept-informed-commissioner-2023-24");
  const contract = m("victims-contract-2024-10-2025-09"), portal = m("victims-portal-use-2024-12-2025-09");

  return [
    {
      id: "hook", heading: `What happened to the ${formatCount(f.all.total)} crimes recorded in ${f.year}`, chart: charts.outcomes,
      html: html`<p>When a crime is reported, police.uk later publishes its "last outcome": what had happened to it by the time the monthly file was taken. Of the ${formatCount(f.all.total)} crimes ${force.name} recorded ${inMonths(f.months)}, ${fractionWords(noActionShare(f.all))} ended without anyone being charged, cautioned or dealt with by a local resolution.</p>
<p>${capital(outcomesSentence(f.all))}. Of those still open, ${formatCount(f.awaitingCourt)} (${formatPercent(f.awaitingCourt / f.all.total)} of all crimes) were awaiting a court outcome.</p>
<p>The chart shows the share of crimes in each group; the darker bars are the crimes that ended with no further action. Anti-social behaviour has no outcome and is not counted.</p>`
    },
    {
      id: "types", heading: "It depends on the crime", chart: charts.byType,
      html: html`<p>Whether a suspect is found depends on the kind of crime. No suspect was identified for ${formatPercent(noSuspectShare(f.byType[0]))} of ${lower(f.byType[0].crimeType)} crimes, but for only ${formatPercent(noSuspectShare(f.byType.at(-1)!))} of ${lower(f.byType.at(-1)!.crimeType)} crimes.</p>
<p>${capital(largest.crimeType)} is the largest group, ${formatCount(largest.total)} crimes. For ${formatPercent(shareOf(largest.groups, "not-prosecuted").share)} of them a suspect was identified but not prosecuted. ${capital(mostCharged.crimeType)} crimes were the most likely to end with a suspect charged: ${formatPercent(shareOf(mostCharged.groups, "charged").share)}.</p>
<p>The chart now ranks the crime types by the share that ended with no suspect identified; the grey bar is all crime.</p>`
    },
    {
      id: "areas", heading: `Across the ${numberWord(areas.length)} areas`, chart: charts.byArea,
      html: html`<p>In ${top.name}, ${formatPercent(noSuspectShare(top))} of crimes ended with no suspect identified; in ${bottom.name}, ${formatPercent(noSuspectShare(bottom))}. Much of the difference comes from each area's mix of crimes: an area with more ${lower(f.byType[0].crimeType)} and ${lower(f.byType[1].crimeType)}, the crimes that most often end with no suspect identified, will have a higher share.</p>
<p>The chart now ranks the ${numberWord(areas.length)} areas by the share with no suspect identified, with the whole force area in grey. The table gives each area's other outcomes.</p>`
    },
    {
      id: "like-for-like", heading: "Recent months always look less settled", chart: charts.ages,
      html: html`<p>A crime's last outcome keeps changing for months after it is recorded: an investigation ends, or a case reaches court. So a file taken soon after a month shows more of that month's crimes still open, and months can only be compared with months of the same age when their files were taken.</p>
<p>This site holds ${numberWord(f.fileSets.length)} sets of files. ${f.fileSets.map((s) => html`${capital(takenSentence(s))}. `)}</p>
${f.sameAge.length > 0 && html`<p>${f.sameAge.map((x) => `${capital(sameAgeWords(x))}. `)}${f.underSupplied.length ? ` ${capital(periodWords(f.underSupplied))} ${f.underSupplied.length === 1 ? "looks" : "look"} under-supplied and ${f.underSupplied.length === 1 ? "is" : "are"} left out.` : ""}</p>`}
${!yearMatched && html`<p>No other set holds months as old as the ${setLabel(yearSet).replace(" files", "")} months were when their files were taken, so the ${setLabel(yearSet)} are compared with no earlier year here.</p>`}
<p>The chart shows each month's share of crimes still open or with no update, against the months between the crime month and the date its file was taken.</p>`
    },
    {
      id: "forces", heading: "Beside other forces", chart: charts.forces,
      html: html`<p>police.uk gives every force's crimes the same outcome categories. ${force.name}'s share of crimes ending with no suspect identified, ${formatPercent(noSuspectRank.own)}, was ${rankWords(noSuspectRank.rank, c.compared.length, "forces")} with a full year of files for ${c.year}; the other forces' middle was ${formatPercent(noSuspectRank.median)}.${far.map((g) => ` ${g.more ? "More" : "Fewer"} of its crimes ended ${GROUP_WORDS[g.key]}: ${formatPercent(g.own)}, against a middle of ${formatPercent(g.median)}.`)}</p>
<p>Forces record and publish outcomes differently, so a gap between forces is not only a difference in what happened to crimes. Not compared: ${c.missing.map((x) => `${x.name}: ${x.reason}`).join("; ")}.</p>
<p>The chart now shows each outcome: the grey lines are the other forces, the dot is ${force.name}.</p>`
    },
    {
      id: "surveys", heading: "What victims say about the service", chart: charts.surveys,
      html: html`<p>The force asks victims of certain crimes about the service they had. In ${periodText(initial.period)}, ${pct(initial)} were satisfied with their first contact with the police and ${pct(informed)} with being kept informed ${cite(informed)}.</p>
<p>Other surveys ask different questions of different people. A survey of victims and witnesses about the whole criminal justice process found ${pct(cjs)} satisfied with how the police kept them informed ${cite(cjs)}. The Commissioner reports ${pct(commissioner)} of victims feeling kept informed in ${periodText(commissioner.period)} ${cite(commissioner)}.</p>
<p>The chart shows every figure from the ${numberWord(SURVEYS.length)} sources on its own, under its survey. They are never joined into one line: a change from one to another may be a different question, not a different service.</p>`
    },
    {
      id: "rights", heading: "What the force reports doing for victims",
      html: html`<p>Under the Victims' Code, the police must refer victims to support services within a set time of the crime being reported. ${force.name} refers every victim automatically, unless they opt out, to the Staffordshire Victim Gateway once the crime is recorded ${citeSection(LATE_2025, "7.1 Victims’ Code of Practice Compliance")}. In ${periodText(contract.period)}, ${pct(contract)} of crimes with a victim had a "victim contract": how and how often the victim will be updated ${cite(contract)}.</p>
<p>Since ${dateWords(portal.period.split("..")[0])}, victims of some crimes can follow their case and contact the officer through the Victims' Portal on the force's website; ${pct(portal)} of victims chose to use it ${cite(portal)}.</p>
${tableRegion({id: "victims-code-measures", caption: "The force's and the Commissioner's own measures of service to victims, as published",
  columns: [{label: "Measure"}, {label: "Period"}, {label: "Figure", numeric: true}, {label: "Source"}],
  rows: CODE_MEASURES.map((id) => {
    const x = m(id);
    return {header: x.measure, cells: [periodText(x.period), x.unit === "percent" ? pct(x) : formatCount(x.value), citation(x)]};
  })})}
<p>Figures of the same name from different reports are counted differently, so each is shown with its own source and period. The graphic still shows the survey figures.</p>`
    },
    {
      id: "help", heading: "What you can expect, and where to get help",
      html: html`<p>The Victims' Code sets out the service every victim of crime in England and Wales is entitled to ${webSource(SOURCES.code)}. Among its rights: to be understood, to have the crime recorded without unjustified delay, to be referred to support services, to be told about the investigation and any prosecution, to make a Victim Personal Statement, and to complain if your rights are not met. It has applied since 1 April 2021 ${webSource(SOURCES.order)}.</p>
<ul>
<li>In an emergency, call 999. To report a crime that is not an emergency, call 101 or use the force's online live chat ${webSource(SOURCES.reporting)}.</li>
<li>The Staffordshire Victim Gateway gives free and confidential information, advice and support to victims of crime in Staffordshire, whether or not the crime was reported to the police ${webSource(SOURCES.gateway)}. Since 2025 it has been run by the charity Victim Support for the Staffordshire Commissioner ${webSource(SOURCES.contract)}.</li>
<li>Victim Support's free and confidential Supportline is on 08 08 16 89 111, 24 hours a day ${webSource(SOURCES.supportline)}. Check its website for current details.</li>
<li>If you reported a crime, the force's Victims' Portal on its website lets you follow your case ${citeSection(LATE_2025, "5.1 Victims Portal")}.</li>
</ul>
<p>The graphic still shows the survey figures.</p>`
    },
    {
      id: "how", heading: "How we know",
      html: html`<p>Outcomes are police.uk's "last outcome category" for each crime in ${force.name}'s street-level files, and, for the other forces, every force's ${c.year} files counted. These are police.uk records, not Home Office police recorded crime statistics. Court results are not published on police.uk, so "charged" means a suspect was charged and the case went to court, whatever its result.</p>
<p>The outcome groups, and the police.uk categories in each:</p>
<ul>
${OUTCOME_GROUPS.filter((g) => g.key !== "none").map((g) => html`<li><strong>${g.label}</strong>: ${g.description} (${listWords(categoriesOf(g.key).map((x) => `"${x}"`))}).</li>`)}
</ul>
${tableRegion({id: "victims-file-dates", caption: "When each set of police.uk files was taken, and how we know",
  columns: [{label: "Files"}, {label: "Months"}, {label: "Taken no later than"}, {label: "Evidence"}],
  rows: f.fileSets.map((s) => ({header: setLabel(s), cells: [s.period, dateWords(s.takenBy), `${s.evidence} (${s.where})`]}))})}
<p>Survey and service figures are quoted from the force's and the Commissioner's published reports, with document and section. Download <a href="/downloads/street-outcomes-monthly.csv" download>every crime's outcome by month, area and type</a> or <a href="/downloads/force-outcomes-monthly.csv" download>every force's outcomes</a>, see the <a href="/data#street-outcomes-monthly">data dictionary</a>, or read <a href="/about">how this site works</a>.</p>`
    }
  ];
}

/** "The 2022 files were taken no later than 29 January 2023, about two months after November 2022, the latest month in them" */
function takenSentence(s: FileSet): string {
  return `the ${setLabel(s)} (${s.period}) were taken no later than ${dateWords(s.takenBy)}: ${lagWords(s)} after ${formatMonth(s.months.at(-1)!)}, the latest month in them`;
}
