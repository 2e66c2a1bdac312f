// The code's layers, lowest first: a module may import from its own layer or a lower one, never a higher one, so no
// two folders import each other and a reader can find any line by its job (README, "Where things live").
import {readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {expect, test} from "vitest";
import {ROOT} from "../../loaders/lib/paths.ts";

/** Folder prefixes, lowest layer first; a folder in the same entry is the same layer. */
export const LAYERS: string[][] = [
  ["src/components"],
  ["loaders/lib"],
  ["loaders/sources"],
  ["loaders/snapshot"],
  ["loaders/geo"],
  ["loaders/extracts"],
  ["loaders/site"],
  ["loaders/charts"],
  ["loaders/forces"],
  ["loaders/figures"],
  ["loaders/stories"],
  ["loaders/areas"],
  ["loaders/pages"],
  ["loaders/cli", "src", "scripts", "bench", "tests", "observablehq.config.ts"]
];

function layerOf(file: string): number {
  // The longest matching prefix wins (src/components before src).
  let best = -1, length = -1;
  LAYERS.forEach((prefixes, i) => {
    for (const p of prefixes) if ((file === p || file.startsWith(`${p}/`)) && p.length > length) [best, length] = [i, p.length];
  });
  return best;
}

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (["node_modules", ".observablehq", "fixtures", "snapshots"].includes(name)) continue;
    if (statSync(join(ROOT, path)).isDirectory()) yield* sources(path);
    else if (/\.(ts|js|mjs)$/.test(name)) yield path;
  }
}

const IMPORT = /(?:\bimport|\bexport)\s[^"'`;]*?\bfrom\s*["'](\.[^"']+)["']|\bimport\s*\(\s*["'](\.[^"']+)["']\s*\)/g;

function upwardImports(): string[] {
  const files = [...sources("loaders"), ...sources("src"), ...sources("scripts"), ...sources("bench"), ...sources("tests"), "observablehq.config.ts"];
  const wrong: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    for (const m of readFileSync(join(ROOT, file), "utf8").matchAll(IMPORT)) {
      const target = relative(ROOT, resolve(ROOT, dirname(file), m[1] ?? m[2]));
      const to = layerOf(target);
      if (to > from) wrong.push(`${file} imports ${target} (layer ${LAYERS[to].join(", ")} is above ${LAYERS[from].join(", ")})`);
    }
  }
  return wrong;
}

test("no module imports from a layer above its own", () => {
  expect(upwardImports()).toEqual([]);
});

test("every loaders folder has a layer (a new folder must be placed in LAYERS and the README)", () => {
  const folders = readdirSync(join(ROOT, "loaders")).filter((f) => statSync(join(ROOT, "loaders", f)).isDirectory()).map((f) => `loaders/${f}`);
  expect(folders.filter((f) => layerOf(f) < 0)).toEqual([]);
});
