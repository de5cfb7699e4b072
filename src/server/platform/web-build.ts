import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { webDist } from "./web-app.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const webSources = ["src/web", "src/contracts", "src/core", "vite.config.ts"].map((p) => path.join(repoRoot, p));

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when the built web app is missing or older than its sources (a fresh clone, or a pull). */
export function webBuildIsStale(): boolean {
  const index = path.join(webDist, "index.html");
  if (!fs.existsSync(index)) return true;
  return Math.max(...webSources.map(newestMtime)) > fs.statSync(index).mtimeMs;
}

/** Builds the SPA with Vite when needed, so `npm start` on a fresh clone just works. */
export async function ensureWebBuilt(log: (message: string) => void): Promise<void> {
  if (!fs.existsSync(path.join(repoRoot, "src/web")) || !webBuildIsStale()) return;
  log("Building the web app (first start or changed sources)…");
  const started = Date.now();
  const { build } = await import("vite");
  await build({ configFile: path.join(repoRoot, "vite.config.ts"), logLevel: "warn" });
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
