import {dataPage} from "../loaders/pages/data.ts";

process.stdout.write(await dataPage());
