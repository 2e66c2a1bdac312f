// /areas/<slug>: Framework runs this page loader once per area, passing the slug as --area=<slug>.
import {parseArgs} from "node:util";
import {areaPage} from "../../loaders/areas/page.ts";

const {values} = parseArgs({options: {area: {type: "string"}}});
if (!values.area) throw new Error("missing --area=<slug>");
process.stdout.write(await areaPage(values.area));
