// npm run check-data [-- --snapshot DIR] [--accept-rows PATH ...] [--gate] [--debug]: validates the snapshot and
// prints what it holds. --gate (run before every build) is quiet when the content on disk has passed before. --accept-rows accepts, for this run only, an implausible row count of the file at PATH (to accept it for
// good, record it as "acceptedRows" in the file's manifest entry, as `npm run pull -- --accept-rows` does).
import {resolve} from "node:path";
import {parseArgs} from "node:util";
import {checkSnapshot, formatCheckReport} from "../snapshot/check.ts";
import {requireCheckedSnapshot, SnapshotRefused} from "../snapshot/gate.ts";
import {SNAPSHOT_DIR} from "../lib/paths.ts";

let debug = process.argv.includes("--debug");
try {
  const {values} = parseArgs({options: {"snapshot": {type: "string"}, "accept-rows": {type: "string", multiple: true}, "gate": {type: "boolean", default: false}, "debug": {type: "boolean", default: false}}});
  debug = values.debug;
  const dir = values.snapshot ? resolve(values.snapshot) : SNAPSHOT_DIR;
  if (values.gate) {
    try {
      const {cached} = await requireCheckedSnapshot(dir);
      console.log(`check-data: the snapshot in ${dir} passes${cached ? " (this content passed before)" : ""}`);
    } catch (error) {
      if (!(error instanceof SnapshotRefused)) throw error;
      console.error(`check-data: ${error.message}`);
      process.exitCode = 1;
    }
    process.exit();
  }
  const result = await checkSnapshot(dir, {acceptRows: values["accept-rows"]});
  console.log(formatCheckReport(result));
  process.exitCode = result.errors.length ? 1 : 0;
} catch (error) {
  console.error(debug ? error : `check-data failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
