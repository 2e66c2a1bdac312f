// No broken links: crawl the built site from the home page and request every internal link and asset.
import {afterAll, beforeAll, expect, test} from "vitest";
import {serveDist, type RunningServer} from "../../scripts/static-server.ts";

let server: RunningServer;
beforeAll(async () => { server = await serveDist(); });
afterAll(async () => { await server?.close(); });

test("every internal link, from every page reachable from the home page, answers 200", async () => {
  const origin = new URL(server.url).origin;
  const pages = new Set<string>(["/"]);
  const checked = new Map<string, number>();
  const broken: string[] = [];
  const queue = ["/"];
  while (queue.length) {
    const path = queue.shift()!;
    const response = await fetch(origin + path);
    checked.set(path, response.status);
    if (response.status !== 200) continue;
    if (!(response.headers.get("content-type") ?? "").includes("text/html")) continue;
    // Attributes by pattern (a DOM parser is ~100× slower on pages full of inline SVG); fragments dropped.
    const html = await response.text();
    const links = [...html.matchAll(/\s(?:href|src)="([^"#][^"]*)"/g)]
      .map((m) => new URL(m[1].replaceAll("&amp;", "&"), origin + path))
      .filter((u) => u.origin === origin && !/^(data|blob):/.test(u.href));
    for (const url of links) {
      const target = url.pathname + url.search;
      if (checked.has(target) || pages.has(target)) continue;
      if (!/\.\w+$/.test(url.pathname) || url.pathname.endsWith(".html")) {
        pages.add(target);
        queue.push(target);
        checked.set(target, 0); // queued
      } else {
        const r = await fetch(origin + target, {method: "HEAD"}); // assets: the status is enough
        checked.set(target, r.status);
        if (r.status !== 200) broken.push(`${target} (from ${path}): ${r.status}`);
      }
    }
  }
  for (const [path, status] of checked) if (status !== 200 && !broken.some((b) => b.startsWith(path))) broken.push(`${path}: ${status}`);
  expect(broken).toEqual([]);
  // the crawl reached the stories, the nine areas, the data page and downloads
  expect([...pages].filter((p) => p.startsWith("/areas/") && p.length > 7).length).toBeGreaterThanOrEqual(9);
  expect(pages.has("/stories/roads")).toBe(true);
  expect([...checked.keys()].some((p) => p.startsWith("/downloads/"))).toBe(true);
  expect(checked.size).toBeGreaterThan(50);
});
