// npm run extracts: builds every extract for the current snapshot and prints what it wrote.
import {ensureExtracts} from "../extracts/build.ts";
import {readdirSync, statSync} from "node:fs";
import {join} from "node:path";

const start = performance.now();
const dir = await ensureExtracts();
for (const f of readdirSync(dir).sort()) console.log(`${f.padEnd(36)} ${statSync(join(dir, f)).size.toLocaleString("en-GB").padStart(12)} bytes`);
console.log(`extracts ready in ${dir} (${Math.round(performance.now() - start)} ms)`);
