import {areasIndexPage} from "../../loaders/pages/areas-index.ts";

process.stdout.write(await areasIndexPage());
