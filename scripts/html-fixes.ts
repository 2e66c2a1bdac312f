// Framework 1.13 writes `<html>` with no lang (fails WCAG 3.1.1) and a viewport that blocks zoom
// (maximum-scale=1 fails WCAG 1.4.4). Fixed once, here, for every built page. Also makes the first chart
// paint sooner: the stylesheet goes inline (no render-blocking request), and the dozens of module preloads
// that would compete with it are dropped (the scripts load as the page's module imports them, after the
// pre-rendered charts are already on screen).
import {readFileSync} from "node:fs";
import {dirname, join} from "node:path";

export function fixHtml(html: string, options: {notFoundPage?: boolean; file?: string; root?: string} = {}): string {
  if (options.notFoundPage) html = absolutise404(html);
  html = stableDownloadLinks(html);
  if (options.file && options.root) html = inlineStylesheets(html, dirname(options.file), options.root);
  return html
    .replace(/<html>/, '<html lang="en-GB">')
    .replace(/<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">/, '<meta name="viewport" content="width=device-width, initial-scale=1">')
    .replaceAll(/<link rel="modulepreload" href="[^"]*">\n?/g, "")
    // Framework wraps each Markdown heading's text in a link to itself: a tab stop per heading, which keyboard users
    // must pass on the way to the page's controls. The link stays (to copy a section's address), out of the tab order.
    .replaceAll('<a class="observablehq-header-anchor" href=', '<a class="observablehq-header-anchor" tabindex="-1" href=');
}

/** `<link rel="stylesheet" href="…">` → `<style>…</style>`, for the site's own (relative) stylesheets. */
function inlineStylesheets(html: string, dir: string, root: string): string {
  return html
    .replaceAll(/<link rel="preload" as="style" href="(?!https?:)[^"]*">\n?/g, "")
    .replaceAll(/<link rel="stylesheet" type="text\/css" href="((?!https?:)[^"]*)">/g, (_, href: string) => {
      const css = readFileSync(href.startsWith("/") ? join(root, href) : join(dir, href), "utf8");
      if (/<\/style/i.test(css)) throw new Error(`${href} contains "</style": cannot inline it`);
      return `<style>${css}</style>`;
    });
}

/**
 * The 404 page is served at any depth, so Framework gives it <base href="/"> — which sends the skip link
 * (href="#observablehq-main") to the home page. The site is served from /, so make its relative
 * addresses absolute instead and drop the <base>.
 */
function absolutise404(html: string): string {
  return html.replace(/<base href="\/">\n?/, "").replaceAll(/(["(])\.\/(_observablehq|_import|_node|_npm|_file)\//g, "$1/$2/");
}

/**
 * Download links at their stable addresses. Framework checks a link to a file only when the link has a `download`
 * attribute, and then points it at a copy named by content hash (_file/downloads/x.1a2b3c4d.csv). Every download is
 * also published at its own address (/downloads/x.csv, a route of its own), which readers can bookmark and cite and
 * which stays the same when the data is refreshed: so the link goes back to that, once Framework has checked it.
 */
export function stableDownloadLinks(html: string): string {
  return html.replaceAll(/href="(?:\.\.?\/)*_file\/(downloads\/[^"]+?)\.[0-9a-f]{8}(\.[a-z]+)"/g, 'href="/$1$2"');
}
