// npm run check-data [-- --snapshot DIR] [--accept-rows PATH ...] [--debug]: validates the snapshot and prints what
// it holds. --accept-rows accepts, for this run only, an implausible row count of the file at PATH (to accept it for
// good, record it as "acceptedRows" in the file's manifest entry, as `npm run pull -- --accept-rows` does).
import {resolve} from "node:path";
import {parseArgs} from "node:util";
import {checkSnapshot, formatCheckReport} from "../snapshot/check.ts";
import {SNAPSHOT_DIR} from "../lib/paths.ts";

let debug = process.argv.includes("--debug");
try {
  const {values} = parseArgs({options: {"snapshot": {type: "string"}, "accept-rows": {type: "string", multiple: true}, "debug": {type: "boolean", default: false}}});
  debug = values.debug;
  const result = await checkSnapshot(values.snapshot ? resolve(values.snapshot) : SNAPSHOT_DIR, {acceptRows: values["accept-rows"]});
  console.log(formatCheckReport(result));
  process.exitCode = result.errors.length ? 1 : 0;
} catch (error) {
  console.error(debug ? error : `check-data failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
