// /figures: every published figure beside what open data shows (loaders/pages/figures.ts).
import {figuresPage} from "../loaders/pages/figures.ts";

process.stdout.write(await figuresPage());
