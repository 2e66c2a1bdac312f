// Framework 1.13 writes `<html>` with no lang (fails WCAG 3.1.1) and a viewport that blocks zoom
// (maximum-scale=1 fails WCAG 1.4.4). Fixed once, here, for every built page. Also makes the first chart
// paint sooner: the stylesheet goes inline (no render-blocking request), and the dozens of module preloads
// that would compete with it are dropped (the scripts load as the page's module imports them, after the
// pre-rendered charts are already on screen).
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {dirname, join} from "node:path";

export function fixHtml(html: string, options: {notFoundPage?: boolean; file?: string; root?: string} = {}): string {
  if (options.notFoundPage) html = absolutise404(html);
  html = stableDownloadLinks(html);
  if (options.file && options.root) html = inlineStylesheets(html, dirname(options.file), options.root);
  return addSecurityPolicy(html
    .replace(/<html>/, '<html lang="en-GB">')
    .replace(/<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">/, '<meta name="viewport" content="width=device-width, initial-scale=1">')
        .replaceAll(/<link rel="modulepreload" href="[^"]*">\n?/g, "")
    // Framework wraps each Markdown heading's text in a link to itself: a tab stop per heading, which keyboard users
    // must pass on the way to the page's controls. The link stays (to copy a section's address), out of the tab order.
    .replaceAll('<a class="observablehq-header-anchor" href=', '<a class="observablehq-header-anchor" tabindex="-1" href='));
}

/** A Subresource Integrity value (sha384) for a file's text. */
export function subresourceIntegrity(text: string): string {
  return `sha384-${createHash("sha384").update(text, "utf8").digest("base64")}`;
}

/** Script types a browser runs (a JSON data block is not run, so CSP does not apply to it). */
const RUN = /^(|module|text\/javascript|application\/javascript)$/i;

/** The SHA-256 sources of every inline script a page runs, as CSP writes them. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attributes = m[1] ?? "";
    if (/\ssrc=/i.test(attributes)) continue;
    const type = /\stype="([^"]*)"/i.exec(attributes)?.[1] ?? "";
    if (!RUN.test(type)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(m[2], "utf8").digest("base64")}'`);
  }
  return [...hashes].sort();
}

/**
 * The page's Content-Security-Policy: only the site's own origin, and its inline scripts by hash (computed here,
 * after the build, from the HTML as served). Inline styles are allowed: the stylesheet is inlined for first paint
 * and Plot writes style attributes; neither can load anything from elsewhere under default-src 'self'. Pages that
 * run DuckDB-WASM (the explorer) may also compile WebAssembly and start their worker from a blob.
 */
export function securityPolicy(html: string): string {
  const duckdb = /duckdb/i.test(html);
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScriptHashes(html).join(" ")}${duckdb ? " 'wasm-unsafe-eval'" : ""}`.replace(/ +/g, " ").trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    `worker-src 'self'${duckdb ? " blob:" : ""}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'"
  ].join("; ");
}

/**
 * Puts the Content-Security-Policy and the Referrer-Policy (same-origin: other sites linked to never learn which
 * page the reader came from) at the top of the head, before anything they govern. Idempotent.
 */
export function addSecurityPolicy(html: string): string {
  html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?/, "").replace(/<meta name="referrer" content="[^"]*">\n?/, "");
  const tags = `<meta http-equiv="Content-Security-Policy" content="${securityPolicy(html)}">\n<meta name="referrer" content="same-origin">\n`;
  const charset = /<meta charset="utf-8">\n?/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + (charset[0].endsWith("\n") ? "" : "\n") + tags + html.slice(charset.index + charset[0].length);
  if (!/<head>/i.test(html)) throw new Error("no <head> to put the Content-Security-Policy in");
  return html.replace(/<head>\n?/i, (head) => `${head}${head.endsWith("\n") ? "" : "\n"}${tags}`);
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
