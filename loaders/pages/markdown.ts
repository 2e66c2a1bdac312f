// Small helpers for page loaders that write Markdown.
import {existsSync} from "node:fs";
import {join} from "node:path";
import {ROOT} from "../lib/paths.ts";

/** Stylesheets for a page kind (front matter `style`): the site's own sheet plus that kind's rules (src/style-*.css). */
export const STORY_STYLE = "/style-story.css";
export const AREAS_STYLE = "/style-areas.css";

/** Front matter + body. */
export function page(frontMatter: Record<string, unknown>, body: string): string {
  const yaml = Object.entries(frontMatter).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join("\n");
  return `---\n${yaml}\n---\n\n${body.trim()}\n`;
}

/**
 * A page's browser script. It waits for window.siteReady (set in the page head by observablehq.config.ts:
 * the first paint has happened and deferred HTML is in place), so the build-time charts show before any
 * module loads, then imports each module (paths relative to the page) and calls its function, in order.
 */
export function clientScript(calls: {module: string; call: string}[]): string {
  const names = calls.map((c) => `{${c.call}}`).join(", ");
  const imports = calls.map((c) => `import(${JSON.stringify(c.module)})`).join(", ");
  return "```js\nawait window.siteReady;\nconst [" + names + "] = await Promise.all([" + imports + "]);\n" + calls.map((c) => `${c.call}();`).join("\n") + "\n```";
}

/** The chart enhancer's module, relative to a page at this depth (0 for /index, 1 for /areas/x). */
export const chartClient = (depth: number) => ({module: `${depth === 0 ? "./" : "../".repeat(depth)}components/chart-client.js`, call: "enhanceCharts"});

/** The client script for a page whose only enhancement is its charts. */
export const chartScript = (depth: number): string => clientScript([chartClient(depth)]);

/** Whether a page exists in src/ (as .md or a page loader), so we only ever link to pages that exist. */
export function pageExists(path: string): boolean {
  const base = join(ROOT, "src", path.replace(/^\//, ""));
  return [".md", ".md.ts", ".md.js"].some((ext) => existsSync(base + ext)) || existsSync(join(base, "index.md"));
}

export interface StoryLink {
  path: string;
  title: string;
  summary: string;
}

/** The narrative stories, in reading order; only those whose page exists are linked. */
export const STORIES: StoryLink[] = [
  {path: "/stories/roads", title: "Roads: who is hurt, where and when", summary: "Collisions reported to police, how severe they were, and what the force reports."},
  {path: "/stories/county-lines", title: "County lines and drugs", summary: "Drug offences, stop and search and what the force reports about exploitation."},
  {path: "/stories/vawg", title: "Violence against women and girls", summary: "What open data can and cannot show, beside the force's published measures."},
  {path: "/stories/victims", title: "Victims", summary: "Outcomes for victims and how well they are kept informed."}
];

export const existingStories = () => STORIES.filter((s) => pageExists(s.path));
