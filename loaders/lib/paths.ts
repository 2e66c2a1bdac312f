// Where things live on disk, resolved from the repository root so scripts work from any cwd.
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SNAPSHOT_DIR = join(ROOT, "data", "snapshot");
export const REFERENCE_DIR = join(ROOT, "data", "reference");
export const MANIFEST_FILE = "manifest.json";
/** Extracts built from the snapshot, memoised by snapshot checksum (never committed). */
export const EXTRACT_CACHE_DIR = join(ROOT, ".cache", "extracts");
