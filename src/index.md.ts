import {homePage} from "../loaders/pages/home.ts";

process.stdout.write(await homePage());
