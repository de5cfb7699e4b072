#!/usr/bin/env node
// `npm run build`: compiles Grove once so that it runs as plain JavaScript.
//   server  esbuild bundles the CLI, the server and the jobs (src/cli/main.ts and everything it
//           imports, each command in its own lazily loaded chunk) into dist/server/.
//           Packages stay in node_modules (imported at run time, not bundled).
//   web     Vite builds the React app into dist/web/.
//   cluster a new PGlite database with every migration applied, as dist/pglite-cluster.tar.gz:
//           a new data directory starts as a copy of it instead of running initdb (seconds,
//           and ~600 MB of memory a process never gives back).
// All three build at the same time. Flags:
//   --if-stale   build only a half that is missing or older than its sources (npm install,
//                npm start and npm test run this; it only reads when nothing changed)
//   --server / --web / --cluster   build only those
// Without the build tools (a production install made with `npm ci --omit=dev`) an existing
// build is used as it is, and a missing one is an error that says what to do.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** What each half is built from, and the file whose age stands for the whole output. */
export const halves = {
  server: {
    output: "dist/server/grove.js",
    sources: ["src/cli", "src/server", "src/core", "src/contracts", "package.json", "scripts/build.js"],
  },
  web: {
    output: "dist/web/index.html",
    sources: ["src/web", "src/contracts", "src/core", "vite.config.ts", "package.json"],
  },
  cluster: {
    output: "dist/pglite-cluster.tar.gz",
    // What the cluster is made of, by content: npm gives a reinstalled package new file times.
    fingerprint: clusterFingerprint,
    // PGlite and drizzle are runtime dependencies: a production install can make this one too.
    runtimeOnly: true,
  },
};

/** The PGlite version and the migrations' contents: the template is stale when either changes. */
function clusterFingerprint() {
  const hash = createHash("sha256");
  hash.update(JSON.parse(fs.readFileSync(path.join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8")).version);
  const migrations = path.join(root, "migrations");
  const files = fs.readdirSync(migrations, { recursive: true }).map(String).sort();
  for (const file of files) {
    const full = path.join(migrations, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest("hex");
}

/** Test files and test helpers are not part of the build, so editing them does not make it stale. */
const notBuilt = (name) => name.endsWith(".test.ts") || name.endsWith(".test.tsx") || name === "test-support";

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (!notBuilt(entry)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** "missing", "stale" or "fresh". A checkout without sources (only dist/) counts as fresh. */
export function buildState(half) {
  const { output, sources, fingerprint } = halves[half];
  let builtAt;
  try {
    builtAt = fs.statSync(path.join(root, output)).mtimeMs;
  } catch {
    return "missing";
  }
  if (fingerprint) {
    try {
      return fs.readFileSync(path.join(root, `${output}.fingerprint`), "utf8") === fingerprint() ? "fresh" : "stale";
    } catch {
      return "stale";
    }
  }
  const newest = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  return newest > builtAt ? "stale" : "fresh";
}

/** esbuild's options for the server bundle; scripts/dev.js watches with the same ones. */
export function serverBuildOptions(outdir) {
  return {
    absWorkingDir: root,
    entryPoints: { grove: "src/cli/main.ts" },
    outdir,
    entryNames: "[name]",
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    packages: "external",
    sourcemap: "linked",
    legalComments: "none",
    logLevel: "warning",
  };
}

async function buildServer() {
  const esbuild = await import("esbuild");
  // Build next to the old output and swap, so a half-written build is never what runs
  // and chunks of an earlier build do not pile up.
  const next = path.join(root, "dist/server.next");
  fs.rmSync(next, { recursive: true, force: true });
  await esbuild.build(serverBuildOptions(next));
  const current = path.join(root, "dist/server");
  fs.rmSync(current, { recursive: true, force: true });
  fs.renameSync(next, current);
}

async function buildWeb() {
  const { build } = await import("vite");
  await build({ configFile: path.join(root, "vite.config.ts"), logLevel: "warn" });
}

async function buildCluster() {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const db = new PGlite();
  await db.waitReady;
  await migrate(drizzle(db), { migrationsFolder: path.join(root, "migrations") });
  await db.exec("checkpoint");
  const tarball = Buffer.from(await (await db.dumpDataDir("gzip")).arrayBuffer());
  await db.close();
  const output = path.join(root, halves.cluster.output);
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(`${output}.partial`, tarball);
  fs.renameSync(`${output}.partial`, output);
  fs.writeFileSync(`${output}.fingerprint`, clusterFingerprint());
}

const builders = { server: buildServer, web: buildWeb, cluster: buildCluster };
const labels = { server: "server", web: "web app", cluster: "new-database template" };

async function toolsInstalled() {
  try {
    await import("esbuild");
    await import("vite");
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the named halves (only the stale or missing ones with ifStale). Returns what it built.
 * `log` gets one line per half built, with the time it took.
 */
/**
 * One build at a time per checkout (two test runs starting together would otherwise write the
 * same files): an exclusive lock file naming our pid; one whose process is gone is taken over.
 */
async function withBuildLock(fn) {
  const lock = path.join(root, "dist/.build-lock");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      const owner = Number(fs.readFileSync(lock, "utf8"));
      let alive = owner > 0;
      try {
        if (alive) process.kill(owner, 0);
      } catch {
        alive = false;
      }
      if (!alive) fs.rmSync(lock, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

export async function ensureBuilt({ only = ["server", "web", "cluster"], ifStale = true, log = console.log } = {}) {
  const stale = () => only.filter((half) => !ifStale || buildState(half) !== "fresh");
  if (stale().length === 0) return []; // the usual case: nothing to write, no lock
  // Whatever another build made while we waited for the lock is not built again.
  return withBuildLock(() => build(stale(), log));
}

async function build(halvesWanted, log) {
  let wanted = halvesWanted;
  if (wanted.length === 0) return [];
  if (wanted.some((half) => !halves[half].runtimeOnly) && !(await toolsInstalled())) {
    const needTools = wanted.filter((half) => !halves[half].runtimeOnly);
    const missing = needTools.filter((half) => buildState(half) === "missing");
    if (missing.length > 0) {
      throw new Error(
        `Grove is not built (${missing.map((h) => halves[h].output).join(", ")} missing) and the build tools are not installed.\n` +
          "Run `npm install` (or `npm ci`) with development dependencies, then `npm run build`; " +
          "a production install (`npm ci --omit=dev`) serves a build made beforehand.",
      );
    }
    log(`The build tools are not installed: using the existing build of the ${needTools.map((h) => labels[h]).join(" and ")} in dist/.`);
    wanted = wanted.filter((half) => halves[half].runtimeOnly);
  }
  await Promise.all(
    wanted.map(async (half) => {
      const started = Date.now();
      await builders[half]();
      log(`Built the ${labels[half]} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }),
  );
  return wanted;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const only = Object.keys(halves).filter((h) => args.includes(`--${h}`));
  try {
    await ensureBuilt({ only: only.length ? only : undefined, ifStale: args.includes("--if-stale") });
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
