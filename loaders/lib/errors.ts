// One error type for bad input, so every message names the file, the line, the field and what was expected.

export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    readonly expected: string,
    readonly found?: string
  ) {
    const where = [file, line != null ? `line ${line}` : null, field ? `field "${field}"` : null].filter(Boolean).join(", ");
    super(`${where}: expected ${expected}${found !== undefined ? `, found ${JSON.stringify(truncate(found))}` : ""}`);
    this.name = "DataError";
  }
}

/** A failure of the network or the server (after retries), named by URL. */
export class FetchError extends Error {
  constructor(readonly url: string, readonly reason: string, readonly status?: number) {
    super(`${url}: ${reason}`);
    this.name = "FetchError";
  }
}

function truncate(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + "..." : s;
}
