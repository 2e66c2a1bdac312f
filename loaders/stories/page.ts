// A story's two pages, from its registry entry and its folder: /stories/<slug> holds the headline, the first step
// and the graphic; /stories/<slug>-continued holds the later steps, which the first page fetches after its first
// paint (or links to, without JavaScript). See loaders/site/scrolly.ts.
import {escapeText, html} from "../site/html.ts";
import {chartClient, clientScript, page, STORY_STYLE} from "../site/page.ts";
import {continuedScrollyHtml, scrollyHtml} from "../site/scrolly.ts";
import {continuedPath, STORIES, storyPath, type StoryEntry} from "./registry.ts";

// Both pages are at the same depth and enhance their charts and steps the same way.
const SCRIPT = clientScript([chartClient(1), {module: "../components/scrolly.js", call: "scrollies"}]);

/** The page for a route parameter: "<slug>" or "<slug>-continued". */
export async function storyPage(param: string): Promise<string> {
  const entry = STORIES.find((s) => s.slug === param || `${s.slug}-continued` === param);
  if (!entry) throw new Error(`no story for /stories/${param}: the registry (loaders/stories/registry.ts) lists ${STORIES.map((s) => s.slug).join(", ")}`);
  return param === entry.slug ? firstPart(entry) : continuedPart(entry);
}

async function firstPart(entry: StoryEntry): Promise<string> {
  const {story} = await entry.load();
  const steps = await story.steps();
  return page({title: entry.title, toc: false, style: STORY_STYLE, ...(entry.status === "draft" ? {draft: true} : {})},
    `# ${escapeText(entry.title)}`,
    html`<p class="lede">${story.lede}</p>`,
    scrollyHtml({id: `${entry.slug}-story`, label: story.label, steps,
      continuedAt: {href: continuedPath(entry.slug), text: `Continue the story: step 2 of ${steps.length}, “${steps[1].heading}” (next page)`}}),
    SCRIPT);
}

async function continuedPart(entry: StoryEntry): Promise<string> {
  const {story} = await entry.load();
  const steps = await story.steps();
  return page({title: `${entry.title} (continued)`, toc: false, style: STORY_STYLE, ...(entry.status === "draft" ? {draft: true} : {})},
    `# ${escapeText(entry.title)} (continued)`,
    html`<p class="lede">The rest of ${entry.short}, from step 2 of ${steps.length}. <a href="${storyPath(entry.slug)}">Start from the beginning</a>.</p>`,
    continuedScrollyHtml({id: `${entry.slug}-story`, label: story.label, steps}),
    SCRIPT);
}
