// The explore page's default view as CSV (area, type, month, measure, value, source), for readers without
// JavaScript; the browser makes the same file for any other view.
import {defaultCsv} from "../../loaders/explore/page.ts";

process.stdout.write(await defaultCsv());
