// Every built page is valid HTML: the W3C Nu HTML checker (vnu-jar, pinned in package.json) finds no error in
// dist/. It runs on Java; without one this test fails and says what to install (.ci/run installs it on CI).
// Its CSS grammar predates container queries, so its messages about those (and nothing else) are set aside.
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {createRequire} from "node:module";
import {join} from "node:path";
import {expect, test} from "vitest";
import {ROOT} from "../../loaders/lib/paths.ts";

const require = createRequire(import.meta.url);
const DIST = join(ROOT, process.env.SITE_DIST ?? "dist");
const JAVA = process.env.JAVA ?? (existsSync("/usr/bin/java") ? "/usr/bin/java" : "java");

/** What the checker says about CSS it does not know yet (container queries, CSS Containment 3), not errors. */
export const CONTAINER_QUERY_CSS = [/^CSS: Unrecognized at-rule “@container”/, /^CSS: “container(-type|-name)?”: Property “container(-type|-name)?” doesn't exist/];

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** The checker's errors on every .html file under dir, less those about container queries. */
export function htmlErrors(dir: string): VnuMessage[] {
  const version = spawnSync(JAVA, ["-version"], {encoding: "utf8"});
  if (version.error || version.status !== 0) {
    throw new Error(`Java is needed to run the W3C Nu HTML checker (vnu.jar) and was not found at ${JAVA}: install a Java runtime (JRE 11 or later), `
      + "e.g. `apt-get install default-jre-headless` on Debian, or set JAVA to its path");
  }
  const jar = require.resolve("vnu-jar/build/dist/vnu.jar");
  const run = spawnSync(JAVA, ["-Xss2m", "-jar", jar, "--format", "json", "--skip-non-html", "--errors-only", dir], {encoding: "utf8", maxBuffer: 64 * 1024 * 1024});
  if (run.error) throw run.error;
  // The checker writes its JSON report to stderr, and exits 1 when it found errors.
  const report = JSON.parse(run.stderr) as {messages: VnuMessage[]};
  return report.messages.filter((m) => m.type === "error" || m.subType === "fatal" || m.type === "non-document-error")
    .filter((m) => !CONTAINER_QUERY_CSS.some((r) => r.test(m.message)));
}

test("every built page passes the W3C Nu HTML checker with no error", () => {
  expect(existsSync(join(DIST, "index.html")), `no built site in ${DIST}: run npm run build first`).toBe(true);
  const errors = htmlErrors(DIST).map((m) => `${m.url.replace(`file:${DIST}`, "")}:${m.lastLine ?? "?"}: ${m.message}${m.extract ? ` [${m.extract.trim().slice(0, 120)}]` : ""}`);
  expect(errors).toEqual([]);
}, 600_000);
