// /downloads/figure-comparisons.parquet — the same as the CSV, as Parquet (zstd).
import {readFileSync} from "node:fs";
import {comparisonFiles} from "../../loaders/figures/download.ts";

process.stdout.write(readFileSync((await comparisonFiles()).parquet));
