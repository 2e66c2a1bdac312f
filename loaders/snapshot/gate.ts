// The one validation gate: the build, `npm run dev` and `npm run extracts` use a snapshot only once check-data has
// passed on exactly the content on disk. A pass is remembered by the content's hash (and the checking code's), so
// the dozens of loader processes of a build check once; any change to a file, even one the manifest does not
// know of, is checked again before anything is built from it.
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {sha256, snapshotContentKey} from "../lib/manifest.ts";
import {CHECKED_CACHE_DIR, ROOT, SNAPSHOT_DIR} from "../lib/paths.ts";
import {checkSnapshot, formatCheckReport, type CheckResult} from "./check.ts";

/** A snapshot check-data refuses: the build stops and says why. */
export class SnapshotRefused extends Error {
  constructor(readonly result: CheckResult) {
    const shown = result.errors.slice(0, 20);
    super(`the snapshot in ${result.dir} fails check-data (${result.errors.length} error${result.errors.length === 1 ? "" : "s"}), so nothing is built from it:\n  ${shown.join("\n  ")}${result.errors.length > shown.length ? `\n  … and ${result.errors.length - shown.length} more (npm run check-data lists them all)` : ""}\nFix the files or pull them again (npm run pull), then check with npm run check-data.`);
    this.name = "SnapshotRefused";
  }
}

/** The code that decides what passes: a new rule means a new check. */
function checkingCodeHash(): string {
  const dirs = ["loaders/snapshot", "loaders/sources", "loaders/lib"];
  return sha256(Buffer.concat(dirs.flatMap((d) => readdirSync(join(ROOT, d)).filter((f) => f.endsWith(".ts")).sort().map((f) => readFileSync(join(ROOT, d, f)))))).slice(0, 12);
}

/** Resolves with the content key when check-data passes on `dir`; throws SnapshotRefused when it does not. */
export async function requireCheckedSnapshot(dir = SNAPSHOT_DIR): Promise<{key: string; cached: boolean; result: CheckResult | null}> {
  const key = `${snapshotContentKey(dir)}-${checkingCodeHash()}`;
  const stamp = join(CHECKED_CACHE_DIR, key);
  if (existsSync(stamp)) return {key, cached: true, result: null};
  const result = await checkSnapshot(dir);
  if (result.errors.length) throw new SnapshotRefused(result);
  mkdirSync(CHECKED_CACHE_DIR, {recursive: true});
  writeFileSync(stamp, formatCheckReport(result) + "\n");
  return {key, cached: false, result};
}
