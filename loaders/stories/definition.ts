// What a story's folder provides (its story.ts exports `story`), apart from the registry's metadata.
import type {ChartGroup, ChartTree} from "../charts/group.ts";
import type {Html} from "../site/html.ts";
import type {Step} from "../site/scrolly.ts";

export interface StoryDefinition {
  /** the sentence under the title */
  lede: Html;
  /** the accessible name of the step-by-step part */
  label: string;
  charts: ChartGroup<ChartTree>;
  /** the steps, every number computed from the snapshot or cited */
  steps(): Promise<Step[]>;
}

