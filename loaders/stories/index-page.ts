// /stories/: the published stories, from the registry, in reading order.
import {html} from "../site/html.ts";
import {page} from "../site/page.ts";
import {publishedStories} from "./registry.ts";

export function storiesIndexPage(): string {
  const stories = publishedStories();
  return page({title: "Stories", toc: false},
    "# Stories",
    html`<p class="lede">Each story answers one question a resident might ask, step by step, from open data and the force's published reports.</p>`,
    html`<ul class="link-list story-list">${stories.map((s) => html`<li><a href="${s.path}">${s.title}</a>: ${s.summary}</li>`)}</ul>`);
}
