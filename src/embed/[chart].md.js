// /embed/<id>: a chart's embed page, written before the build (loaders/pages/site-files.ts). Plain JavaScript that
// only copies the file, because Framework runs a page loader once per chart and a TypeScript start-up each time
// would add a minute to the build.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";

const {values} = parseArgs({options: {chart: {type: "string"}}});
if (!values.chart || !/^[a-z0-9-]+$/.test(values.chart)) throw new Error(`not a chart id: ${values.chart}`);
const root = join(import.meta.dirname, "..", "..");
const {dir} = JSON.parse(readFileSync(join(root, ".cache", "site-files", "current.json"), "utf8"));
process.stdout.write(readFileSync(join(root, dir, "embed", `${values.chart}.md`)));
