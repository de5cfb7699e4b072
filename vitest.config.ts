import { defineConfig } from "vitest/config";

// Three tiers, one runner: pure core units, integration against a real database
// (PGlite by default, PostgreSQL when DATABASE_URL is set), and browser tests.
export default defineConfig({
  test: {
    projects: [
      // Tiers run one after another (groupOrder): fast feedback first, browsers last.
      {
        test: {
          name: "unit",
          include: ["src/core/**/*.test.ts", "src/contracts/**/*.test.ts"],
          environment: "node",
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: "integration",
          include: ["src/server/**/*.test.ts", "src/cli/**/*.test.ts"],
          environment: "node",
          globalSetup: ["src/server/test-support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite instances are memory-hungry and the machine has two cores.
          maxWorkers: 2,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["e2e/support/global-setup.ts"],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
