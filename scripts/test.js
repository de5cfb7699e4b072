#!/usr/bin/env node
// `npm test`: every tier (unit, integration, browser) in one run. Integration tests use
// PGlite, or PostgreSQL when DATABASE_URL is set. Tests of real `grove` processes and the
// browser tests run the compiled build, so it is rebuilt first when its sources changed.
// Browser tests need Debian's Chromium; when it is missing we install it where we can (root
// with apt-get) and otherwise say exactly how, instead of failing obscurely halfway through.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { ensureBuilt } from "./build.js";

const CHROMIUM = process.env.GROVE_CHROMIUM ?? "/usr/bin/chromium";
const args = process.argv.slice(2);
const skipBrowsers = process.env.GROVE_SKIP_BROWSER_TESTS === "1";

function ensureChromium() {
  if (fs.existsSync(CHROMIUM) || skipBrowsers) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log(`Chromium is missing at ${CHROMIUM}: installing Debian's chromium package (browser tests need it)…`);
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    const install = update.status === 0 && spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit" });
    if (install && install.status === 0 && fs.existsSync(CHROMIUM)) return;
  }
  console.error(
    [
      `Browser tests need Chromium at ${CHROMIUM}, and it is not there.`,
      "Install it with:   sudo apt-get install -y chromium      (Debian/Ubuntu)",
      "or point GROVE_CHROMIUM at an existing Chromium/Chrome binary,",
      "or run only the other tiers:   GROVE_SKIP_BROWSER_TESTS=1 npm test",
    ].join("\n"),
  );
  process.exit(1);
}

ensureChromium();
try {
  await ensureBuilt({ only: skipBrowsers ? ["server", "cluster"] : ["server", "web", "cluster"] });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

const projects = skipBrowsers ? ["--project", "unit", "--project", "integration"] : [];
const result = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...projects, ...args], { stdio: "inherit" });
process.exit(result.status ?? 1);
