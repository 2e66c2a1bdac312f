// npm run pull -- --source police-uk|police-uk-national|stats19|ons|all [--from YYYY-MM] [--to YYYY-MM] [--base-url URL]
//   [--tables collision,casualty,vehicle] [--snapshot DIR] [--timeout-ms N] [--deadline-ms N] [--retries N]
//   [--allow-redirect HOST] [--accept-rows PATH|PERIOD] [--quiet] [--debug]
// Fetches live open data, validates it, and replaces data/snapshot all-or-nothing (see loaders/snapshot/pull.ts).
import {relative, resolve} from "node:path";
import {parseArgs} from "node:util";
import {SNAPSHOT_DIR} from "../lib/paths.ts";
import {formatSummary, PULL_SOURCES, runPull, yearsOf, type PullSource} from "../snapshot/pull.ts";
import {STATS19_TABLES, type Stats19Table} from "../sources/stats19-pull.ts";

const USAGE = `usage: npm run pull -- --source police-uk|police-uk-national|stats19|ons|all [--from YYYY-MM] [--to YYYY-MM] [--base-url URL]
  [--tables collision,casualty,vehicle] [--snapshot DIR] [--timeout-ms N] [--deadline-ms N] [--retries N]
  [--allow-redirect HOST] [--accept-rows PATH|PERIOD] [--quiet] [--debug]
  --timeout-ms    give up on a request when nothing arrives for this long (default 60000)
  --deadline-ms   give up on a request that has not finished in this long, retries included (default 10800000)
  --allow-redirect  follow redirects to this host too (by default only within the address asked)
  --accept-rows   accept an implausible row count (a file's snapshot path, or a period such as 2025-06)`;

const OPTIONS = {
  "source": {type: "string"},
  "from": {type: "string"},
  "to": {type: "string"},
  "base-url": {type: "string"},
  "tables": {type: "string"},
  "snapshot": {type: "string"},
  "timeout-ms": {type: "string"},
  "deadline-ms": {type: "string"},
  "retries": {type: "string"},
  "allow-redirect": {type: "string", multiple: true},
  "accept-rows": {type: "string", multiple: true},
  "quiet": {type: "boolean", default: false},
  "debug": {type: "boolean", default: false},
  "help": {type: "boolean", default: false}
} as const;

/** An argument error, named by its option. */
class UsageError extends Error {}

/** `--timeout-ms -5` → `--timeout-ms=-5`, so a value that starts with "-" reaches validation (and its message). */
function joinDashValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; ++i) {
    const name = argv[i].startsWith("--") ? argv[i].slice(2) : null;
    const option = name ? (OPTIONS as Record<string, {type: string}>)[name] : undefined;
    if (option?.type === "string" && argv[i + 1]?.startsWith("-") && !(argv[i + 1].slice(2) in OPTIONS)) out.push(`${argv[i]}=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

function parse(argv: string[]) {
  try {
    return parseArgs({args: joinDashValues(argv), options: OPTIONS, allowPositionals: false}).values;
  } catch (error) {
    const e = error as Error & {code?: string};
    const option = /'(-[^']*)'/.exec(e.message)?.[1];
    if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`unknown option ${option ?? ""}`.trim());
    if (e.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") throw new UsageError(`unexpected argument ${option ?? e.message.replace(/^Unexpected argument '([^']*)'.*$/s, "$1")}: every value follows its option, e.g. --source police-uk`);
    if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`${/--[\w-]+/.exec(e.message)?.[0] ?? "an option"}: ${/argument missing/.test(e.message) ? "expected a value" : e.message}`);
    throw new UsageError(e.message);
  }
}

/** A whole number in [min, max] for option `name`, or undefined when not given. */
function wholeNumber(name: string, value: string | undefined, min: number, max: number, unit: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`--${name}: expected a whole number of ${unit} from ${min} to ${max}, found ${JSON.stringify(value)}`);
  return Number(value);
}

/** An http(s) origin (and optional path) to put in place of every live source's scheme and host. */
function baseUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base-url: expected an address such as http://127.0.0.1:8080, found ${JSON.stringify(value)}`);
  }
  if (!["http:", "https:"].includes(url.protocol)) throw new UsageError(`--base-url: expected an http:// or https:// address, found ${JSON.stringify(value)}`);
  if (url.search || url.hash || url.username || url.password) throw new UsageError(`--base-url: expected a scheme, host and optional path (no query, fragment or credentials), found ${JSON.stringify(value)}`);
  return value;
}

function month(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(value)) throw new UsageError(`--${name}: expected a month as YYYY-MM (or a year, YYYY), found ${JSON.stringify(value)}`);
  return value;
}

let debug = process.argv.includes("--debug");
let snapshotDir = SNAPSHOT_DIR;
try {
  const values = parse(process.argv.slice(2));
  debug = values.debug;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!values.source) throw new UsageError("--source is required");
  const sources: PullSource[] = values.source === "all" ? PULL_SOURCES : values.source.split(",").map((s) => {
    if (!(PULL_SOURCES as string[]).includes(s)) throw new UsageError(`--source: expected ${PULL_SOURCES.join(", ")} or all, found ${JSON.stringify(s)}`);
    return s as PullSource;
  });
  const tables = values.tables?.split(",").map((t) => {
    if (!(STATS19_TABLES as string[]).includes(t)) throw new UsageError(`--tables: expected some of ${STATS19_TABLES.join(",")}, found ${JSON.stringify(t)}`);
    return t as Stats19Table;
  });
  const from = month("from", values.from), to = month("to", values.to);
  if (from && to && from.slice(0, to.length) > to.slice(0, from.length)) throw new UsageError(`--from ${from} is after --to ${to}`);
  yearsOf(from, to);
  const timeoutMs = wholeNumber("timeout-ms", values["timeout-ms"], 1, 3_600_000, "milliseconds");
  const deadlineMs = wholeNumber("deadline-ms", values["deadline-ms"], 1, 7 * 24 * 3_600_000, "milliseconds");
  const retries = wholeNumber("retries", values.retries, 0, 20, "retries");
  for (const host of values["allow-redirect"] ?? []) {
    if (!/^[a-z0-9.-]+(:\d+)?$/i.test(host)) throw new UsageError(`--allow-redirect: expected a host such as data.example.org (or host:port), found ${JSON.stringify(host)}`);
  }
  const http = {
    ...(timeoutMs !== undefined ? {timeoutMs} : {}),
    ...(deadlineMs !== undefined ? {deadlineMs} : {}),
    ...(retries !== undefined ? {retries} : {}),
    ...(values["allow-redirect"] ? {allowRedirectHosts: values["allow-redirect"]} : {}),
    ...(values.quiet ? {progress: null} : {})
  };
  if (values.snapshot) snapshotDir = resolve(values.snapshot);
  const summary = await runPull({
    sources, from, to, baseUrl: baseUrl(values["base-url"]), stats19Tables: tables, acceptRows: values["accept-rows"],
    snapshotDir, http,
    log: values.quiet ? () => {} : (line) => process.stderr.write(line + "\n")
  });
  console.log(formatSummary(summary));
} catch (error) {
  if (error instanceof UsageError) console.error(`pull: ${error.message}\n${USAGE}`);
  else console.error(debug ? error : `pull failed: ${(error as Error).message}`);
  console.error(`${relative(process.cwd(), snapshotDir) || "."} was not changed.`);
  process.exitCode = 1;
}
