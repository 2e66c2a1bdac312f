// Before Framework builds (npm run build, npm run dev): write the chart files, embed pages and area downloads that
// Framework then publishes as routes (see loaders/pages/site-files.ts).
import {prepareSiteFiles} from "../loaders/pages/site-files.ts";

const index = await prepareSiteFiles();
console.log(`site files: ${index.charts.length} charts (CSV, SVG, JSON, embed page) and ${index.areaFiles.length} area downloads in ${index.dir}`);
