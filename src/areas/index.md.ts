import {areasIndexPage} from "../../loaders/areas/index-page.ts";

process.stdout.write(await areasIndexPage());
