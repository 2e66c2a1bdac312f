import {storiesIndexPage} from "../../loaders/stories/index-page.ts";

process.stdout.write(storiesIndexPage());
