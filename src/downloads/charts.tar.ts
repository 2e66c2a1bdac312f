// /downloads/charts/<id>.csv, .svg and .json for every chart, from the files written before the build
// (loaders/pages/site-files.ts): one archive, which Framework unpacks to each file's own address.
import {join} from "node:path";
import {ROOT} from "../../loaders/lib/paths.ts";
import {readSiteFilesIndex} from "../../loaders/pages/site-files.ts";
import {writeTar} from "../../loaders/site/tar-folder.ts";

await writeTar(join(ROOT, readSiteFilesIndex().dir, "charts"));
