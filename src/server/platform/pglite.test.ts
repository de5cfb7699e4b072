import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { pgliteClusterTemplate } from "./install-paths.js";
import { extractCluster, hasCluster, initialiseCluster, openPglite, pgliteStartParams } from "./pglite.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "grove-pglite-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

// PGlite only, so once per CI run: the PostgreSQL run has nothing to add.
describe.skipIf(Boolean(process.env.DATABASE_URL))("creating an embedded database", { timeout: 120_000 }, () => {
  it("unpacks the build's template into a cluster that opens, already migrated, with the small shared_buffers", async () => {
    const dir = path.join(root, "from-template");
    extractCluster(fs.readFileSync(pgliteClusterTemplate), dir);
    expect(hasCluster(dir)).toBe(true);
    const client = await openPglite({ dataDir: dir });
    try {
      const applied = await client.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
      expect(applied.rows[0].n).toBeGreaterThan(0);
      expect((await client.query<{ shared_buffers: string }>("show shared_buffers")).rows[0].shared_buffers).toBe("16MB");
    } finally {
      await client.close();
    }
  });

  it("without a template, runs initdb in a child process and leaves a cluster behind", async () => {
    const dir = path.join(root, "initdb");
    await initialiseCluster(dir, pgliteStartParams({ sharedBuffers: "16MB" }));
    expect(hasCluster(dir)).toBe(true);
  });

  it("refuses a directory that holds files but no cluster, touching nothing", async () => {
    const dir = path.join(root, "not-a-cluster");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "keep-me.txt"), "mine");
    await expect(openPglite({ dataDir: dir })).rejects.toThrow(/holds files but no database cluster/);
    expect(fs.readdirSync(dir)).toEqual(["keep-me.txt"]);
  });

  it("refuses a tarball entry that would land outside the cluster", () => {
    const header = Buffer.alloc(512);
    header.write("../escape.txt", 0);
    header.write("0000000", 124); // size 0
    header.write("0", 156);
    const tar = Buffer.concat([header, Buffer.alloc(1024)]);
    const dir = path.join(root, "unsafe");
    expect(() => extractCluster(zlib.gzipSync(tar), dir)).toThrow(/unsafe path/);
    expect(fs.existsSync(path.join(root, "escape.txt"))).toBe(false);
  });
});
