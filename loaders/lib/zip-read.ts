// Reading members of a zip archive on disk with yauzl (central directory first, so a multi-GB archive is never
// held in memory); damage is reported as a DataError naming the archive or member.
import yauzl from "yauzl";
import {DataError} from "./errors.ts";

export interface ZipArchive {
  /** member names, e.g. 2025-06/2025-06-staffordshire-street.csv */
  names(): string[];
  has(name: string): boolean;
  /** One member's bytes (members we read are a few MB; `maxBytes` guards against a surprise). */
  read(name: string, maxBytes?: number): Promise<Buffer>;
  close(): void;
}

export async function openZip(file: string, label: string): Promise<ZipArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, {lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true});
  } catch (error) {
    throw new DataError(label, null, null, "a complete zip archive", (error as Error).message);
  }
  const entries = new Map<string, yauzl.Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (entry: yauzl.Entry) => {
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on("end", () => resolve());
      zip.on("error", reject);
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw new DataError(label, null, null, "a complete zip archive", (error as Error).message);
  }
  return {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    async read(name, maxBytes = 1 << 30) {
      const entry = entries.get(name);
      if (!entry) throw new DataError(label, null, null, `a member ${name}`, "no such member");
      if (entry.uncompressedSize > maxBytes) throw new DataError(`${label}:${name}`, null, null, `at most ${maxBytes} bytes`, `${entry.uncompressedSize} bytes`);
      try {
        const stream = await zip.openReadStreamPromise(entry);
        const parts: Buffer[] = [];
        for await (const chunk of stream) parts.push(chunk as Buffer);
        return Buffer.concat(parts);
      } catch (error) {
        throw new DataError(`${label}:${name}`, null, null, "an intact zip member", (error as Error).message);
      }
    },
    close: () => zip.close()
  };
}
