// A folder as a tar archive on stdout, for a Framework archive loader: Framework then publishes each member at
// its own address (src/downloads/charts.tar.ts → /downloads/charts/<file>). Members in name order, with no dates
// or owners, so the same folder always gives the same bytes.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {pack} from "tar-stream";

export async function writeTar(dir: string, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const archive = pack();
  const done = new Promise<void>((resolve, reject) => {
    archive.on("error", reject);
    out.on("error", reject);
    archive.on("end", resolve);
  });
  archive.pipe(out);
  for (const name of readdirSync(dir).sort()) {
    await new Promise<void>((resolve, reject) => archive.entry({name, mtime: new Date(0), mode: 0o644}, readFileSync(join(dir, name)), (e) => (e ? reject(e) : resolve())));
  }
  archive.finalize();
  await done;
}
