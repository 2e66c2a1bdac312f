// Chromium as tests/e2e/lib/site.ts launches it (Debian's /usr/bin/chromium, same flags), plus a resolver rule so
// no host but 127.0.0.1 even resolves; and a Site (server + browser) for any directory, not just ./dist.
import {chromium, type Browser} from "playwright-core";
import {serveDist} from "../../scripts/static-server.ts";
import {CHROMIUM, type Site} from "../../tests/e2e/lib/site.ts";

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({executablePath: CHROMIUM, args: CHROMIUM_ARGS});
}

/** Serves `dir` with scripts/static-server.ts and opens Chromium: the same shape as startSite() for ./dist. */
export async function siteFor(dir: string): Promise<Site> {
  const server = await serveDist({dir});
  const browser = await launchChromium();
  return {url: server.url, browser, async close() {
    await browser.close();
    await server.close();
  }};
}
