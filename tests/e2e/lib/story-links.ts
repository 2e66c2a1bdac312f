// Where a published story must be linked from, through the registry: the home page, the stories index (the nav's
// "Stories") and every area page. Returns the pages among those whose built HTML has no link to the story.
import {areas} from "../../../loaders/lib/force.ts";
import type {Site} from "./site.ts";

export async function pagesNotLinkingTo(site: Site, path: string): Promise<string[]> {
  const pages = ["/", "/stories/", ...areas.map((a) => `/areas/${a.slug}`)];
  const missing: string[] = [];
  for (const p of pages) {
    const res = await fetch(site.url + p);
    // The build may write internal links relative to the page ("./stories/roads"), so each is resolved first.
    const hrefs = res.ok ? [...(await res.text()).matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => new URL(m[1], site.url + p).pathname) : [];
    if (!hrefs.includes(path)) missing.push(p);
  }
  return missing;
}
