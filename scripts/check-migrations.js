#!/usr/bin/env node
// `npm run db:check`: the committed migrations agree with src/server/schema.ts.
// 1. `drizzle-kit check`: the migration history itself is consistent (no clashing snapshots).
// 2. `drizzle-kit generate` into a scratch copy of migrations/: if the schema has changes no
//    migration carries, it writes a new one there, and we fail naming it (the fix is
//    `npm run db:generate` and committing the result).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const kit = path.join(root, "node_modules/drizzle-kit/bin.cjs");
const run = (args) => spawnSync(process.execPath, [kit, ...args], { cwd: root, encoding: "utf8" });

const check = run(["check"]);
if (check.status !== 0) {
  console.error(`drizzle-kit check failed:\n${check.stdout}${check.stderr}`);
  process.exit(1);
}

const scratch = path.join(root, ".tmp/migrations-check");
fs.rmSync(scratch, { recursive: true, force: true });
fs.mkdirSync(path.dirname(scratch), { recursive: true });
fs.cpSync(path.join(root, "migrations"), scratch, { recursive: true });
try {
  // drizzle-kit wants the output folder relative to the working directory.
  const generate = run(["generate", "--dialect=postgresql", "--schema=./src/server/schema.ts", `--out=./${path.relative(root, scratch)}`]);
  if (generate.status !== 0) {
    console.error(`drizzle-kit generate failed:\n${generate.stdout}${generate.stderr}`);
    process.exit(1);
  }
  const committed = new Set(fs.readdirSync(path.join(root, "migrations")));
  const extra = fs.readdirSync(scratch).filter((f) => f.endsWith(".sql") && !committed.has(f));
  if (extra.length > 0) {
    console.error(
      `src/server/schema.ts has changes no committed migration carries (drizzle-kit would write ${extra.join(", ")}).\n` +
        "Run `npm run db:generate -- --name <what-changed>` and commit the migration.",
    );
    process.exit(1);
  }
  console.log("Schema and migrations agree.");
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
