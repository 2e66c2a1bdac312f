// npm run extracts: builds every extract for the current snapshot and prints what it wrote. A snapshot check-data
// refuses is not built from (loaders/snapshot/gate.ts): the command says why and exits 1.
import {readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {ensureExtracts} from "../extracts/build.ts";
import {SnapshotRefused} from "../snapshot/gate.ts";

const start = performance.now();
try {
  const dir = await ensureExtracts();
  for (const f of readdirSync(dir).sort()) console.log(`${f.padEnd(36)} ${statSync(join(dir, f)).size.toLocaleString("en-GB").padStart(12)} bytes`);
  console.log(`extracts ready in ${dir} (${Math.round(performance.now() - start)} ms)`);
} catch (error) {
  if (!(error instanceof SnapshotRefused)) throw error;
  console.error(`extracts: ${error.message}`);
  process.exitCode = 1;
}
