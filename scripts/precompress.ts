// Writes a .gz beside every compressible file in the build, as a static host's "gzip_static" expects;
// scripts/static-server.ts serves them to browsers that accept gzip. Level 9, no timestamp:
// the same input gives the same bytes.
import {readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {extname, join} from "node:path";
import {gzipSync} from "node:zlib";

const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".csv", ".svg", ".wasm", ".arrow", ".txt", ".map"]);

export function precompress(dir: string): {files: number; bytes: number; gzipBytes: number} {
  const totals = {files: 0, bytes: 0, gzipBytes: 0};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (COMPRESSIBLE.has(extname(name)) && stat.size >= 1024) {
        const gz = gzipSync(readFileSync(path), {level: 9});
        if (gz.length < stat.size * 0.9) {
          writeFileSync(`${path}.gz`, gz);
          totals.files += 1;
          totals.bytes += stat.size;
          totals.gzipBytes += gz.length;
        }
      }
    }
  };
  walk(dir);
  return totals;
}
