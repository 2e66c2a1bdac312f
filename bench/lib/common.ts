// Shared bench helpers: run a contender as its own process and read its peak memory, medians, and the
// plain tables every bench prints (a baseline column and a ratio column).
import {spawn} from "node:child_process";
import {existsSync, mkdirSync, readdirSync, statSync} from "node:fs";
import {cpus, loadavg, totalmem} from "node:os";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BENCH_CACHE = join(ROOT, ".cache", "bench");
export const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";
export const GNU_TIME = "/usr/bin/time";
/** node with tsx's loader, one process (no tsx CLI wrapper), so the measured process is the contender. */
export const NODE_TS = [process.execPath, "--import", "tsx"];

export function ensureDir(dir: string): string {
  mkdirSync(dir, {recursive: true});
  return dir;
}

export interface ProcessResult {
  /** wall time of the whole process, ms (interpreter start-up included) */
  wallMs: number;
  /** peak resident set size of the process and its children, bytes (GNU time "Maximum resident set size") */
  peakRss: number;
  /** user + system CPU time, ms (GNU time): less sensitive than wall time to other load on a shared machine */
  cpuMs: number;
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs a command under /usr/bin/time -v, returns wall time and peak RSS; throws on a non-zero exit. */
export async function measureProcess(cmd: string[], options: {cwd?: string; env?: NodeJS.ProcessEnv; echo?: boolean} = {}): Promise<ProcessResult> {
  const useTime = existsSync(GNU_TIME);
  const argv = useTime ? [GNU_TIME, "-v", ...cmd] : cmd;
  const start = performance.now();
  const child = spawn(argv[0], argv.slice(1), {cwd: options.cwd ?? ROOT, env: {...process.env, ...options.env}, stdio: ["ignore", "pipe", "pipe"]});
  let stdout = "", stderr = "";
  child.stdout.on("data", (d: Buffer) => { stdout += d; if (options.echo) process.stdout.write(d); });
  child.stderr.on("data", (d: Buffer) => { stderr += d; });
  const code: number = await new Promise((resolve, reject) => { child.on("error", reject); child.on("close", (c) => resolve(c ?? -1)); });
  const wallMs = performance.now() - start;
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const peakRss = m ? Number(m[1]) * 1024 : NaN;
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr), system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  const cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : NaN;
  const ownStderr = useTime ? stderr.replace(/\n?\tCommand being timed:[\s\S]*$/, "") : stderr;
  if (code !== 0) throw new Error(`${cmd.join(" ")} exited ${code}\n${ownStderr.slice(-4000)}`);
  return {wallMs, peakRss, cpuMs, stdout, stderr: ownStderr, code};
}

/** The last line of stdout that parses as a JSON object (contenders print their own figures that way). */
export function lastJson<T>(stdout: string): T {
  const lines = stdout.trim().split("\n").reverse();
  for (const line of lines) {
    if (line.startsWith("{")) try { return JSON.parse(line) as T; } catch { /* keep looking */ }
  }
  throw new Error(`no JSON result in output:\n${stdout.slice(-2000)}`);
}

export function median(values: number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export const fmt = {
  ms: (ms: number) => !Number.isFinite(ms) ? "–" : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`,
  bytes: (b: number) => !Number.isFinite(b) ? "–" : b >= 1e9 ? `${(b / 1e9).toFixed(2)} GB` : b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : b >= 1e3 ? `${(b / 1e3).toFixed(1)} kB` : `${b} B`,
  int: (n: number) => !Number.isFinite(n) ? "–" : Math.round(n).toLocaleString("en-GB"),
  rate: (perSecond: number) => !Number.isFinite(perSecond) ? "–" : perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${Math.round(perSecond / 1e3)} k/s`,
  /** value / baseline as "0.42×" */
  ratio: (value: number, baseline: number) => !Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0 ? "–" : `${(value / baseline).toFixed(value / baseline >= 10 ? 1 : 2)}×`
};

/** A plain, aligned text table (first column left-aligned, the rest right-aligned). */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => i === 0 ? (c ?? "").padEnd(widths[i]) : (c ?? "").padStart(widths[i])).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function heading(title: string): void {
  console.log(`\n== ${title} ==`);
}

export function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; load average at start ${loadavg()[0].toFixed(2)}`;
}

/** Total size of a directory tree in bytes, and the bytes of files matching `match`. */
export function dirSize(dir: string, match?: (path: string) => boolean): {total: number; matched: number; files: number} {
  let total = 0, matched = 0, files = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else {
        total += s.size;
        files++;
        if (match?.(p)) matched += s.size;
      }
    }
  };
  walk(dir);
  return {total, matched, files};
}

/** `--name value` or `--name=value` from argv. */
export function argValue(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = argv[i];
  return a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[i + 1];
}

export function hasFlag(argv: string[], name: string): boolean {
  return argv.includes(`--${name}`);
}

/**
 * The checkout is shared: other builds may be running. Waits (up to maxMs) until the 1-minute load average is
 * below `below`, then returns the load seen, which benches print next to their figures.
 */
export async function waitForQuiet(maxMs = 90_000, below = 1.0): Promise<string> {
  const start = performance.now();
  while (loadavg()[0] >= below && performance.now() - start < maxMs) await new Promise((r) => setTimeout(r, 5000));
  const waited = Math.round((performance.now() - start) / 1000);
  return `load average ${loadavg()[0].toFixed(2)}${waited >= 5 ? ` (after waiting ${waited} s for a quieter machine)` : ""}`;
}
