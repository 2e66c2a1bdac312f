// /stories/<slug> and /stories/<slug>-continued: every story's two pages, from the story registry
// (loaders/stories/registry.ts). Framework runs this page loader once per path, passing --story=<slug>.
// One route serves both parts: a second file named [story]-continued.md.ts would match the same addresses.
import {parseArgs} from "node:util";
import {storyPage} from "../../loaders/stories/page.ts";

const {values} = parseArgs({options: {story: {type: "string"}}});
if (!values.story) throw new Error("missing --story=<slug>");
process.stdout.write(await storyPage(values.story));
