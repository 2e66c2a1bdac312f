// Reading the English Indices of Deprivation 2019 (MHCLG) by 2011 LSOA from the snapshot's dBase table:
// IMD rank (1 = most deprived of England's LSOAs) and national decile (1 = most deprived 10%).
import {readFileSync} from "node:fs";
import {basename} from "node:path";
import {gunzipSync} from "node:zlib";
import {readDbf} from "../lib/dbf.ts";
import {DataError} from "../lib/errors.ts";
import {LSOA_RE} from "./police-uk-schema.ts";

export interface ImdRow {
  /** 1-based record number in the table */
  record: number;
  lsoaCode: string;
  lsoaName: string;
  rank: number;
  decile: number;
}

export interface ImdTable {
  /** England's LSOAs, in table order */
  rows: ImdRow[];
  /** codes of the Welsh rows the layer carries without a rank (the IMD is England's; Wales has its own index) */
  welsh: string[];
}

const FIELDS = ["lsoa11cd", "lsoa11nm", "IMDRank", "IMDDecil"];

/** Reads and checks the table: codes, unique LSOAs, ranks 1…N (ties share a rank), each decile agreeing with its rank. */
export function readImd(file: string, label = basename(file)): ImdTable {
  let bytes = readFileSync(file);
  if (file.endsWith(".gz")) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      const truncated = /unexpected end/i.test((error as Error).message);
      throw new DataError(label, null, null, truncated ? "a complete gzip stream" : "gzip data", truncated ? "a truncated file" : "bytes that are not gzip");
    }
  }
  const table = readDbf(bytes, label);
  for (const name of FIELDS) {
    if (!table.fields.some((f) => f.name === name)) throw new DataError(label, null, name, `a field named ${name}`, table.fields.map((f) => f.name).join(","));
  }
  const rows: ImdRow[] = [];
  const seen = new Set<string>();
  const welsh: string[] = [];
  for (const {record, values: v} of table.records()) {
    const where = `${label}, record ${record}`;
    const code = String(v.lsoa11cd);
    if (!LSOA_RE.test(code)) throw new DataError(where, null, "lsoa11cd", "an ONS LSOA code like E01029557", code);
    if (seen.has(code)) throw new DataError(where, null, "lsoa11cd", "each LSOA once", `${code} again`);
    seen.add(code);
    const rank = v.IMDRank, decile = v.IMDDecil;
    if (code.startsWith("W")) {
      if (rank !== 0 || decile !== 0) throw new DataError(where, null, "IMDRank", "rank and decile 0 for a Welsh LSOA (England's index does not rank Wales)", `${rank}/${decile}`);
      welsh.push(code);
      continue;
    }
    if (typeof rank !== "number" || !Number.isInteger(rank) || rank < 1) throw new DataError(where, null, "IMDRank", "a whole-number rank from 1", String(rank));
    if (typeof decile !== "number" || !Number.isInteger(decile) || decile < 1 || decile > 10) throw new DataError(where, null, "IMDDecil", "a decile from 1 to 10", String(decile));
    rows.push({record, lsoaCode: code, lsoaName: String(v.lsoa11nm), rank, decile});
  }
  // Ranks run 1…N with ties sharing a rank and the next rank skipped ("1, 2, 2, 4"): in rank order, each LSOA's rank
  // is its position, or its predecessor's rank when tied. Decile d holds ranks in ((d − 1)·N/10, d·N/10].
  const n = rows.length;
  const byRank = [...rows].sort((a, b) => a.rank - b.rank);
  byRank.forEach((r, i) => {
    const where = `${label}, record ${r.record}`;
    if (r.rank !== i + 1 && r.rank !== byRank[i - 1]?.rank) throw new DataError(where, null, "IMDRank", `rank ${i + 1} (ranks 1 to ${n}, the number of English LSOAs, ties sharing a rank)`, String(r.rank));
    const expected = Math.ceil((r.rank * 10) / n);
    if (r.decile !== expected) throw new DataError(where, null, "IMDDecil", `decile ${expected} for rank ${r.rank} of ${n}`, String(r.decile));
  });
  return {rows, welsh};
}
