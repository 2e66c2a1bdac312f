import {forcesPage} from "../loaders/forces/page.ts";

process.stdout.write(await forcesPage());
