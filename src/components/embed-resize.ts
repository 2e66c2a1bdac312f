// The integrity hash of /embed/resize.js (loaders/site/chart-files.ts EMBED_RESIZE_SCRIPT, written by
// scripts/postbuild.ts), which the embed code offers with integrity="…" so a page that pastes it runs exactly this
// script or none. A constant, as the embed code is also written in the browser; the build refuses a resize.js that
// does not match it.
export const EMBED_RESIZE_INTEGRITY = "sha384-oYeZBBgSBnACgZvdmkJVDA4cEd/7rIN1DRCTmQuNHtYv4nrYIhbET2JeLbnyuQG/";
