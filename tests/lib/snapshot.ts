// Committed snapshots (as Observable Plot's tests keep them): `actual` must equal the file. On a mismatch the new
// output is written beside the old (<name>.new.<ext>) for review; UPDATE_SNAPSHOTS=1 accepts it, or writes a new
// snapshot's first version. Returns whether it matched, so the caller's expect() names what differs.
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {dirname, extname} from "node:path";

export function matchesSnapshot(file: string, actual: string): {matches: boolean; fresh: string} {
  const fresh = file.slice(0, -extname(file).length) + ".new" + extname(file);
  if (process.env.UPDATE_SNAPSHOTS) {
    mkdirSync(dirname(file), {recursive: true});
    writeFileSync(file, actual);
    rmSync(fresh, {force: true});
    return {matches: true, fresh};
  }
  const matches = existsSync(file) && readFileSync(file, "utf8") === actual;
  if (matches) rmSync(fresh, {force: true});
  else writeFileSync(fresh, actual);
  return {matches, fresh};
}
