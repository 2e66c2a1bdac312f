import {roadsPage} from "../../loaders/pages/roads.ts";

process.stdout.write(await roadsPage());
