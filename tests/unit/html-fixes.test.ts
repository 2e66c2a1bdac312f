// The security headers written into every page after the build, and the embed script's integrity hash.
import {createHash} from "node:crypto";
import {describe, expect, it} from "vitest";
import {EMBED_RESIZE_SCRIPT} from "../../loaders/site/chart-files.ts";
import {addSecurityPolicy, inlineScriptHashes, securityPolicy, subresourceIntegrity} from "../../scripts/html-fixes.ts";
import {EMBED_RESIZE_INTEGRITY} from "../../src/components/embed-resize.ts";
import {embedCode} from "../../src/components/chart.ts";

const PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<script>window.a = 1;</script>
<script type="module">import "./x.js";</script>
<script type="application/json">{"not": "run"}</script>
<script src="/y.js"></script>
</head><body><script>window.a = 1;</script></body></html>`;
const sha = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;

describe("Content-Security-Policy", () => {
  it("hashes each distinct inline script a browser runs, and nothing else", () => {
    expect(inlineScriptHashes(PAGE)).toEqual([sha("window.a = 1;"), sha('import "./x.js";')].sort());
  });

  it("allows only the site's own origin, with WebAssembly and blob workers only where DuckDB runs", () => {
    const policy = securityPolicy(PAGE);
    expect(policy).toBe(`default-src 'self'; script-src 'self' ${inlineScriptHashes(PAGE).join(" ")}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'`);
    expect(securityPolicy(PAGE + "<!-- duckdb -->")).toContain("'wasm-unsafe-eval'");
    expect(securityPolicy(PAGE + "<!-- duckdb -->")).toContain("worker-src 'self' blob:");
  });

  it("goes first in the head with the Referrer-Policy, once however often it is applied", () => {
    const once = addSecurityPolicy(PAGE);
    expect(addSecurityPolicy(once)).toBe(once);
    const head = once.split("\n");
    expect(head[3]).toBe("<meta charset=\"utf-8\">");
    expect(head[4]).toMatch(/^<meta http-equiv="Content-Security-Policy" content="default-src 'self'; /);
    expect(head[5]).toBe('<meta name="referrer" content="same-origin">');
  });
});

describe("the embed script's integrity", () => {
  it("matches resize.js as the build writes it", () => {
    expect(subresourceIntegrity(EMBED_RESIZE_SCRIPT + "\n")).toBe(EMBED_RESIZE_INTEGRITY);
  });

  it("is in the embed code, with crossorigin so another site's page can check it", () => {
    const code = embedCode({id: "roads-severity", title: "Collisions"}, "https://example.org");
    expect(code).toContain(`<script src="https://example.org/embed/resize.js" integrity="${EMBED_RESIZE_INTEGRITY}" crossorigin="anonymous" async></script>`);
  });
});
