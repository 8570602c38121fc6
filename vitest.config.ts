// Root Vitest config: two projects. `npm test` (scripts/test.mjs) provisions PostgreSQL/Redis and
// resets the test database first; run one project with `npx vitest run --project unit`.
import { defineConfig } from "vitest/config";

const ignored = ["**/node_modules/**", "**/.next/**", "**/dist/**", "**/generated/**"];

export default defineConfig({
  // `@/…` imports of apps/web (tsconfig "paths") resolve with the nearest tsconfig of each file.
  resolve: { tsconfigPaths: true },
  test: {
    environment: "node",
    setupFiles: ["./vitest.setup.ts"],
    passWithNoTests: true,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.ts"],
          exclude: [...ignored, "**/*.int.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/test/**/*.int.test.ts"],
          exclude: ignored,
          // One file at a time: the files share one database and one Redis.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
