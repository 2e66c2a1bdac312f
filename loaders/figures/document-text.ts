// A published document's text (data/reference/documents/) read as a page: its headings with anchors, its blocks of
// text, and where each quoted figure sits in it. The texts are PDF conversions kept exactly as published (broken
// lines, tab-separated table rows, page furniture), so headings are found by rules, not markup:
//   - Markdown headings ("## Shaping the Plan"), as the Plan's conversion has them;
//   - numbered sections ("3.5 Road Safety: Enforcement"), in order: a number lower than the last one seen is a list
//     item, not a section (a restart to the document's first number is a contents page ending);
//   - "Priority 3 Support victims…" lines, as the Commissioner's report heads its chapters;
//   - a short title line on its own before a paragraph ("Overall crime in Stafford").
// Quotes are found as published-measures.csv checks them (normaliseText), and mapped back to the raw text.
import {normaliseText} from "../sources/published.ts";

export interface Heading {
  id: string;
  /** 2, 3 or 4, never more than one level below the heading before it */
  level: number;
  /** as the document prints it, without Markdown or bold markers */
  text: string;
  /** raw offsets of the heading's lines */
  start: number;
  end: number;
}

export interface TextBlock {
  /** raw offsets of the block's text */
  start: number;
  end: number;
  /** a table row or more: cells separated by tabs */
  tabbed: boolean;
}

export interface DocumentText {
  text: string;
  headings: Heading[];
  /** headings and blocks in reading order */
  parts: ({kind: "heading"; heading: Heading} | {kind: "block"; block: TextBlock})[];
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split("\n")) {
    lines.push({start, end: start + raw.length, text: raw});
    start += raw.length + 1;
  }
  return lines;
}

const blank = (l: Line | undefined) => !l || l.text.trim() === "";
/** Text as shown: bold markers and Markdown heading marks removed, whitespace made single. */
export const plainText = (s: string) => s.replace(/\*\*/g, "").replace(/^\s*#{1,6}\s+/, "").replace(/\s+/g, " ").trim();

const MARKDOWN = /^\s*(#{1,6})\s+\S/;
// An optional running header in quotes ("“An outstanding local police service”3.2 Retail Crime"), then the number.
const NUMBERED = /^\s*(?:“[^”]{3,60}”\s*)?(\d{1,2}(?:\.\d{1,2})*)\.?\s+[A-Z“'‘]/;
const CONTENTS_LINE = /\t\s*\d+\s*$|\.{4,}/;
const PRIORITY = /^\s*\**Priority \d+\b/;

/** Sections compare by their numbers: [3, 5] after [3, 4]. */
function compareNumbers(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); ++i) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Lines that head a section, with their level before clamping (see the module comment). */
function headingLines(lines: Line[]): Map<number, {level: number; lines: number}> {
  const found = new Map<number, {level: number; lines: number}>();
  let first: number[] | undefined, last: number[] | undefined, restarted = false, prose = false;
  lines.forEach((line, i) => {
    const t = line.text.trim();
    if (first && t.length >= 100) prose = true;
    if (!t || t.length > 120 || line.text.includes("\t")) return;
    const md = MARKDOWN.exec(line.text);
    if (md) return void found.set(i, {level: Math.min(4, Math.max(2, md[1].length)), lines: 1});
    if (PRIORITY.test(t)) return void found.set(i, {level: 2, lines: 1});
    const numbered = NUMBERED.exec(line.text);
    if (numbered && !CONTENTS_LINE.test(line.text)) {
      const n = numbered[1].split(".").map(Number);
      // A contents page lists the sections first: the body's first section may start the numbering again, once,
      // before any prose (a contents page is short lines).
      const restart = first && !restarted && !prose && compareNumbers(n, first) === 0;
      if (n[0] >= 1 && n[0] <= 12 && (!last || compareNumbers(n, last) >= 0 || restart)) {
        if (restart) restarted = true;
        first ??= n;
        last = n;
        // A heading broken over two lines: the second is short and starts in lower case ("county lines (NCPM)").
        const next = lines[i + 1]?.text.trim() ?? "";
        const continued = next.length > 0 && next.length < 60 && /^[a-z(]/.test(next) && !/^[ivx]+\.\s/.test(next) && t.length + next.length < 120;
        return void found.set(i, {level: n.length === 1 ? 2 : 3, lines: continued ? 2 : 1});
      }
      return;
    }
    // A title line before a paragraph, or before a second title line that heads a paragraph or a table.
    const next = nextText(lines, i);
    const paragraph = (j: number) => j >= 0 && lines[j].text.trim().length >= 100 && !lines[j].text.includes("\t");
    if (titleLine(lines, i) && (paragraph(next) || (next >= 0 && titleLine(lines, next) && (paragraph(nextText(lines, next)) || lines[nextText(lines, next)]?.text.includes("\t"))))) {
      found.set(i, {level: 4, lines: 1});
    }
  });
  return found;
}

/** The index of the next line with text after line i, or -1. */
function nextText(lines: Line[], i: number): number {
  for (let j = i + 1; j < lines.length; ++j) if (!blank(lines[j])) return j;
  return -1;
}

/** A line alone, short, capitalised, unpunctuated, not a quotation, not in capitals (but for an acronym: "ASB"). */
function titleLine(lines: Line[], i: number): boolean {
  const plain = plainText(lines[i].text);
  return blank(lines[i - 1]) && blank(lines[i + 1]) && !lines[i].text.includes("\t") && plain.length <= 60 && /^[A-Z]/.test(plain)
    && !/[.,;:!?–-]$/.test(plain) && (/[a-z]/.test(plain) || /^[A-Z]{2,5}$/.test(plain));
}

const slug = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "section";

/** The document as headings and blocks. `reserved`: ids already used on the page (the figures' anchors). */
export function readDocumentText(text: string, reserved: Iterable<string> = []): DocumentText {
  const lines = linesOf(text);
  const marks = headingLines(lines);
  // The kinds of heading a document uses, highest first, become h2, h3, h4 (a document headed only by title lines
  // gets h2s).
  const kinds = [...new Set([...marks.values()].map((m) => m.level))].sort();
  const used = new Set(reserved);
  const parts: DocumentText["parts"] = [];
  const headings: Heading[] = [];
  let block: Line[] = [];
  let level = 1;
  const flush = () => {
    if (block.length) parts.push({kind: "block", block: {start: block[0].start, end: block.at(-1)!.end, tabbed: block.some((l) => l.text.includes("\t"))}});
    block = [];
  };
  for (let i = 0; i < lines.length; ++i) {
    const mark = marks.get(i);
    if (mark) {
      flush();
      const own = lines.slice(i, i + mark.lines);
      const words = plainText(own.map((l) => l.text).join(" ")).replace(/^“[^”]{3,60}”\s*/, "");
      level = Math.min(kinds.indexOf(mark.level) + 2, level + 1);
      let id = slug(words), n = 1;
      while (used.has(id)) id = `${slug(words)}-${++n}`;
      used.add(id);
      const heading = {id, level: Math.max(2, level), text: words, start: own[0].start, end: own.at(-1)!.end};
      headings.push(heading);
      parts.push({kind: "heading", heading});
      i += mark.lines - 1;
    } else if (blank(lines[i])) flush();
    else block.push(lines[i]);
  }
  flush();
  return {text, headings, parts};
}

/**
 * The document normalised as quotes are compared (normaliseText), with each character's offset in the raw text.
 * normaliseText maps single characters one to one and makes each run of whitespace one space (trimmed), so the two
 * texts are walked side by side.
 */
function normalisedWithOffsets(text: string): {normal: string; offsets: number[]} {
  const normal = normaliseText(text);
  const offsets: number[] = [];
  let j = 0;
  for (let i = 0; i < text.length && j < normal.length; ++i) {
    if (/\s/.test(text[i])) {
      if (normal[j] === " " && offsets.length && !/\s/.test(text[i - 1])) offsets[j++] = i;
      continue;
    }
    offsets[j++] = i;
  }
  if (j !== normal.length) throw new Error("normaliseText no longer maps characters one to one: quote locations need updating");
  return {normal, offsets};
}

const cache = new WeakMap<object, {normal: string; offsets: number[]}>();

/** Raw offsets of the first place the quote appears, or null when the document does not contain it. */
export function locateQuote(doc: DocumentText, quote: string): {start: number; end: number} | null {
  let n = cache.get(doc);
  if (!n) cache.set(doc, (n = normalisedWithOffsets(doc.text)));
  const q = normaliseText(quote);
  const at = q ? n.normal.indexOf(q) : -1;
  if (at < 0) return null;
  return {start: n.offsets[at], end: n.offsets[at + q.length - 1] + 1};
}

/** The heading whose section holds a raw offset (the last heading starting at or before it). */
export function sectionAt(doc: DocumentText, offset: number): Heading | undefined {
  let found: Heading | undefined;
  for (const h of doc.headings) {
    if (h.start > offset) break;
    found = h;
  }
  return found;
}
