// What a story's folder provides (its story.ts exports `story`), apart from the registry's metadata.
import type {ChartGroup, ChartTree} from "../charts/group.ts";
import type {Html} from "../site/html.ts";
import type {Step} from "../site/scrolly.ts";

export interface StoryDefinition {
  /** the sentence under the title */
  lede: Html;
  /** the accessible name of the step-by-step part */
  label: string;
  /**
   * HTML at the very start of each of the story's pages, before its title, so a browser parses it before the first
   * paint and before the site's scripts run: for a page-wide control that must work at once, with its own tiny inline
   * style and script (the VAWG story's quick exit), or a note every page of the story carries.
   */
  pageStart?: Html;
  charts: ChartGroup<ChartTree>;
  /** the steps, every number computed from the snapshot or cited */
  steps(): Promise<Step[]>;
}

