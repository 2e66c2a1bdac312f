// The SQL box's limits, in one place for the engine and the page's words.
export const ROW_LIMIT = 10_000;
export const TIME_LIMIT_MS = 10_000;
