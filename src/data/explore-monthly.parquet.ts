// Records by month, area and crime type, for the explore page's filters (decoded in the browser with hyparquet;
// no database engine needed). See loaders/explore/rows.ts.
import {exploreParquet} from "../../loaders/explore/rows.ts";

process.stdout.write(await exploreParquet());
