// Framework reuses a loader's cached output whenever it exists, even if the snapshot or the code changed.
// Our own caches (.cache/extracts, .cache/charts) are keyed by content, so re-running loaders is cheap:
// clear Framework's loader outputs before every build and preview, keeping only the npm bundles.
import {readdirSync, rmSync} from "node:fs";
import {join} from "node:path";

const cache = join("src", ".observablehq", "cache");
const KEEP = new Set(["_npm", "_node"]);
try {
  for (const name of readdirSync(cache)) if (!KEEP.has(name)) rmSync(join(cache, name), {recursive: true, force: true});
} catch (error) {
  if (error.code !== "ENOENT") throw error;
}
