// What every source's pull module is given, and what it hands back to the runner (loaders/snapshot/pull.ts).
import type {HttpOptions} from "./http.ts";
import type {SourceId} from "./manifest.ts";

export interface PullContext {
  /** force id used in file names (e.g. staffordshire) and its STATS19 police_force code */
  forceId: string;
  stats19PoliceForce: number;
  /** ONS codes of the force's local authorities */
  ladCodes: string[];
  /** replaces scheme and host of every live URL (a mirror or a test server) */
  baseUrl?: string;
  http: HttpOptions;
  /** scratch directory for downloads; removed by the runner */
  workDir: string;
  log: (line: string) => void;
  now: Date;
}

export interface SourceResult {
  files: NewFile[];
  /** counted, documented skips (e.g. a month with no stop-and-search file) */
  skipped: string[];
}

/** A validated file ready to enter the snapshot (content uncompressed; it is stored gzipped). */
export interface NewFile {
  /** path relative to the snapshot, ending .gz */
  path: string;
  source: SourceId;
  kind: string;
  url: string;
  member?: string;
  content: Buffer;
  rows: number | null;
  period: string | null;
}
