import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {test: {name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 120_000}},
      // Browser tests run against the built dist/ (npm run build first), one file at a time.
      {test: {name: "e2e", include: ["tests/e2e/**/*.test.ts"], testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false}}
    ]
  }
});
