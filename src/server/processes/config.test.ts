import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUpGroves, HttpClient, repoRoot, runGrove, spawnGrove, tempDir } from "../test-support/spawn-grove.js";

// The CLI is run as a real process; runGrove strips the runner's DATABASE_URL and GROVE_*
// settings, so these use PGlite in a temp data dir on both test runs.
afterAll(cleanUpGroves);

const STACK_LINE = /^\s+at .+[(:]\d+/m;
const packageVersion = (JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string }).version;

describe("invalid configuration stops `grove serve` with a plain message", () => {
  it("rejects PORT=abc, naming PORT", async () => {
    const { dir } = tempDir("grove-config-");
    const res = await runGrove(["serve"], { PORT: "abc", GROVE_DATA_DIR: dir }, { timeoutMs: 30_000 });
    expect(res.code, res.output).toBe(1);
    expect(res.stderr).toMatch(/PORT: must be a number/);
    expect(res.stderr).toContain('"abc"');
    expect(res.stderr).not.toMatch(STACK_LINE);
    expect(fs.existsSync(path.join(dir, "grove.lock"))).toBe(false);
  });

  it("rejects DATABASE_URL=mysql://x, naming DATABASE_URL", async () => {
    const { dir } = tempDir("grove-config-");
    const res = await runGrove(["serve"], { DATABASE_URL: "mysql://x", GROVE_DATA_DIR: dir }, { timeoutMs: 30_000 });
    expect(res.code, res.output).toBe(1);
    expect(res.stderr).toMatch(/DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//);
    expect(res.stderr).not.toMatch(STACK_LINE);
  });
});

describe("the grove command", () => {
  it("lists its commands in --help", async () => {
    const res = await runGrove(["--help"]);
    expect(res.code, res.output).toBe(0);
    for (const command of ["serve", "migrate", "admin", "version"]) expect(res.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
  });

  it("prints package.json's version", async () => {
    const res = await runGrove(["version"]);
    expect(res.code, res.output).toBe(0);
    expect(res.stdout.trim()).toBe(packageVersion);
  });
});

// Process start-up is slow on a loaded two-core machine (~10 s idle); a timeout is not what these test.
describe("grove admin create", { timeout: 120_000 }, () => {
  it("creates an instance admin in a fresh data dir, which a server then serves", async () => {
    const { dir } = tempDir("grove-admin-");
    const password = "a sufficiently long password";
    const res = await runGrove(
      ["admin", "create", "--email", "a@b.org", "--name", "A"],
      { GROVE_DATA_DIR: dir, GROVE_ADMIN_PASSWORD: password },
      { timeoutMs: 90_000 },
    );
    expect(res.code, res.output).toBe(0);
    expect(res.stdout).toContain("Created instance admin a@b.org");
    expect(fs.existsSync(path.join(dir, "grove.lock"))).toBe(false);

    const grove = await spawnGrove({ GROVE_DATA_DIR: dir });
    const client = new HttpClient(grove.url);
    expect((await client.get("/api/setup")).json.needsSetup).toBe(false);
    const signIn = await client.post("/api/auth/sign-in", { email: "a@b.org", password });
    expect(signIn.status, signIn.text).toBe(200);
    expect(signIn.json.user).toMatchObject({ email: "a@b.org", name: "A", isAdmin: true });
    expect(await grove.stop("SIGTERM"), grove.output()).toBe(0);
  });

  it("refuses a too-short password with a clear message and a non-zero exit", async () => {
    const { dir } = tempDir("grove-admin-");
    const res = await runGrove(["admin", "create", "--email", "a@b.org", "--name", "A"], {
      GROVE_DATA_DIR: dir,
      GROVE_ADMIN_PASSWORD: "short",
    });
    expect(res.code, res.output).toBe(1);
    expect(res.stderr).toContain("Cannot create the admin");
    expect(res.stderr).toContain("Passwords need at least 10 characters");
    expect(res.stdout).not.toContain("Created instance admin");
    // Validation happens before the database is touched.
    expect(fs.existsSync(path.join(dir, "db"))).toBe(false);
  });

  // KNOWN BUG (src/cli/commands/admin-create.ts + src/cli/fail.ts): the message is printed
  // as `Error: …` followed by a stack trace. Remove `.fails` once it prints a plain message.
  it("prints that refusal without a stack trace", async () => {
    const { dir } = tempDir("grove-admin-");
    const res = await runGrove(["admin", "create", "--email", "a@b.org", "--name", "A"], {
      GROVE_DATA_DIR: dir,
      GROVE_ADMIN_PASSWORD: "short",
    });
    expect(res.code, res.output).toBe(1);
    expect(res.stderr).not.toMatch(STACK_LINE);
    expect(res.stderr).not.toMatch(/^Error: /m);
  });
});
