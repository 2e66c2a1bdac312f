// npm run check-data [-- --snapshot DIR] [--debug]: validates the snapshot and prints what it holds.
import {resolve} from "node:path";
import {parseArgs} from "node:util";
import {checkSnapshot, formatCheckReport} from "../snapshot/check.ts";
import {SNAPSHOT_DIR} from "../lib/paths.ts";

const {values} = parseArgs({options: {snapshot: {type: "string"}, debug: {type: "boolean", default: false}}});
try {
  const result = await checkSnapshot(values.snapshot ? resolve(values.snapshot) : SNAPSHOT_DIR);
  console.log(formatCheckReport(result));
  process.exitCode = result.errors.length ? 1 : 0;
} catch (error) {
  console.error(values.debug ? error : `check-data failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
