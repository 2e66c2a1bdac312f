// Framework 1.13 writes `<html>` with no lang (fails WCAG 3.1.1) and a viewport that blocks zoom
// (maximum-scale=1 fails WCAG 1.4.4). Fixed once, here, for every built page.
export function fixHtml(html: string): string {
  return html
    .replace(/<html>/, '<html lang="en-GB">')
    .replace(/<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">/, '<meta name="viewport" content="width=device-width, initial-scale=1">');
}
