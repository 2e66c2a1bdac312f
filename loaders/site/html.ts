// HTML for pages, written with one tagged template that escapes by default:
//   html`<p>${name}</p>`            name is text: & < > " ' are escaped
//   html`<ul>${items.map(li)}</ul>`  arrays are joined; Html values (built by html`` or raw()) go in as they are
//   ${false}, ${null}, ${undefined}  render nothing, so ${cond && html`…`} reads naturally
// raw() marks HTML that is already built and trusted (a rendered chart, an SVG); nothing else bypasses escaping.

/** HTML that is safe to place in a page: built by html`` or marked trusted by raw(). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

/** Escapes text for HTML content and quoted attribute values. */
export function escapeText(text: string | number): string {
  return String(text).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false || value === true) return "";
  return escapeText(value as string | number);
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  values.forEach((v, i) => (out += render(v) + strings[i + 1]));
  return new Html(out);
}

/** Trusted, already-built HTML (rendered charts and SVG): inserted without escaping. */
export function raw(trusted: string): Html {
  return new Html(trusted);
}

/**
 * An HTML block for a Markdown page: Markdown ends an HTML block at a blank line, so blank lines are removed
 * (and lines trimmed of their indentation, which Markdown would otherwise read as code).
 */
export function block(h: Html): string {
  return h.value.split("\n").map((l) => l.trim()).filter(Boolean).join("\n");
}

/**
 * HTML that a browser with JavaScript parses only after the first paint: it sits in <noscript data-deferred>,
 * which such a browser reads as plain text, and the page head's script (observablehq.config.ts) inserts it
 * once the first content has painted. Without JavaScript it is ordinary HTML, read in place. Use it for what
 * follows the first screen of a long page: a browser must otherwise parse and lay out all of it before its
 * first paint.
 */
export function deferredHtml(content: Html): Html {
  if (/<\/noscript/i.test(content.value)) throw new Error("deferredHtml: the HTML may not contain </noscript>");
  // The opening tag ends its line: so the block also starts an HTML block where Markdown expects one (a line holding
  // only a complete open tag), since <noscript> is not one of the tags that start a block on their own.
  return content.value.trim() ? html`<noscript data-deferred>
${content}</noscript>` : html``;
}
