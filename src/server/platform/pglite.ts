import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { installRoot, pgliteClusterTemplate } from "./install-paths.js";

/**
 * PGlite is PostgreSQL compiled to WebAssembly, and a WebAssembly memory only ever grows:
 * whatever PostgreSQL allocates once stays in the process for its lifetime. Two things
 * decide how big that is (figures in docs/operations.md):
 * - shared_buffers, allocated at start: PostgreSQL's default of 128MB is most of an idle
 *   server's memory. 16MB keeps a small instance's working set; the operating system's file
 *   cache still holds the rest of the database files.
 * - initdb, which creating a new cluster runs: it grows the memory to ~600 MB and takes
 *   seconds. So a new data directory is unpacked from the cluster the build made
 *   (dist/pglite-cluster.tar.gz: initdb and every migration of that build, done once), and
 *   only without one is a cluster created, in a short-lived child process, never in the server.
 */
export type PgliteMemory = { sharedBuffers: string };

export const DEFAULT_PGLITE_MEMORY: PgliteMemory = { sharedBuffers: "16MB" };

export function pgliteStartParams(memory: PgliteMemory): string[] {
  return [
    ...PGlite.defaultStartParams,
    "-c",
    `shared_buffers=${memory.sharedBuffers}`,
    // Index builds and ANALYZE would otherwise grow the memory by up to 64MB for good.
    "-c",
    "maintenance_work_mem=16MB",
  ];
}

/** True when `dir` already holds a PostgreSQL cluster. */
export const hasCluster = (dir: string) => fs.existsSync(path.join(dir, "PG_VERSION"));

const INIT_SCRIPT = `
import { PGlite } from "@electric-sql/pglite";
const [dir, params] = process.argv.slice(1);
const db = new PGlite({ dataDir: dir, startParams: JSON.parse(params) });
await db.waitReady;
await db.close();
`;

/** Creates a new cluster in `dir` in a child process, so its initdb memory never lands in ours. */
export async function initialiseCluster(dir: string, startParams: string[]): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  let output = "";
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", INIT_SCRIPT, dir, JSON.stringify(startParams)], {
      cwd: installRoot, // where @electric-sql/pglite resolves from
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    child.once("error", reject);
    child.once("close", resolve);
  });
  if (code !== 0 || !hasCluster(dir)) throw new Error(`Could not create the embedded database in ${dir} (exit ${code}):\n${output}`);
}

/**
 * Writes the files of a PGlite cluster tarball (ustar, as `dumpDataDir` makes it: names
 * relative to the cluster, directories and regular files only) into `dir`.
 */
export function extractCluster(tarGz: Buffer, dir: string): void {
  const tar = zlib.gunzipSync(tarGz);
  const text = (from: number, length: number) => tar.toString("utf8", from, from + length).replace(/\0.*$/s, "");
  for (let at = 0; at + 512 <= tar.length; ) {
    if (tar[at] === 0) break; // the two empty blocks that end the archive
    const prefix = text(at + 345, 155);
    const name = (prefix ? `${prefix}/` : "") + text(at, 100);
    const size = Number.parseInt(text(at + 124, 12).trim() || "0", 8);
    const type = String.fromCharCode(tar[at + 156]);
    const target = path.join(dir, name);
    if (target !== dir && !target.startsWith(`${dir}${path.sep}`)) throw new Error(`unsafe path in the cluster tarball: ${name}`);
    if (type === "5") fs.mkdirSync(target, { recursive: true, mode: 0o700 });
    else if (type === "0" || type === "\0") {
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      fs.writeFileSync(target, tar.subarray(at + 512, at + 512 + size), { mode: 0o600 });
    } else throw new Error(`unexpected entry type ${JSON.stringify(type)} in the cluster tarball (${name})`);
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

/** A new cluster in `dir`: the build's template when there is one, initdb in a child process otherwise. */
export async function createCluster(dir: string, startParams: string[]): Promise<void> {
  if (fs.existsSync(pgliteClusterTemplate)) {
    // Unpack beside the target and rename, so a crash half-way never leaves a half cluster that looks whole.
    const partial = `${dir}.partial-${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    extractCluster(fs.readFileSync(pgliteClusterTemplate), partial);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(partial, dir);
    return;
  }
  await initialiseCluster(dir, startParams);
}

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob; memory?: PgliteMemory }): Promise<PGlite> {
  const startParams = pgliteStartParams(options.memory ?? DEFAULT_PGLITE_MEMORY);
  if (options.dataDir && !options.loadDataDir && !hasCluster(options.dataDir)) {
    if (fs.existsSync(options.dataDir) && fs.readdirSync(options.dataDir).length > 0) {
      throw new Error(
        `${options.dataDir} holds files but no database cluster (no PG_VERSION): move them away, or use another GROVE_DATA_DIR.`,
      );
    }
    await createCluster(options.dataDir, startParams);
  }
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, startParams });
  await client.waitReady;
  return client;
}

/**
 * A consistent copy of the whole cluster as a gzipped tarball, taken while the database
 * stays open: inside a PGlite transaction no other transaction is half-way (drizzle runs
 * its transactions through the same queue), and a checkpoint first means a restore does
 * not replay the write-ahead log.
 */
export async function dumpCluster(client: PGlite): Promise<Blob> {
  return client.transaction(async (tx) => {
    await tx.exec("checkpoint");
    return client.dumpDataDir("gzip");
  });
}
