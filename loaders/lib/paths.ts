// Where things live on disk, resolved from the repository root so scripts work from any cwd.
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** SNAPSHOT_DIR in the environment points the build at another snapshot (tests of the validation gate do). */
export const SNAPSHOT_DIR = process.env.SNAPSHOT_DIR ?? join(ROOT, "data", "snapshot");
export const REFERENCE_DIR = join(ROOT, "data", "reference");
export const MANIFEST_FILE = "manifest.json";
/** Extracts built from the snapshot, memoised by snapshot checksum (never committed). */
export const EXTRACT_CACHE_DIR = process.env.EXTRACT_CACHE_DIR ?? join(ROOT, ".cache", "extracts");
/** Stamps of snapshot contents check-data has passed, so each loader process need not check again. */
export const CHECKED_CACHE_DIR = join(ROOT, ".cache", "checked");
