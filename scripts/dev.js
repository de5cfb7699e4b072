#!/usr/bin/env node
// `npm run dev`: the fast loop while working on Grove.
//   server  esbuild rebuilds dist/server on every change under src/ (in milliseconds) and
//           `grove serve` restarts on the new build: SIGTERM, in-flight requests finish, the
//           data-dir lock is released, a new process starts.
//   web     Vite's dev server at http://localhost:5173 with hot reload, forwarding /api to
//           the server (PORT, default 3000).
// `--server` or `--web` runs one of the two. Settings are the usual environment variables.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuilt, root, serverBuildOptions } from "./build.js";

const args = process.argv.slice(2);
const wantServer = !args.includes("--web") || args.includes("--server");
const wantWeb = !args.includes("--server") || args.includes("--web");

let child;
let stopping = false;

function startServer() {
  child = spawn(process.execPath, [path.join(root, "bin/grove.js"), "serve"], { cwd: process.cwd(), stdio: "inherit" });
  const me = child;
  me.once("exit", (code, signal) => {
    if (me === child && !stopping && signal !== "SIGTERM")
      console.log(`[dev] grove serve exited (${code ?? signal}); it restarts on the next change`);
  });
}

function stopServer() {
  const running = child;
  child = undefined;
  if (!running || running.exitCode !== null || running.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    running.once("exit", () => resolve());
    running.kill("SIGTERM");
  });
}

let restarting = Promise.resolve();
const restart = () => {
  restarting = restarting.then(async () => {
    await stopServer();
    if (!stopping) startServer();
  });
  return restarting;
};

if (wantServer) {
  // The template for new data directories, so the first start is as quick as in production.
  await ensureBuilt({ only: ["cluster"] });
  const esbuild = await import("esbuild");
  let first = true;
  const context = await esbuild.context({
    ...serverBuildOptions(path.join(root, "dist/server")),
    plugins: [
      {
        name: "restart-grove",
        setup(build) {
          build.onEnd((result) => {
            if (result.errors.length > 0) {
              console.log("[dev] the build failed: the server keeps running the last good one");
              return;
            }
            console.log(first ? "[dev] built; starting grove serve" : "[dev] rebuilt; restarting grove serve");
            first = false;
            restart();
          });
        },
      },
    ],
  });
  await context.watch();
  const quit = async () => {
    stopping = true;
    await context.dispose();
    await stopServer();
    process.exit(0);
  };
  process.once("SIGINT", quit);
  process.once("SIGTERM", quit);
}

if (wantWeb) {
  const { createServer } = await import("vite");
  const vite = await createServer({ configFile: path.join(root, "vite.config.ts") });
  await vite.listen();
  vite.printUrls();
}
