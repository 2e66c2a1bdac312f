// Framework serves `npm:` imports from its own copy of the package (scripts/prepare-npm-cache.mjs); for the type
// checker they are the package itself.
declare module "npm:@duckdb/duckdb-wasm" {
  export * from "@duckdb/duckdb-wasm";
}
