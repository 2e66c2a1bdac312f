// Every chart the site publishes, drawn at build time at both widths, held to a committed SVG snapshot (as
// Observable Plot's own tests do): a wrong chart — a changed mark, scale, label or number — fails here. Geometry is
// already rounded to 0.1 px by the renderer, so the output is deterministic. On a mismatch the new SVG is written
// beside the old (<id>.<width>.new.svg) for review; UPDATE_SNAPSHOTS=1 accepts it (and writes new charts' first
// snapshots). A snapshot whose chart no longer exists fails too, so the folder never keeps stale pictures.
import {readdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import {JSDOM} from "jsdom";
import {describe, expect, test} from "vitest";
import {NARROW_WIDTH, renderPlot, WIDE_WIDTH} from "../../src/components/chart.ts";
import {allCharts} from "../../loaders/pages/catalogue.ts";
import {matchesSnapshot} from "../lib/snapshot.ts";

const DIR = join(import.meta.dirname, "..", "snapshots", "charts");
const doc = new JSDOM("<!DOCTYPE html><body></body>").window.document;
const charts = await allCharts();
const cases = charts.flatMap((spec) => [WIDE_WIDTH, NARROW_WIDTH].map((width) => [`${spec.id}.${width}`, spec, width] as const));

/** One element a line, so a diff shows what changed. */
const svgText = (svg: string) => svg.replaceAll("><", ">\n<") + "\n";

describe("chart snapshots", () => {
  test.each(cases)("%s", (name, spec, width) => {
    const {matches, fresh} = matchesSnapshot(join(DIR, `${name}.svg`), svgText(renderPlot(spec, width, doc).outerHTML));
    expect(matches, `${name}: the chart differs from its snapshot; see ${fresh}`).toBe(true);
  });

  test("no snapshot is left for a chart that no longer exists", () => {
    const names = new Set(cases.map(([name]) => `${name}.svg`));
    if (process.env.UPDATE_SNAPSHOTS) for (const f of readdirSync(DIR)) if (!names.has(f)) rmSync(join(DIR, f));
    expect(readdirSync(DIR).filter((f) => f.endsWith(".svg") && !f.endsWith(".new.svg") && !names.has(f))).toEqual([]);
  });
});
