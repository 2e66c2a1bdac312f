// The page frame for page loaders: front matter, Markdown and HTML blocks in order, and the page's script.
import {existsSync} from "node:fs";
import {join} from "node:path";
import {ROOT} from "../lib/paths.ts";
import {block, Html, html} from "./html.ts";

/** Stylesheets for a page kind (front matter `style`): the site's own sheet plus that kind's rules (src/style-*.css). */
export const STORY_STYLE = "/style-story.css";
export const AREAS_STYLE = "/style-areas.css";
export const FIGURES_STYLE = "/style-figures.css";

/**
 * A page for Framework: front matter, then each part in order — Markdown as a string, HTML as Html (written as one
 * HTML block: see block()). The body opens with the skip link's target, so the link lands at the start of the
 * page's own content and Framework's link check knows the anchor.
 */
export function page(frontMatter: Record<string, unknown>, ...parts: (string | Html | false | undefined)[]): string {
  const yaml = Object.entries(frontMatter).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join("\n");
  const body = [MAIN_START, ...parts].filter((p): p is string | Html => !!p).map((p) => (p instanceof Html ? block(p) : p.trim())).filter(Boolean);
  return `---\n${yaml}\n---\n\n${body.join("\n\n")}\n`;
}

/** Where the skip link goes (observablehq.config.ts): the first thing in every page's own content. */
export const MAIN_ID = "main-content";
const MAIN_START = html`<div id="${MAIN_ID}" tabindex="-1"></div>`;

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
  return [".md", ".md.ts", ".md.js"].some((ext) => existsSync(base + ext)) || existsSync(join(base, "index.md")) || existsSync(join(base, "index.md.ts"));
}
