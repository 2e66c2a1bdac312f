import {roadsContinuedPage} from "../../loaders/pages/roads.ts";

process.stdout.write(await roadsContinuedPage());
