// HTTP for `npm run pull`: global fetch with an idle timeout and an overall deadline, redirects followed only
// within the origin asked (or to hosts allowed by name), retries of 429/5xx/network failures with exponential
// backoff (honouring Retry-After), a token-bucket rate limit, progress on stderr, and a FetchError that names
// the URL and what went wrong once retries are exhausted. Every knob is an option so tests run in milliseconds.
import {createWriteStream} from "node:fs";
import {DataError, FetchError} from "./errors.ts";

export interface HttpOptions {
  /** Abort when no response headers, or no further body bytes, arrive for this long (the idle timeout). */
  timeoutMs: number;
  /** The longest one request may take in all, retries and waits included: a body trickling in never ends otherwise. */
  deadlineMs: number;
  /** Hosts (host or host:port) a redirect may lead to besides the origin asked; others are refused, not followed. */
  allowRedirectHosts: string[];
  /** Extra attempts after the first, for 429, 5xx, timeouts and dropped connections. */
  retries: number;
  /** First wait before a retry; doubles on each further retry. */
  backoffMs: number;
  /** Cap on any single wait, Retry-After included. */
  maxBackoffMs: number;
  limiter: TokenBucket | null;
  /** Receives progress lines; null for silence. */
  progress: ((line: string) => void) | null;
  userAgent: string;
}

export const DEFAULT_HTTP: HttpOptions = {
  timeoutMs: 60_000,
  deadlineMs: 3 * 60 * 60_000, // a multi-GB data.police.uk archive on a slow line
  allowRedirectHosts: [],
  retries: 4,
  backoffMs: 1_000,
  maxBackoffMs: 60_000,
  limiter: null,
  progress: (line) => process.stderr.write(line + "\n"),
  userAgent: "staffordshire-community-safety data pull (Node.js fetch)"
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Redirects followed at most, per request. */
const MAX_REDIRECTS = 5;

/** Allows `perSecond` requests a second on average and `burst` at once (data.police.uk: 15/s, burst 30). */
export class TokenBucket {
  private tokens: number;
  private last = Date.now();
  private queue: Promise<void> = Promise.resolve();
  constructor(readonly perSecond: number, readonly burst: number) {
    this.tokens = burst;
  }
  /** Resolves when a request may start; callers are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.wait());
    this.queue = turn;
    return turn;
  }
  private async wait(): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
    }
  }
}

/** An error that says "try again": a retryable HTTP status, a timeout or a dropped connection. */
class Transient extends Error {
  constructor(readonly reason: string, readonly status?: number, readonly waitMs?: number) {
    super(reason);
  }
}

/** A body that is not what was asked for (an HTML error page instead of a zip, say): not retried. */
export function garbage(url: string, expected: string, body: Uint8Array): FetchError {
  return new FetchError(url, `garbage body: expected ${expected}, found ${describeBody(body)}`);
}

export function describeBody(body: Uint8Array): string {
  const head = Buffer.from(body.subarray(0, 200)).toString("utf8").trimStart();
  if (head === "") return "an empty body";
  if (/^<(!doctype html|html|head|body|\?xml)/i.test(head)) return `an HTML/XML page (${JSON.stringify(head.slice(0, 40))}…)`;
  return JSON.stringify(head.slice(0, 40) + (head.length > 40 ? "…" : ""));
}

function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export type Consume<T> = (response: Response, touch: () => void) => Promise<T>;

/**
 * One request with retries. `consume` reads the body of a 2xx response; calling `touch` restarts the idle
 * timer (downloads call it on every chunk). Errors thrown by `consume` are final unless the connection failed.
 */
export async function request<T>(url: string, options: HttpOptions, consume: Consume<T>, method: "GET" | "HEAD" = "GET"): Promise<T> {
  const deadline = Date.now() + options.deadlineMs;
  let last: Transient | null = null;
  const pastDeadline = () => new FetchError(url, `no complete answer within the ${options.deadlineMs} ms deadline${last ? ` (last attempt: ${last.reason})` : ""}`);
  for (let attempt = 0; attempt <= options.retries; ++attempt) {
    if (last) {
      const backoff = Math.min(options.maxBackoffMs, options.backoffMs * 2 ** (attempt - 1));
      const wait = Math.min(options.maxBackoffMs, last.waitMs ?? backoff);
      if (Date.now() + wait >= deadline) throw pastDeadline();
      options.progress?.(`${url}: ${last.reason}; retry ${attempt} of ${options.retries} in ${Math.round(wait)} ms`);
      await sleep(wait);
    }
    await options.limiter?.take();
    const controller = new AbortController();
    let timedOut = false, overDeadline = false;
    let timer: NodeJS.Timeout | undefined;
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, options.timeoutMs);
    };
    const deadlineTimer = setTimeout(() => {
      overDeadline = true;
      controller.abort();
    }, Math.max(0, deadline - Date.now()));
    touch();
    try {
      const response = await fetchFollowingRedirects(url, options, method, controller.signal);
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        const reason = `HTTP ${response.status}${response.statusText ? " " + response.statusText : ""}`;
        if (response.status === 429 || response.status >= 500) throw new Transient(reason, response.status, retryAfterMs(response.headers.get("retry-after")));
        throw new FetchError(url, reason, response.status);
      }
      return await consume(response, touch);
    } catch (error) {
      if (overDeadline) throw pastDeadline();
      if (error instanceof FetchError || error instanceof DataError) throw error;
      if (error instanceof Transient) last = error;
      else if (timedOut) last = new Transient(`timed out (nothing received for ${options.timeoutMs} ms)`);
      else if (isFileSystemError(error)) throw error;
      else last = new Transient(`network error: ${describeError(error)}`);
    } finally {
      clearTimeout(timer);
      clearTimeout(deadlineTimer);
      controller.abort(); // releases the socket if consume stopped early
    }
  }
  const attempts = options.retries + 1;
  throw new FetchError(url, `${last!.reason} (gave up after ${attempts} attempt${attempts === 1 ? "" : "s"})`, last!.status);
}

/**
 * fetch, following redirects by hand: within the origin asked for, or to a host in allowRedirectHosts. A redirect
 * elsewhere is refused with a FetchError naming both addresses (a mirror that sends us to an unknown host is not
 * followed silently).
 */
async function fetchFollowingRedirects(url: string, options: HttpOptions, method: "GET" | "HEAD", signal: AbortSignal): Promise<Response> {
  const origin = new URL(url).origin;
  let current = url;
  for (let hop = 0; ; ++hop) {
    const response = await fetch(current, {method, signal, redirect: "manual", headers: {"user-agent": options.userAgent}});
    const location = response.headers.get("location");
    if (![301, 302, 303, 307, 308].includes(response.status) || location === null) return response;
    await response.body?.cancel().catch(() => {});
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new FetchError(url, `redirected to ${JSON.stringify(location)}, which is not an address`, response.status);
    }
    if (!["http:", "https:"].includes(next.protocol)) throw new FetchError(url, `redirected to ${next.href}: only http and https are followed`, response.status);
    if (next.origin !== origin && !options.allowRedirectHosts.includes(next.host)) {
      throw new FetchError(url, `redirected to another host (${next.href}); not followed (allow it with --allow-redirect ${next.host})`, response.status);
    }
    if (hop >= MAX_REDIRECTS) throw new FetchError(url, `more than ${MAX_REDIRECTS} redirects (last to ${next.href})`, response.status);
    current = next.href;
  }
}

function isFileSystemError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code) && !["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"].includes(code);
}

function describeError(error: unknown): string {
  const e = error as Error & {cause?: Error & {code?: string}};
  const cause = e?.cause ? `${e.cause.code ?? ""} ${e.cause.message ?? ""}`.trim() : "";
  return [e?.message ?? String(error), cause].filter(Boolean).join(": ");
}

/** Reads a body chunk by chunk, restarting the idle timer and reporting progress. */
async function* chunks(url: string, response: Response, touch: () => void, options: HttpOptions): AsyncGenerator<Uint8Array> {
  if (!response.body) return;
  const total = Number(response.headers.get("content-length")) || null;
  const progress = progressReporter(url, total, options.progress);
  let received = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    touch();
    received += chunk.length;
    progress(received, false);
    yield chunk;
  }
  progress(received, true);
}

function progressReporter(url: string, total: number | null, out: HttpOptions["progress"]): (received: number, done: boolean) => void {
  let lastAt = 0;
  return (received, done) => {
    if (!out || received < 1 << 20) return; // small bodies (API pages) are not worth a line
    const now = Date.now();
    if (!done && now - lastAt < 1000) return; // at most one line a second
    lastAt = now;
    const pct = total ? ` (${Math.floor((100 * received) / total)}%)` : "";
    out(`${done ? "got" : "GET"} ${url}: ${formatBytes(received)}${total ? " / " + formatBytes(total) : ""}${pct}`);
  };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1 << 20) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1 << 30) return `${(n / (1 << 20)).toFixed(1)} MB`;
  return `${(n / (1 << 30)).toFixed(2)} GB`;
}

/** A small body in memory (API JSON, a page of ArcGIS features, a Nomis CSV). */
export function fetchBytes(url: string, options: HttpOptions): Promise<Buffer> {
  return request(url, options, async (response, touch) => {
    const parts: Uint8Array[] = [];
    for await (const chunk of chunks(url, response, touch, options)) parts.push(chunk);
    return Buffer.concat(parts);
  });
}

/** JSON, or a FetchError saying what came instead. */
export async function fetchJson(url: string, options: HttpOptions): Promise<unknown> {
  const body = await fetchBytes(url, options);
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw garbage(url, "JSON", body);
  }
}

/** True for 2xx, false for 404 (or 403, which S3-style hosts give for missing keys); anything else throws. */
export async function exists(url: string, options: HttpOptions): Promise<boolean> {
  try {
    return await request(url, options, async () => true, "HEAD");
  } catch (error) {
    if (error instanceof FetchError && (error.status === 404 || error.status === 403)) return false;
    throw error;
  }
}

export type BodyKind = "zip" | "csv";

/** Streams a (possibly huge) body to a file on disk, never holding it in memory; checks it looks like `kind`. */
export function downloadToFile(url: string, dest: string, kind: BodyKind, options: HttpOptions): Promise<number> {
  return request(url, options, async (response, touch) => {
    const out = createWriteStream(dest);
    const closed = new Promise<void>((resolve, reject) => {
      out.on("finish", resolve);
      out.on("error", reject);
    });
    let head = Buffer.alloc(0);
    let bytes = 0;
    try {
      for await (const chunk of chunks(url, response, touch, options)) {
        if (head.length < 512) head = Buffer.concat([head, chunk]).subarray(0, 512);
        bytes += chunk.length;
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", resolve));
      }
    } finally {
      out.end();
      await closed;
    }
    checkBody(url, kind, head);
    return bytes;
  });
}

function checkBody(url: string, kind: BodyKind, head: Buffer): void {
  if (kind === "zip") {
    // Local file header, or the end record of an empty archive.
    const magic = head.subarray(0, 4).toString("hex");
    if (magic !== "504b0304" && magic !== "504b0506") throw garbage(url, "a zip archive", head);
  } else if (head.length === 0 || /^\s*</.test(head.toString("utf8"))) {
    throw garbage(url, "CSV text", head);
  }
}

/** `https://data.police.uk/x?y` with base `http://127.0.0.1:8080` → `http://127.0.0.1:8080/x?y` (paths unchanged). */
export function rebase(url: string, baseUrl: string | undefined): string {
  if (!baseUrl) return url;
  const u = new URL(url);
  const b = new URL(baseUrl);
  return `${b.origin}${b.pathname.replace(/\/$/, "")}${u.pathname}${u.search}`;
}
