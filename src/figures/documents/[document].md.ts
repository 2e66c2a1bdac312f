// /figures/documents/<name>: each published document's text as a page (loaders/pages/figure-documents.ts).
// Framework runs this page loader once per document, passing --document=<name>.
import {parseArgs} from "node:util";
import {documentPage} from "../../../loaders/pages/figure-documents.ts";

const {values} = parseArgs({options: {document: {type: "string"}}});
if (!values.document) throw new Error("missing --document=<name>");
process.stdout.write(documentPage(values.document));
