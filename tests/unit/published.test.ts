// The published-measures table: every figure is quoted verbatim from its document, the value is what the quote
// says, the roads figures the design relies on are right, and the reader rejects bad input with file, line and field.
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvFormatRows, csvParseRows} from "d3-dsv";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DataError} from "../../loaders/lib/errors.ts";
import {areaByCode} from "../../loaders/lib/force.ts";
import {SNAPSHOT_DIR} from "../../loaders/lib/paths.ts";
import {
  DOCUMENTS_DIR, PUBLISHED_HEADER, PUBLISHED_MEASURES_FILE, normaliseText, publishedMeasure, readDocument, readPublishedMeasures,
  stats19CollisionFilter, type PublishedMeasure
} from "../../loaders/sources/published.ts";
import {readCollisions} from "../../loaders/sources/stats19-read.ts";

const rows = readPublishedMeasures();
const documents = new Map<string, string>();
const documentText = (name: string) => {
  if (!documents.has(name)) documents.set(name, normaliseText(readDocument(name)));
  return documents.get(name)!;
};

// Number words the documents use for small numbers and for percentages at the start of a sentence
// ("Eighty-five per cent"). Only these are read as numbers.
const UNITS_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const WORD_NUMBER = new RegExp(`\\b(?:(${TENS_WORDS.join("|")})(?:-(${UNITS_WORDS.slice(1, 10).join("|")}))?|(${UNITS_WORDS.join("|")}))\\b`, "gi");
const DIGIT_NUMBER = /(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/g;

/** Every number written in a text (unsigned), with the text that follows it. */
function numbersIn(text: string): {value: number; after: string}[] {
  const found: {value: number; after: string}[] = [];
  for (const m of text.matchAll(DIGIT_NUMBER)) found.push({value: Number(m[0].replace(/,/g, "")), after: text.slice(m.index! + m[0].length)});
  for (const m of text.matchAll(WORD_NUMBER)) {
    const value = m[3] !== undefined
      ? UNITS_WORDS.indexOf(m[3].toLowerCase())
      : (TENS_WORDS.indexOf(m[1].toLowerCase()) + 2) * 10 + (m[2] ? UNITS_WORDS.indexOf(m[2].toLowerCase()) : 0);
    found.push({value, after: text.slice(m.index! + m[0].length)});
  }
  return found;
}

// Places in a ranking, as the documents write them ("Second of eight", "12th of 42", "6th").
const ORDINAL_WORDS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
const ORDINAL = new RegExp(`\\b(?:(\\d+)(?:st|nd|rd|th)|(${ORDINAL_WORDS.slice(1).join("|")}))\\b`, "gi");

/** Every place in a ranking written in a text. */
function ordinalsIn(text: string): number[] {
  return [...text.matchAll(ORDINAL)].map((m) => (m[1] ? Number(m[1]) : ORDINAL_WORDS.indexOf(m[2].toLowerCase())));
}

const PERCENT_AFTER = /^\s*(?:%|per\s*cent\b)/i;
const PER_1000_AFTER = /^\s*per 1,000\b/i;

/** Whether the quote states the row's value, in a form fitting its unit. */
function quoteStatesValue(row: PublishedMeasure): boolean {
  const quote = normaliseText(row.quote);
  if (row.unit === "recommendation") return row.value === 1 ? /\bretain|ongoing (?:priority|focus)/i.test(quote) : /\bpivot/i.test(quote);
  // A rank: the place as an ordinal, and "of N" with the comparison's N.
  if (row.unit === "rank") {
    const of = Number(/^of (\d+) /.exec(row.comparison)![1]);
    return ordinalsIn(quote).includes(row.value) && numbersIn(quote).some((n) => n.value === of);
  }
  if (row.unit === "direction") return (row.value < 0 ? /\b(?:below|lower|less)\b/i : row.value > 0 ? /\b(?:above|higher|more)\b/i : /\b(?:in line|similar|same)\b/i).test(quote);
  const target = Math.abs(row.value);
  return numbersIn(quote).some(({value, after}) => {
    if (Math.abs(value - target) > 1e-9) return false;
    switch (row.unit) {
      case "percent": case "percentage_points": return PERCENT_AFTER.test(after);
      case "count": case "count_lower_bound": case "count_upper_bound": return !PERCENT_AFTER.test(after) && !PER_1000_AFTER.test(after);
      case "hours": return /^\s*hours\b/i.test(after);
      default: return true;
    }
  });
}

describe("published-measures.csv", () => {
  it("has rows for every story, within the curated size", () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(rows.length).toBeLessThanOrEqual(180);
    for (const story of ["roads", "county_lines", "vawg", "victims", "local_area"]) {
      expect(rows.filter((r) => r.story === story).length, story).toBeGreaterThan(0);
    }
  });

  it("has unique ids", () => {
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("quotes every figure verbatim from its document", () => {
    const missing = rows.filter((r) => !documentText(r.document).includes(normaliseText(r.quote))).map((r) => `${r.id}: ${r.quote}`);
    expect(missing).toEqual([]);
  });

  it("gives values that the quotes state", () => {
    const wrong = rows.filter((r) => !quoteStatesValue(r)).map((r) => `${r.id}: ${r.value} ${r.unit} not in "${r.quote}"`);
    expect(wrong).toEqual([]);
  });

  it("gives negative values only where the quote says something fell", () => {
    const wrong = rows.filter((r) => r.value < 0 && !/decreas|reduc|fall|fell|drop|down|lower|below|minus|-\s?\d/i.test(normaliseText(r.quote)));
    expect(wrong.map((r) => r.id)).toEqual([]);
  });

  it("codes areas only where the geography names that area", () => {
    const wrong = rows.filter((r) => {
      if (r.areaCode === null) return false;
      const words = areaByCode.get(r.areaCode)!.name.split(/[^A-Za-z]+/).filter((w) => w.length >= 4 && w !== "Staffordshire");
      return !words.some((w) => r.geography.includes(w));
    });
    expect(wrong.map((r) => `${r.id}: ${r.geography} / ${r.areaCode}`)).toEqual([]);
  });

  it("keeps each differently defined 'kept informed' figure in its own row", () => {
    const keptInformed = rows.filter((r) => /kept informed/i.test(r.measure));
    expect(keptInformed.length).toBeGreaterThanOrEqual(4);
    expect(new Set(keptInformed.map((r) => r.definition)).size).toBe(keptInformed.length);
    expect(new Set(keptInformed.map((r) => `${r.measure}|${r.period}`)).size).toBe(keptInformed.length);
  });

  it("lists every document in the documents README", () => {
    const readme = readFileSync(join(DOCUMENTS_DIR, "README.md"), "utf8");
    const files = readdirSync(DOCUMENTS_DIR).filter((f) => f.endsWith(".txt"));
    expect(files.length).toBe(5);
    for (const f of files) expect(readme, f).toContain(f);
    for (const r of rows) expect(files).toContain(r.document);
  });

  it("looks rows up by id for pages", () => {
    expect(publishedMeasure("roads-fatal-collisions-2023").value).toBe(rows.find((r) => r.id === "roads-fatal-collisions-2023")!.value);
    expect(() => publishedMeasure("no-such-measure")).toThrow(DataError);
  });
});

describe("roads figures the design relies on", () => {
  const row = (id: string) => {
    const r = rows.find((x) => x.id === id);
    if (!r) throw new Error(`missing row ${id}`);
    return r;
  };
  const fatal = row("roads-fatal-collisions-2023");
  const serious = row("roads-serious-collisions-2023");
  const ksi = row("roads-ksi-collisions-2023");
  const deaths = row("roads-deaths-2023");

  it("are calendar 2023, force-wide, from the January 2024 report", () => {
    for (const r of [fatal, serious, ksi, deaths]) {
      expect(r.period).toBe("2023-01..2023-12");
      expect(r.areaCode).toBeNull();
      expect(r.document).toBe(fatal.document);
    }
  });

  it("match the report's KSI table (last 12 months column)", () => {
    const text = documentText(fatal.document);
    const table = text.slice(text.indexOf("KSI Previous 12 Months Last 12 Months"));
    expect(table.length).toBeLessThan(text.length);
    const lastTwelve = (label: string) => Number(new RegExp(`\\b${label} (\\d+) (\\d+) (-?\\d+) `).exec(table)![2]);
    expect(fatal.value).toBe(lastTwelve("Fatal"));
    expect(serious.value).toBe(lastTwelve("Serious Injury"));
    expect(ksi.value).toBe(lastTwelve("Total"));
    expect(ksi.value).toBe(fatal.value + serious.value);
  });

  it("count deaths and fatal collisions as the report's text does (deaths, not collisions)", () => {
    const m = /of the (\d+) fatal collisions, there were (\d+) fatalities/.exec(documentText(deaths.document))!;
    expect(fatal.value).toBe(Number(m[1]));
    expect(deaths.value).toBe(Number(m[2]));
    expect(deaths.value).toBeGreaterThan(fatal.value);
    expect(deaths.unit).toBe("count");
    expect(deaths.openDataEquivalent).toMatch(/casualty_severity = 1/);
  });

  it("cover Fatal 4 enforcement, Community Speedwatch and the Road Crime Team", () => {
    const roads = rows.filter((r) => r.story === "roads");
    expect(roads.filter((r) => /fatal 4/i.test(r.definition)).length).toBeGreaterThanOrEqual(5);
    expect(roads.filter((r) => /Community Speedwatch/.test(r.definition)).length).toBeGreaterThanOrEqual(4);
    expect(roads.some((r) => /Road Crime Team/.test(r.definition))).toBe(true);
  });

  it("give STATS19 recipes that run on the snapshot: fatal collisions agree, serious ones are fewer in STATS19", async () => {
    const dir = join(SNAPSHOT_DIR, "stats19");
    const file = readdirSync(dir).find((f) => /collision-2023.*\.csv(\.gz)?$/.test(f));
    expect(file).toBeDefined();
    const collisions: Record<string, string>[] = [];
    for await (const c of readCollisions(join(dir, file!))) collisions.push(c.raw);
    const openData = (r: PublishedMeasure) => {
      const filter = stats19CollisionFilter(r.openDataEquivalent);
      expect(filter, r.id).not.toBeNull();
      return collisions.filter((c) => filter!.every(({column, values}) => values.includes(c[column]))).length;
    };
    // Design notes: fatal collisions 2023 are the same in the force report and STATS19; the force's serious count is higher.
    expect(openData(fatal)).toBe(fatal.value);
    expect(openData(serious)).toBeGreaterThan(0);
    expect(openData(serious)).toBeLessThan(serious.value);
    expect(openData(ksi)).toBe(openData(fatal) + openData(serious));
  });
});

describe("helpers", () => {
  it("normalise whitespace, typographic quotes and dashes only", () => {
    expect(normaliseText("Victim’s  Portal –\n“live”\tchat")).toBe(`Victim's Portal - "live" chat`);
    expect(normaliseText("**drop of 6.9%**")).toBe("**drop of 6.9%**");
  });

  it("read numbers in digits and in words", () => {
    expect(numbersIn("Eighty-five per cent (9,040) and 1,088 arrests; nine").map((n) => n.value)).toEqual([9040, 1088, 85, 9]);
  });

  it("read places in a ranking in digits and in words", () => {
    expect(ordinalsIn("Second of eight in MSF and 12th of 42 forces; 6th (6 of 8); 21st, 22nd, 23rd")).toEqual([2, 12, 6, 21, 22, 23]);
  });

  it("parse STATS19 recipes and refuse anything else", () => {
    expect(stats19CollisionFilter("STATS19 collisions with accident_severity in (1, 2), police_force = 21")).toEqual([
      {column: "accident_severity", values: ["1", "2"]}, {column: "police_force", values: ["21"]}
    ]);
    expect(stats19CollisionFilter("STATS19 casualties with casualty_severity = 1")).toBeNull();
    expect(stats19CollisionFilter("STATS19 collisions with date in December 2023")).toBeNull();
  });
});

describe("readPublishedMeasures on bad input", () => {
  let dir: string;
  const [header, good] = csvParseRows(readFileSync(PUBLISHED_MEASURES_FILE, "utf8")).slice(0, 2);
  const col = (name: string) => header.indexOf(name);
  const write = (name: string, table: string[][]) => {
    const file = join(dir, name);
    writeFileSync(file, csvFormatRows(table) + "\n");
    return file;
  };
  const withField = (name: string, value: string) => good.map((v, i) => (i === col(name) ? value : v));
  /** The DataError thrown for a file, checked to name file, line and field. */
  const failure = (file: string, line: number, field: string) => {
    let error: unknown;
    try {
      readPublishedMeasures(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    const e = error as DataError;
    expect(e.file).toBe(file.split("/").at(-1));
    expect(e.line).toBe(line);
    expect(e.field).toBe(field);
    expect(e.message).toContain(`${e.file}, line ${line}, field "${field}"`);
    return e;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "published-"));
  });
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it("accepts the first row of the real table on its own", () => {
    expect(header).toEqual([...PUBLISHED_HEADER]);
    expect(readPublishedMeasures(write("ok.csv", [header, good]))).toHaveLength(1);
  });

  it("rejects a missing column", () => {
    const drop = col("definition");
    const file = write("missing-column.csv", [header.filter((_, i) => i !== drop), good.filter((_, i) => i !== drop)]);
    failure(file, 1, "definition");
  });

  it("rejects an unknown document", () => {
    const e = failure(write("unknown-document.csv", [header, withField("document", "no-such-report.txt")]), 2, "document");
    expect(e.found).toBe("no-such-report.txt");
  });

  it("rejects an empty quote", () => {
    failure(write("empty-quote.csv", [header, good, withField("quote", "  ").map((v, i) => (i === col("id") ? "another-id" : v))]), 3, "quote");
  });

  it("rejects a value that is not a plain number", () => {
    for (const bad of ["1,088", "12%", "about 40", ""]) {
      const e = failure(write("bad-value.csv", [header, withField("value", bad)]), 2, "value");
      expect(e.found).toBe(bad.trim());
    }
  });

  it("rejects a duplicate id, naming the line it repeats", () => {
    const e = failure(write("duplicate-id.csv", [header, good, withField("measure", "something else")]), 3, "id");
    expect(e.expected).toContain("line 2");
  });

  it("rejects a rank that does not say of how many", () => {
    const rank = withField("unit", "rank").map((v, i) => (i === col("value") ? "2" : i === col("comparison") ? "second of eight" : v));
    const e = failure(write("bad-rank.csv", [header, rank]), 2, "comparison");
    expect(e.found).toBe("second of eight");
  });

  it("rejects an area code not in areas.csv", () => {
    const e = failure(write("bad-area.csv", [header, withField("area_code", "E07000999")]), 2, "area_code");
    expect(e.found).toBe("E07000999");
  });

  it("counts lines from the start of a record that spans lines", () => {
    const multiline = withField("notes", "first line\nsecond line").map((v, i) => (i === col("id") ? "multi-line-id" : v));
    failure(write("line-count.csv", [header, multiline, withField("unit", "furlongs")]), 4, "unit");
  });
});
