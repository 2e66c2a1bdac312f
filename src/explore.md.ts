// /explore: the explorer page (loaders/explore/page.ts).
import {explorePage} from "../loaders/explore/page.ts";

process.stdout.write(await explorePage());
