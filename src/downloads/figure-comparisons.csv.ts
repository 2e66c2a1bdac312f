// /downloads/figure-comparisons.csv — every published figure beside open data (loaders/figures/download.ts).
import {readFileSync} from "node:fs";
import {comparisonFiles} from "../../loaders/figures/download.ts";

process.stdout.write(readFileSync((await comparisonFiles()).csv));
