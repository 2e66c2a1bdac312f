// /search: the site search page (loaders/pages/search.ts); its index is written after the build (scripts/postbuild.ts).
import {searchPage} from "../loaders/pages/search.ts";

process.stdout.write(searchPage());
