import { defineConfig } from "vitest/config";

// Files whose `grove` processes run on PGlite whatever database the run uses (the spawn
// helpers strip DATABASE_URL) and that touch no database themselves: the PGlite run covers
// them, so the PostgreSQL run leaves them out instead of repeating them.
const pgliteWhateverTheRun = [
  "src/server/processes/config.test.ts",
  "src/cli/commands/match-run.test.ts",
  "src/cli/commands/demo.test.ts",
  "src/cli/commands/import-participants.test.ts",
  "src/cli/commands/match-solve.test.ts",
];

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
          exclude: process.env.DATABASE_URL ? pgliteWhateverTheRun : [],
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
