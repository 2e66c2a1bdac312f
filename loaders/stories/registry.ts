// The stories, in one list: the home page, the navigation, the stories index, the area pages, the sitemap and
// the story route (src/stories/[story].md.ts) all read it. A new story is a folder beside roads/ and one line here.
import type {StoryDefinition} from "./definition.ts";

export type {StoryDefinition};

export interface StoryEntry {
  /** the story's address: /stories/<slug> (and /stories/<slug>-continued for its later steps) */
  slug: string;
  title: string;
  /** what the story is about, in a sentence: "the roads story" */
  short: string;
  /** one line for lists of stories */
  summary: string;
  /** reading order in lists */
  order: number;
  /** a draft shows in `npm run dev` for review; the build leaves it out (Framework's `draft`) and nothing links to it */
  status: "published" | "draft";
  /** the story's own folder */
  load(): Promise<{story: StoryDefinition}>;
}

export const STORIES: StoryEntry[] = [
  {slug: "roads", title: "Roads: who is hurt, where and when", short: "the roads story", summary: "Collisions reported to police, how severe they were, and what the force reports.", order: 1, status: "published", load: () => import("./roads/story.ts")},
  {slug: "victims", title: "Victims: what happens after a crime is reported", short: "the victims story", summary: "What police.uk says happened to every crime recorded, compared like with like and with other forces, what victims tell the surveys, and where to get help.", order: 4, status: "published", load: () => import("./victims/story.ts")}
];

export const storyPath = (slug: string): string => `/stories/${slug}`;
export const continuedPath = (slug: string): string => `/stories/${slug}-continued`;

/** Published stories in reading order, with their addresses. */
export function publishedStories(): (StoryEntry & {path: string})[] {
  return STORIES.filter((s) => s.status === "published").sort((a, b) => a.order - b.order).map((s) => ({...s, path: storyPath(s.slug)}));
}

/** A published story by slug, or undefined (so a page links to a story only once it is published). */
export const publishedStory = (slug: string) => publishedStories().find((s) => s.slug === slug);

/** Every story page address, drafts included (Framework skips a draft when it builds). */
export const storyPaths = (): string[] => STORIES.flatMap((s) => [storyPath(s.slug), continuedPath(s.slug)]);
