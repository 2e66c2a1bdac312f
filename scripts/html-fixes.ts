// Framework 1.13 writes `<html>` with no lang (fails WCAG 3.1.1) and a viewport that blocks zoom
// (maximum-scale=1 fails WCAG 1.4.4). Fixed once, here, for every built page.
export function fixHtml(html: string, options: {notFoundPage?: boolean} = {}): string {
  if (options.notFoundPage) html = absolutise404(html);
  return html
    .replace(/<html>/, '<html lang="en-GB">')
    .replace(/<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">/, '<meta name="viewport" content="width=device-width, initial-scale=1">');
}

/**
 * The 404 page is served at any depth, so Framework gives it <base href="/"> — which sends the skip link
 * (href="#observablehq-main") to the home page. The site is served from /, so make its relative
 * addresses absolute instead and drop the <base>.
 */
function absolutise404(html: string): string {
  return html.replace(/<base href="\/">\n?/, "").replaceAll(/(["(])\.\/(_observablehq|_import|_node|_npm|_file)\//g, "$1/$2/");
}
