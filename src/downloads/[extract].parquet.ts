// /downloads/<extract>.parquet — an extract exactly as built from the snapshot (zstd).
import {readFileSync} from "node:fs";
import {parseArgs} from "node:util";
import {extractFile} from "../../loaders/extracts/build.ts";

const {values} = parseArgs({options: {extract: {type: "string"}}});
process.stdout.write(readFileSync(await extractFile(values.extract!, "parquet")));
