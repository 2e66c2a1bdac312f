import {aboutPage} from "../loaders/pages/about.ts";

process.stdout.write(aboutPage());
