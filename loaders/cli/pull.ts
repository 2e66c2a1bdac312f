// npm run pull -- --source police-uk|police-uk-national|stats19|ons|all [--from YYYY-MM] [--to YYYY-MM] [--base-url URL]
//   [--tables collision,casualty,vehicle] [--snapshot DIR] [--timeout-ms N] [--retries N] [--quiet] [--debug]
// Fetches live open data, validates it, and replaces data/snapshot all-or-nothing (see loaders/snapshot/pull.ts).
import {relative, resolve} from "node:path";
import {parseArgs} from "node:util";
import {SNAPSHOT_DIR} from "../lib/paths.ts";
import {formatSummary, PULL_SOURCES, runPull, type PullSource} from "../snapshot/pull.ts";
import {STATS19_TABLES, type Stats19Table} from "../sources/stats19-pull.ts";

const USAGE = "usage: npm run pull -- --source police-uk|police-uk-national|stats19|ons|all [--from YYYY-MM] [--to YYYY-MM] [--base-url URL] [--tables collision,casualty,vehicle] [--snapshot DIR] [--quiet] [--debug]";

let debug = process.argv.includes("--debug");
let snapshotDir = SNAPSHOT_DIR;
try {
  const {values} = parseArgs({
    options: {
      "source": {type: "string"},
      "from": {type: "string"},
      "to": {type: "string"},
      "base-url": {type: "string"},
      "tables": {type: "string"},
      "snapshot": {type: "string"},
      "timeout-ms": {type: "string"},
      "retries": {type: "string"},
      "quiet": {type: "boolean", default: false},
      "debug": {type: "boolean", default: false},
      "help": {type: "boolean", default: false}
    }
  });
  debug = values.debug;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!values.source) throw new Error(`--source is required\n${USAGE}`);
  const sources: PullSource[] = values.source === "all" ? PULL_SOURCES : values.source.split(",").map((s) => {
    if (!(PULL_SOURCES as string[]).includes(s)) throw new Error(`--source: expected police-uk, police-uk-national, stats19, ons or all, found ${JSON.stringify(s)}`);
    return s as PullSource;
  });
  const tables = values.tables?.split(",").map((t) => {
    if (!(STATS19_TABLES as string[]).includes(t)) throw new Error(`--tables: expected some of ${STATS19_TABLES.join(",")}, found ${JSON.stringify(t)}`);
    return t as Stats19Table;
  });
  const int = (name: string, s: string | undefined) => {
    if (s === undefined) return undefined;
    if (!/^\d+$/.test(s)) throw new Error(`--${name}: expected a whole number, found ${JSON.stringify(s)}`);
    return Number(s);
  };
  const http = {
    ...(values["timeout-ms"] ? {timeoutMs: int("timeout-ms", values["timeout-ms"])} : {}),
    ...(values.retries ? {retries: int("retries", values.retries)} : {}),
    ...(values.quiet ? {progress: null} : {})
  };
  if (values.snapshot) snapshotDir = resolve(values.snapshot);
  const summary = await runPull({
    sources, from: values.from, to: values.to, baseUrl: values["base-url"], stats19Tables: tables,
    snapshotDir, http,
    log: values.quiet ? () => {} : (line) => process.stderr.write(line + "\n")
  });
  console.log(formatSummary(summary));
} catch (error) {
  console.error(debug ? error : `pull failed: ${(error as Error).message}`);
  console.error(`${relative(process.cwd(), snapshotDir) || "."} was not changed.`);
  process.exitCode = 1;
}
