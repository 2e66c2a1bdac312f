// Replacing snapshot files all-or-nothing: a draft copy of the snapshot is built beside it (same filesystem),
// new files are gzipped into it deterministically, the whole draft is validated, and only then are the
// directories swapped by rename. Any failure leaves the snapshot byte-identical.
import {chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {randomBytes} from "node:crypto";
import {basename, dirname, join} from "node:path";
import {gzipSync} from "node:zlib";
import {checkSnapshot, type CheckResult} from "./check.ts";
import {fileFacts, formatManifest, OGL, sha256, type Manifest, type ManifestEntry, type SourceId} from "../lib/manifest.ts";
import {MANIFEST_FILE} from "../lib/paths.ts";
import type {NewFile} from "../lib/pull-context.ts";

export type {NewFile};

export type Change = "added" | "replaced" | "unchanged";

export class SnapshotDraft {
  private manifest: Manifest;
  private changed = false;

  private constructor(readonly snapshotDir: string, readonly draftDir: string) {
    this.manifest = JSON.parse(readFileSync(join(draftDir, MANIFEST_FILE), "utf8")) as Manifest;
  }

  /** The manifest entry the snapshot holds for a path, if any. */
  entry(path: string): ManifestEntry | undefined {
    return this.manifest.files.find((f) => f.path === path);
  }

  /** Copies the snapshot to a hidden sibling directory. */
  static open(snapshotDir: string): SnapshotDraft {
    if (!existsSync(join(snapshotDir, MANIFEST_FILE))) throw new Error(`${snapshotDir}: not a snapshot (no ${MANIFEST_FILE})`);
    const draftDir = join(dirname(snapshotDir), `.${basename(snapshotDir)}.draft-${process.pid}-${randomBytes(4).toString("hex")}`);
    cpSync(snapshotDir, draftDir, {recursive: true, preserveTimestamps: true});
    chmodSync(draftDir, statSync(snapshotDir).mode & 0o7777);
    return new SnapshotDraft(snapshotDir, draftDir);
  }

  /**
   * Puts a file in the draft. Content identical to what the snapshot holds keeps the stored file and its
   * manifest entry as they are (same bytes, same retrieval date), so a repeated pull changes nothing.
   */
  put(file: NewFile, retrieved: string, options: {acceptRows?: boolean} = {}): Change {
    if (!file.path.endsWith(".gz")) throw new Error(`${file.path}: snapshot files are stored gzipped (.gz)`);
    const existing = this.manifest.files.find((f) => f.path === file.path);
    const acceptedRows = options.acceptRows && file.rows !== null ? file.rows : undefined;
    if (existing && existing.contentSha256 === sha256(file.content) && existing.rows === file.rows && existing.period === file.period && existing.kind === file.kind
      && existing.acceptedRows === (acceptedRows ?? existing.acceptedRows)) return "unchanged";
    // gzipSync writes no timestamp or name: identical content gives identical bytes.
    const bytes = gzipSync(file.content, {level: 9});
    const target = join(this.draftDir, file.path);
    mkdirSync(dirname(target), {recursive: true});
    writeFileSync(target, bytes);
    const entry: ManifestEntry = {
      path: file.path, source: file.source, licence: OGL, retrieved, kind: file.kind, url: file.url,
      ...(file.member ? {member: file.member} : {}), rows: file.rows, period: file.period, ...fileFacts(bytes, true),
      ...(acceptedRows !== undefined ? {acceptedRows} : {})
    };
    this.manifest.files = [...this.manifest.files.filter((f) => f.path !== file.path), entry];
    this.changed = true;
    return existing ? "replaced" : "added";
  }

  /**
   * Validates the whole draft and swaps it in, returning the check of the new snapshot; null (and the draft
   * discarded) when nothing changed. Throws, leaving the snapshot untouched, when the draft fails check-data.
   */
  async commit(generated: string): Promise<CheckResult | null> {
    try {
      if (!this.changed) return null;
      this.manifest.generated = generated;
      writeFileSync(join(this.draftDir, MANIFEST_FILE), formatManifest(this.manifest));
      const result = await checkSnapshot(this.draftDir);
      if (result.errors.length) {
        throw new Error(`the new snapshot failed validation, nothing was replaced:\n  ${result.errors.slice(0, 20).join("\n  ")}${result.errors.length > 20 ? `\n  … and ${result.errors.length - 20} more` : ""}`);
      }
      const old = `${this.draftDir}.old`;
      renameSync(this.snapshotDir, old);
      try {
        renameSync(this.draftDir, this.snapshotDir);
      } catch (error) {
        renameSync(old, this.snapshotDir);
        throw error;
      }
      rmSync(old, {recursive: true, force: true});
      return {...result, dir: this.snapshotDir};
    } finally {
      this.discard();
    }
  }

  discard(): void {
    rmSync(this.draftDir, {recursive: true, force: true});
  }
}
