// The source files a module depends on, by following its relative imports: so a cache keyed by them is
// invalidated by a change to any code that computes what is cached, with no hand-kept list of folders.
import {existsSync, readFileSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {ROOT} from "./paths.ts";

const IMPORT = /(?:\bimport|\bexport)\s[^"'`;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|\bimport\s*["']([^"']+)["']/g;

/** The file an import specifier names: the browser-side code imports "./x.js" for x.ts. */
function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null; // a package: its version is in package-lock.json
  const target = resolve(dirname(from), specifier);
  for (const candidate of [target, target.replace(/\.js$/, ".ts")]) if (existsSync(candidate)) return candidate;
  throw new Error(`${relative(ROOT, from)}: cannot find the module it imports, ${specifier}`);
}

/** Every source file reachable from `entries` through relative imports (the entries included), sorted, relative to the root. */
export function moduleGraph(entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map((e) => resolve(ROOT, e));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const next = resolveSpecifier(file, m[1] ?? m[2] ?? m[3]);
      if (next && !seen.has(next)) queue.push(next);
    }
  }
  return [...seen].map((f) => relative(ROOT, f)).sort();
}

/** The modules' contents, in a stable order, for hashing. */
export function moduleGraphBytes(entries: string[]): Buffer {
  return Buffer.concat(moduleGraph(entries).flatMap((f) => [Buffer.from(`${f}\0`), readFileSync(join(ROOT, f))]));
}
