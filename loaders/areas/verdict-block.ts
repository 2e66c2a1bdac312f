// The trend verdict as a block for the top of a page (right after the headline numbers): one plain sentence that
// names the months on both sides of each comparison, and the warning where early months look under-supplied.
// The sentence and warning come from trend-verdict.ts; this only places them.
import {withExtracts} from "../extracts/query.ts";
import {html, type Html} from "../site/html.ts";
import {trendVerdicts, type TrendVerdict} from "./trend-verdict.ts";

/** The verdict of one place (an area or the force); nothing when no earlier year shares a month with the latest. */
export function verdictHtml(v: TrendVerdict, trendAnchor?: string): Html {
  if (!v.sentence) return html``;
  return html`<div class="trend-verdict" data-testid="trend-verdict">
<p>${v.sentence}${trendAnchor ? html` <a href="#${trendAnchor}">See every month</a>.` : ""}</p>
${v.warning && html`<p class="caveat">${v.warning}</p>`}
</div>`;
}

/** The verdict block for an area page (by ONS code), linking to its month-by-month chart. */
export async function areaVerdictBlock(code: string): Promise<Html> {
  const {areas} = await withExtracts((db) => trendVerdicts(db));
  const v = areas.get(code);
  if (!v) throw new Error(`no trend verdict for ${code}`);
  return verdictHtml(v, "trend");
}
