// About: sources, licence attribution, methods, caveats and the accessibility statement.
import {formatCount} from "../../src/components/format.ts";
import {areas, force, TO_BE_FILLED} from "../lib/force.ts";
import {readManifest} from "../lib/manifest.ts";
import {numberWord} from "../lib/words.ts";
import {tableRegion} from "../site/components.ts";
import {escapeText as esc} from "../site/html.ts";
import {page} from "../site/page.ts";
import {snapshotSummary} from "./snapshot-facts.ts";

const day = new Intl.DateTimeFormat("en-GB", {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});

/** "3 December 2026" from "2026-12-03". */
export function formatDay(date: string): string {
  return day.format(new Date(`${date}T00:00:00Z`));
}

/** The date the newest file in the snapshot was retrieved (YYYY-MM-DD): when the site's data was last updated. */
export function lastUpdated(): string {
  return readManifest().files.map((f) => f.retrieved).sort().at(-1)!;
}

const ownerName = () => esc(force.owner.name || TO_BE_FILLED);

/** How to reach the owner, as Markdown: their email and web form, or the placeholder while those are empty. */
export function contactWords(): string {
  const {contactEmail, contactUrl} = force.owner;
  const ways = [contactEmail && `email [${esc(contactEmail)}](mailto:${contactEmail})`, contactUrl && `use [the contact form](${contactUrl})`].filter(Boolean);
  return ways.length ? ways.join(" or ") : `contact the site's owner (${TO_BE_FILLED}: a contact email or web form)`;
}

function ownerSentence(): string {
  return `${esc(force.siteTitle)} is run by ${ownerName()}. To ask a question about the site or its numbers, ${contactWords()}.${force.owner.sourceCodeUrl ? ` The site is open source: [its code](${force.owner.sourceCodeUrl}).` : ""}`;
}

export function aboutPage(): string {
  const sources = snapshotSummary();
  const sourcesTable = tableRegion({id: "sources", caption: "Data in this site's snapshot",
    columns: [{label: "Data"}, {label: "Period"}, {label: "Rows", numeric: true}, {label: "Retrieved"}],
    rows: sources.map((s) => ({header: s.kind, cells: [s.periods || "–", s.rows ? formatCount(s.rows) : "–", s.retrieved]}))}).value;
  const areaCount = numberWord(areas.length);
  return page({title: "About this site"}, `
# About this site

${esc(force.siteTitle)} turns open data and the force's published performance reports into pages that residents, Community Safety Partnerships, journalists and the press office can explore, check and reuse. It is open source, and it makes no request to any other website: no tracking, no cookies, no web fonts.

## Where the numbers come from

Every number on this site is computed from the data snapshot listed below, or is a figure from a published report shown with its document and section. The site is rebuilt from the snapshot; the snapshot is refreshed from the live sources with one command.

${sourcesTable}

The live sources are [data.police.uk](https://data.police.uk/data/) (Home Office: ${esc(force.name)}'s street-level files, and every force's monthly files counted by force, district and type for the comparison of forces), the Department for Transport's [road safety data](https://www.data.gov.uk/dataset/cb7ae6f0-4be6-4935-9277-47e5ce24a11f/road-safety-data) (STATS19), the Office for National Statistics' [Open Geography Portal](https://geoportal.statistics.gov.uk/) and Census 2021 (the population of every district of England and Wales), and the Ministry of Housing, Communities and Local Government's [English Indices of Deprivation 2019](https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019) (IMD 2019, by LSOA). Each file's address, checksum and retrieval date is in the snapshot manifest, and the [data page](/data) lists every download with its definitions.

## Licence and attribution

Contains public sector information licensed under the [Open Government Licence v3.0](https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/). Contains OS data © Crown copyright and database right. Contains National Statistics data © Crown copyright and database right. LSOA 2011 boundaries were converted to GeoJSON by Martin Chorley (UK-GeoJSON, CC BY 4.0). You may reuse the data and charts on this site under the same licence; please credit the original publishers as above.

## Reusing charts and data

Every chart has the same parts: a title that says what it shows, a written description, a table of exactly what is drawn, its source and date, and links to download the data (CSV) and the image (SVG, or PNG from your browser). "Embed this chart" gives a few lines of code for a news release or another website: the chart appears in a frame that sizes itself, with its source line, and it loads nothing from any other website. Chart images and data files keep the same address when the data is refreshed.

## How we count (methodology)

- **Crime and anti-social behaviour** are the records police.uk publishes for ${esc(force.name)}: one row per crime or incident, by month, with an anonymised location. These are *not* the Home Office's police recorded crime statistics, which are counted differently; the two will not match exactly.
- **Areas** are the ${areaCount} local authorities, each its own Community Safety Partnership. A record belongs to an area through its LSOA (a small statistical area of about 1,000 to 3,000 residents), using the Office for National Statistics' lookup — never by guessing from coordinates or names. Records with no location, and the few whose location is outside the ${areaCount} areas, are counted in force totals and shown separately; they are never dropped.
- **Rates per 1,000 residents** use Census 2021 usual residents, rounded to the nearest 100.
- **Year-on-year comparisons** compare the same months in both years, and say which months. Months the snapshot does not hold are drawn as gaps and named. Where a month looks under-supplied (every type of crime lower at once, as if police.uk had not received all its records yet), comparisons are given with and without it.
- **Other forces** are compared on police.uk's street-level records of every force for a full year, per 1,000 Census 2021 residents of the districts each force covers. Forces whose files are missing for part of the year, that police no area of residents, or that are not forces of England and Wales are left out, and the [forces page](/forces) names each with the reason.
- **Deprivation** is England's Index of Multiple Deprivation 2019: each LSOA's national decile, from the 10% most deprived to the 10% least. Area pages show how much of an area's recorded crime is in its most deprived LSOAs, beside how many of its LSOAs those are. IMD 2019 describes conditions in 2015–2017, and LSOAs are of similar, not equal, population.
- **Road collisions** are the Department for Transport's STATS19 records: collisions on public roads, reported to police, in which someone was hurt. Damage-only collisions are not included. The force's own figures for people killed or seriously injured are counted differently and are shown beside STATS19, never merged with it.
- **Published figures** from the force's and the Commissioner's reports are shown with their document and section. Figures from different surveys or definitions are never joined into one series.

## Caveats

- police.uk locations are anonymised: each is a point on or near the street where the crime happened, not an address.
- Months can be revised after publication; the snapshot date above says when we took them.
- Drug offences largely reflect police activity (such as stop and search), not how much drug use there is.
- police.uk data has no flag for domestic abuse, so it cannot show domestic abuse on its own.
- STATS19 under-records slight injuries, and the way police record injury severity changed when forces moved to injury-based reporting; compare years with care.

## Who runs this site

${ownerSentence()}

Data last updated: ${esc(formatDay(lastUpdated()))} (the date the newest file in the data snapshot was retrieved from its publisher).

## Accessibility statement

This accessibility statement applies to ${esc(force.siteTitle)}. ${ownerName()} runs it. We want as many people as possible to be able to use this site. You should be able to:

- zoom in up to 400% without the text spilling off the screen, and use the site on a phone 320 pixels wide;
- navigate the whole site using just a keyboard, starting with a "Skip to main content" link;
- use the site with a screen reader: every chart has a written description and a table of its data;
- turn off animation: the site respects your device's "reduce motion" setting;
- print a local area page as a short pack for a meeting, with its charts' data tables.

### How accessible this website is

We know some parts of this website are not fully accessible:

- chart tooltips appear on pointer hover only and cannot be reached with a keyboard; every value they show is also in the data table under the chart;
- maps use colour bands; each band is named in the key and every value is in the table below the map;
- charts embedded on other websites are as accessible as the page that holds them allows.

### Feedback and contact information

If you need information on this website in a different format, such as accessible PDF, large print, easy read or audio, ${contactWords()}. We will consider your request and get back to you.

### Reporting accessibility problems with this website

We are always looking to improve the accessibility of this website. If you find any problems not listed on this page or think we're not meeting accessibility requirements, ${contactWords()}.${force.owner.sourceCodeUrl ? ` You can also report a problem in the site's [source code repository](${force.owner.sourceCodeUrl}).` : ""}

### Enforcement procedure

The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the "accessibility regulations"). If you're not happy with how we respond to your complaint, [contact the Equality Advisory and Support Service (EASS)](https://www.equalityadvisoryservice.com/).

### Technical information about this website's accessibility

${ownerName()} is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.

#### Compliance status

This website is partially compliant with the [Web Content Accessibility Guidelines version 2.2](https://www.w3.org/TR/WCAG22/) AA standard, due to the non-compliance listed below.

#### Non-accessible content

Chart tooltips cannot be reached with a keyboard. This fails WCAG 2.2 success criterion 2.1.1 (Keyboard). The same values are always in the data table under each chart, which can be reached and read with a keyboard and screen reader.

### What we're doing to improve accessibility

Every page is tested automatically in a browser against WCAG 2.2 at levels A and AA with axe-core, at desktop (1280 pixels) and phone (375 and 320 pixels) widths, and checked with the W3C Nu HTML checker, each time the site is built. A failed check stops the site from being published.

### Preparation of this accessibility statement

This statement was prepared on ${esc(formatDay(force.accessibilityStatement.prepared))}. It was last reviewed on ${esc(formatDay(force.accessibilityStatement.lastReviewed))}. The site is tested automatically on every build, as described above.
`);
}
