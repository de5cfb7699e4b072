import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanUpGroves,
  HttpClient,
  migratedDataDir,
  PROCESS_ADMIN,
  runGrove,
  type SpawnedGrove,
  spawnGrove,
  tempDir,
} from "../test-support/spawn-grove.js";

// While `grove serve` holds the embedded database, no other process may open it. Commands that
// only read then ask the server over its operator socket (status, backup), or say why they
// cannot and what to do instead (import --dry-run). Real processes, the compiled build.
afterAll(cleanUpGroves);

let dataDir: string;
let grove: SpawnedGrove;

beforeAll(async () => {
  if (process.env.DATABASE_URL) return;
  dataDir = await migratedDataDir("grove-operator-");
  const admin = await runGrove(["admin", "create", "--email", PROCESS_ADMIN.email, "--name", PROCESS_ADMIN.name], {
    GROVE_DATA_DIR: dataDir,
    GROVE_ADMIN_PASSWORD: PROCESS_ADMIN.password,
  });
  expect(admin.code, admin.output).toBe(0);
  grove = await spawnGrove({ GROVE_DATA_DIR: dataDir });
}, 180_000);

// The embedded database only: the PostgreSQL run has nothing to add here (spawnGrove uses PGlite).
describe.skipIf(Boolean(process.env.DATABASE_URL))(
  "read-only commands beside a server on the embedded database",
  { timeout: 120_000 },
  () => {
    it("grove status asks the running server", async () => {
      const res = await runGrove(["status", "--json"], { GROVE_DATA_DIR: dataDir });
      expect(res.code, res.output).toBe(0);
      const status = JSON.parse(res.stdout);
      expect(status).toMatchObject({
        driver: "pglite",
        where: dataDir,
        server: { pid: grove.child.pid, url: grove.url, driver: "pglite" },
      });
      expect(status.migration.applied).toBe(status.migration.known);
      const text = await runGrove(["status"], { GROVE_DATA_DIR: dataDir });
      expect(text.stdout).toContain(`Server: running at ${grove.url} (pid ${grove.child.pid}`);
    });

    it("grove backup is taken by the running server; the restore serves the same accounts", async () => {
      const file = path.join(tempDir("grove-operator-backup-").dir, "online.backup");
      const res = await runGrove(["backup", file], { GROVE_DATA_DIR: dataDir });
      expect(res.code, res.output).toBe(0);
      expect(res.stdout).toContain("taken by the running server");
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);

      const restoredDir = tempDir("grove-operator-restored-").dir;
      const restore = await runGrove(["restore", file], { GROVE_DATA_DIR: restoredDir });
      expect(restore.code, restore.output).toBe(0);
      const copy = await spawnGrove({ GROVE_DATA_DIR: restoredDir });
      const client = new HttpClient(copy.url);
      const signIn = await client.post("/api/auth/sign-in", { email: PROCESS_ADMIN.email, password: PROCESS_ADMIN.password });
      expect(signIn.status, signIn.text).toBe(200);
      expect(await copy.stop(), copy.output()).toBe(0);
    });

    it("grove import participants --dry-run says why it cannot read, and what to do instead", async () => {
      const csv = path.join(tempDir("grove-operator-csv-").dir, "people.csv");
      fs.writeFileSync(csv, "email,name,role\nnoor@example.org,Noor,mentee\n");
      const res = await runGrove(["import", "participants", csv, "--programme", "any", "--dry-run"], { GROVE_DATA_DIR: dataDir });
      expect(res.code, res.output).toBe(1);
      expect(res.stderr).toContain(`open in a running Grove server (pid ${grove.child.pid}`);
      expect(res.stderr).toContain("Check the file");
      expect(res.stderr).not.toMatch(/^\s+at /m);
    });

    it("after the server stops, status opens the database itself and the socket is gone", async () => {
      expect(await grove.stop(), grove.output()).toBe(0);
      expect(fs.existsSync(path.join(dataDir, "grove.sock"))).toBe(false);
      const res = await runGrove(["status", "--json"], { GROVE_DATA_DIR: dataDir });
      expect(res.code, res.output).toBe(0);
      expect(JSON.parse(res.stdout).server).toBeNull();
    });
  },
);
