// npm run bench [-- --scale small|full] [--runs N] [--skip real,synthetic,variants,incremental] [--only pipeline,browser,build,first-chart,explore]
// Runs every benchmark in sequence and prints their tables. The build bench builds a temporary copy of the
// working tree; the first-chart and explore benches then measure that fresh build (the shared dist/ is not touched).
import {rmSync} from "node:fs";
import {join} from "node:path";
import {runBrowserDataPathBench} from "./browser-data-path.ts";
import {runBuildBench} from "./build.ts";
import {runExploreBench} from "./explore.ts";
import {runFirstChartBench} from "./first-chart.ts";
import {argValue, hasFlag, machine} from "./lib/common.ts";
import {runPipelineBench} from "./pipeline.ts";

const argv = process.argv.slice(2);
const only = new Set((argValue(argv, "only") ?? "pipeline,browser,build,first-chart,explore").split(","));
const started = performance.now();
console.log(`npm run bench ${argv.join(" ")}\n${machine()}`);
const section = (name: string) => console.log(`\n######## ${name} ########`);

if (only.has("pipeline")) {
  section("pipeline (bench/pipeline.ts)");
  await runPipelineBench(argv);
}
if (only.has("browser")) {
  section("browser data path (bench/browser-data-path.ts)");
  await runBrowserDataPathBench(argv);
}
let built: {dir: string; inPlace: boolean} | undefined;
try {
  if (only.has("build")) {
    section("build (bench/build.ts)");
    built = await runBuildBench([...argv, "--keep"]);
  }
  if (only.has("first-chart")) {
    section("first chart (bench/first-chart.ts)");
    await runFirstChartBench(built && !argValue(argv, "dist") ? [...argv, "--dist", join(built.dir, "dist")] : argv);
  }
  if (only.has("explore")) {
    section("explore page (bench/explore.ts)");
    await runExploreBench(built && !argValue(argv, "dist") ? [...argv, "--dist", join(built.dir, "dist")] : argv);
  }
} finally {
  if (built && !built.inPlace && !hasFlag(argv, "keep")) rmSync(built.dir, {recursive: true, force: true});
}
console.log(`\nall benches done in ${((performance.now() - started) / 60_000).toFixed(1)} min`);
