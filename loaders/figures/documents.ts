// The published documents as pages of their own: /figures/documents/<name>, one per text in
// data/reference/documents/, each read into headings, blocks and the places its figures are quoted.
import {DOCUMENTS, type PublishedDocument} from "../sources/documents.ts";
import {readDocument, type PublishedMeasure} from "../sources/published.ts";
import {locateQuote, readDocumentText, sectionAt, type DocumentText, type Heading} from "./document-text.ts";

/** "force-performance-report-jan-2024.txt" → "/figures/documents/force-performance-report-jan-2024" */
export const documentPath = (file: string): string => `/figures/documents/${file.replace(/\.txt$/, "")}`;

/** Every document page's address. */
export const documentPaths = (): string[] => DOCUMENTS.map((d) => documentPath(d.file));

/** The document a page address names, or undefined. */
export const documentByName = (name: string): PublishedDocument | undefined => DOCUMENTS.find((d) => d.file === `${name}.txt`);

export interface QuotedFigure {
  measure: PublishedMeasure;
  /** raw offsets of the quote in the text */
  start: number;
  end: number;
  /** the section it sits in, as the page heads it */
  section: Heading | undefined;
}

/** A document read for its page, with each figure quoted from it located in the text (throws if a quote is not there). */
export function readDocumentPage(file: string, measures: PublishedMeasure[]): {text: DocumentText; figures: QuotedFigure[]} {
  const mine = measures.filter((m) => m.document === file);
  // Figure ids are anchors on the page too: headings take other ids.
  const text = readDocumentText(readDocument(file), mine.map((m) => m.id));
  const figures = mine.map((m) => {
    const at = locateQuote(text, m.quote);
    if (!at) throw new Error(`${m.id} (data/reference/published-measures.csv line ${m.line}): its quote is not in ${file}`);
    return {measure: m, ...at, section: sectionAt(text, at.start)};
  });
  return {text, figures};
}
