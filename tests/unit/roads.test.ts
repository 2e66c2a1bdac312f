// The Roads story's figures equal counts taken straight from the raw STATS19 file.
import {describe, expect, test} from "vitest";
import {formatCount} from "../../src/components/format.ts";
import {areas} from "../../loaders/lib/force.ts";
import {withExtracts} from "../../loaders/extracts/query.ts";
import {roadFacts, DAYS} from "../../loaders/stories/roads/facts.ts";
import {storyPage} from "../../loaders/stories/page.ts";
import {publishedMeasure} from "../../loaders/sources/published.ts";
import {CHECKS} from "../../loaders/figures/checks.ts";
import {REASONS} from "../../loaders/figures/reasons.ts";
import {escapeText} from "../../loaders/site/html.ts";
import {countBy, rawCollisions} from "./raw-counts.ts";

describe("roads story", async () => {
  const raw = await rawCollisions();
  const facts = await withExtracts(roadFacts);
  const year = Math.max(...raw.map((r) => r.year));
  const inYear = raw.filter((r) => r.year === year);

  test("totals by severity and KSI", () => {
    expect(facts.year).toBe(year);
    expect(facts.collisions).toBe(inYear.length);
    expect(facts.fatal).toBe(inYear.filter((r) => r.severity === 1).length);
    expect(facts.serious).toBe(inYear.filter((r) => r.severity === 2).length);
    expect(facts.slight).toBe(inYear.filter((r) => r.severity === 3).length);
    expect(facts.ksi).toBe(inYear.filter((r) => r.severity <= 2).length);
    expect(facts.casualties).toBe(inYear.reduce((s, r) => s + r.casualties, 0));
  });

  test("KSI by area and per 100,000 residents", () => {
    const ksi = countBy(inYear.filter((r) => r.severity <= 2), (r) => r.ladCode);
    for (const a of areas) {
      const row = facts.byArea.find((d) => d.code === a.code)!;
      expect(row.ksi, a.name).toBe(ksi.get(a.code) ?? 0);
      expect(row.ksiPer100k).toBeCloseTo(((ksi.get(a.code) ?? 0) / a.population) * 1e5, 6);
    }
  });

  test("peak hours and days", () => {
    // DfT codes day_of_week 1 = Sunday … 7 = Saturday
    const dayName = (d: number) => DAYS[(d + 5) % 7];
    const byDay = countBy(inYear, (r) => dayName(r.dayOfWeek));
    expect(facts.peakDay.collisions).toBe(Math.max(...byDay.values()));
    expect(byDay.get(facts.peakDay.day)).toBe(facts.peakDay.collisions);
    expect(byDay.get(facts.quietDay.day)).toBe(Math.min(...byDay.values()));
    const byHour = countBy(inYear.filter((r) => r.hour !== null), (r) => String(r.hour));
    const window = [0, 1, 2].reduce((s, i) => s + (byHour.get(String(facts.peakHours.from + i)) ?? 0), 0);
    expect(facts.peakHours.collisions).toBe(window);
    for (let h = 0; h <= 21; ++h) expect([0, 1, 2].reduce((s, i) => s + (byHour.get(String(h + i)) ?? 0), 0)).toBeLessThanOrEqual(window);
  });

  test("the page's prose carries the computed numbers and the force's cited figures", async () => {
    const md = (await storyPage("roads")) + (await storyPage("roads-continued")); // the story's two parts
    expect(md).toContain(`In ${year}, ${formatCount(facts.fatal)} collisions on`);
    expect(md).toContain(`${formatCount(facts.serious)} more seriously injured someone`);
    expect(md).toContain(`Police recorded ${formatCount(inYear.length)} collisions`);
    const serious = publishedMeasure(`roads-serious-collisions-${year}`);
    expect(md).toContain(`${formatCount(serious.value)} serious collisions`);
    expect(md).toContain("Force performance report (January 2024), section 3.5");
    expect(md).toContain(`STATS19 has ${formatCount(facts.fatal)} fatal and ${formatCount(facts.serious)} serious`);
  });
});

test("with DfT's casualty table in the snapshot, the story gains a chart of who was killed or seriously injured", async () => {
  const {mkdtempSync, readFileSync, rmSync, writeFileSync} = await import("node:fs");
  const {join} = await import("node:path");
  const {tmpdir} = await import("node:os");
  const {gzipSync} = await import("node:zlib");
  const {tempSnapshot} = await import("./lib/temp-snapshot.ts");
  const {fileFacts, formatManifest} = await import("../../loaders/lib/manifest.ts");
  const {buildExtracts} = await import("../../loaders/extracts/build.ts");
  const {roadUsers} = await import("../../loaders/stories/roads/charts.ts");
  const {csvParse} = await import("d3-dsv");
  const snap = tempSnapshot((e) => e.source === "stats19" || e.kind === "lsoa-lookup");
  const out = mkdtempSync(join(tmpdir(), "casualty-extracts-"));
  try {
    // A real-format casualty file (fixture rows whose accident_index values are real 2023 Staffordshire collisions).
    const csv = readFileSync("tests/fixtures/live/road-accidents-safety-data/dft-road-casualty-statistics-casualty-2023.csv");
    const path = "stats19/dft-road-casualty-statistics-casualty-2023-staffordshire.csv.gz";
    const gz = gzipSync(csv, {level: 9});
    writeFileSync(join(snap.dir, path), gz);
    const manifest = JSON.parse(readFileSync(join(snap.dir, "manifest.json"), "utf8"));
    manifest.files.push({path, source: "stats19", kind: "casualty", url: "fixture", licence: "OGL", retrieved: "2026-11-21", ...fileFacts(gz, true), rows: null, period: "2023"});
    writeFileSync(join(snap.dir, "manifest.json"), formatManifest(manifest));
    await buildExtracts(out, {snapshotDir: snap.dir});
    const chart = roadUsers(await withExtracts(roadFacts, out));
    const rows = csvParse(csv.toString("utf8"));
    const collisions = new Set((await rawCollisions()).map((r) => r.accidentIndex));
    const ksi = rows.filter((r) => ["1", "2"].includes(r.casualty_severity!) && collisions.has(r.accident_index!)).length;
    expect(chart).toBeDefined();
    expect(chart!.data.reduce((s, d) => s + Number(d.value), 0)).toBe(ksi);
    expect(chart!.description).toMatch(/^Of \d+ people killed or seriously injured in 2023/);
  } finally {
    snap.cleanup();
    rmSync(out, {recursive: true, force: true});
  }
});

test("the roads prose states the busiest speed limit and rural KSI collisions as computed from the raw file", async () => {
  const raw = await rawCollisions();
  const year = Math.max(...raw.map((r) => r.year));
  const inYear = raw.filter((r) => r.year === year);
  const bySpeed = countBy(inYear.filter((r) => r.speedLimit !== null), (r) => String(r.speedLimit));
  const [speed, n] = [...bySpeed].reduce((a, b) => (b[1] > a[1] ? b : a));
  const ruralKsi = inYear.filter((r) => r.urbanOrRural === 2 && r.severity <= 2).length;
  const ksi = inYear.filter((r) => r.severity <= 2).length;
  const md = (await storyPage("roads")) + (await storyPage("roads-continued")); // the story's two parts
  expect(md).toContain(`The most collisions, ${formatCount(n)} of ${formatCount(inYear.length)}, happened on ${speed} mph roads`);
  expect(md).toContain(`${formatCount(ruralKsi)} of the ${formatCount(ksi)} collisions that killed or seriously injured someone were on rural roads`);
  expect(md).toContain("the force's report is dated January 2024");
  // Why the counts differ is written once (loaders/figures/reasons.ts) and the story links to the figures' rows.
  for (const r of CHECKS.get("roads-serious-collisions-2023")!.reasons) expect(md).toContain(escapeText(REASONS[r].title));
  for (const id of ["roads-fatal-collisions-2023", "roads-serious-collisions-2023", "roads-ksi-collisions-2023"]) expect(md).toContain(`href="/figures#${id}"`);
});
