// Small helpers for page loaders that write Markdown.
import {existsSync} from "node:fs";
import {join} from "node:path";
import {ROOT} from "../lib/paths.ts";

/** Front matter + body. */
export function page(frontMatter: Record<string, unknown>, body: string): string {
  const yaml = Object.entries(frontMatter).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join("\n");
  return `---\n${yaml}\n---\n\n${body.trim()}\n`;
}

/** The client script every page with charts includes (relative to the page's depth). */
export function chartScript(depth: number): string {
  const prefix = depth === 0 ? "./" : "../".repeat(depth);
  return "```js\nimport {enhanceCharts} from \"" + prefix + "components/chart-client.js\";\nenhanceCharts();\n```";
}

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
