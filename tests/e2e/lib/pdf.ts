// A PDF's text, page by page (pdfjs-dist, pinned in package.json): for the print tests.
import {getDocument} from "pdfjs-dist/legacy/build/pdf.mjs";

export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  // pdfjs wants a plain Uint8Array (not a Node Buffer).
  const doc = await getDocument({data: new Uint8Array(pdf), useSystemFonts: true, isEvalSupported: false}).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("").replace(/[ \t]+/g, " "));
  }
  await doc.destroy();
  return pages;
}
