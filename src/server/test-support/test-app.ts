import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import type { LightMyRequestResponse } from "fastify";
import { buildApp, type GroveApp } from "../app.js";
import { loadConfig } from "../platform/config.js";
import type { AppContext } from "../platform/context.js";
import type { Database } from "../platform/db.js";
import { jobHandlers } from "../platform/jobs/handlers.js";
import { JobWorker } from "../platform/jobs/worker.js";
import { createLogger } from "../platform/logger.js";
import { createMailer } from "../platform/mail.js";
import { createMetrics } from "../platform/metrics.js";
import { createTestDatabase } from "./test-database.js";
import { GENEROUS_TEST_LIMITS } from "./test-limits.js";

export type TestApp = {
  app: GroveApp;
  ctx: AppContext;
  database: Database;
  dataDir: string;
  /** Every log line written so far, as raw JSON text: privacy tests search it. */
  logs: string[];
  /** Runs every due job now, as the background worker would. */
  runJobs(): Promise<number>;
  close(): Promise<void>;
};

/** The real app on a fresh database, driven through fastify.inject (no port needed). */
export async function createTestApp(env: Record<string, string> = {}, options: { webDir?: string } = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "grove-test-"));
  const config = loadConfig({
    GROVE_DATA_DIR: dataDir,
    GROVE_LOG_LEVEL: "info",
    GROVE_BASE_URL: "http://grove.test",
    ...GENEROUS_TEST_LIMITS,
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const logger = createLogger(config.logLevel, sink);
  const database = await createTestDatabase();
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir, logger });
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    mailer,
    logger,
    version: "test",
    startedAt: Date.now(),
    metrics: createMetrics(),
  };
  const app = await buildApp(ctx, { webDir: options.webDir });
  await app.ready();
  const worker = new JobWorker(database.db, jobHandlers(ctx), logger, 1000, (job, outcome) =>
    ctx.metrics?.jobsFinished.inc({ job, outcome }),
  );
  return {
    app,
    ctx,
    database,
    dataDir,
    logs,
    runJobs: () => worker.drain(),
    async close() {
      await app.close();
      mailer.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** A signed-in browser (cookie + CSRF token) or script (bearer token) talking to the app. */
export class Client {
  cookie?: string;
  csrfToken?: string;
  bearer?: string;
  ip = "203.0.113.10";

  constructor(readonly app: GroveApp) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookie ? { cookie: `grove_session=${this.cookie}` } : {}),
        ...(this.csrfToken && method !== "GET" ? { "x-csrf-token": this.csrfToken } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const set = res.cookies.find((c) => c.name === "grove_session");
    if (set) this.cookie = set.value || undefined;
    const json = res.headers["content-type"]?.toString().includes("json") ? res.json() : undefined;
    // Sign-in answers with the token; applying or accepting an invitation nests it under `session`.
    const csrfToken = json?.csrfToken ?? json?.session?.csrfToken;
    if (csrfToken) this.csrfToken = csrfToken;
    return res;
  }

  get = (url: string) => this.request("GET", url);
  post = (url: string, body?: unknown) => this.request("POST", url, body ?? {});
  patch = (url: string, body: unknown) => this.request("PATCH", url, body);
  delete = (url: string) => this.request("DELETE", url);

  async signIn(email: string, password: string) {
    const res = await this.post("/api/auth/sign-in", { email, password });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    return this;
  }
}

export const ADMIN = { email: "ada@example.org", name: "Ada Admin", password: "correct horse battery" };

/** First run: the instance admin, signed in. */
export async function setUpAdmin(app: GroveApp): Promise<Client> {
  const client = new Client(app);
  const res = await client.post("/api/setup", ADMIN);
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return client;
}

/** An admin-created account, signed in from its own browser. */
export async function createUserClient(app: GroveApp, admin: Client, email: string, name = email.split("@")[0]): Promise<Client> {
  const password = "a long enough password";
  const res = await admin.post("/api/users", { email, name, password });
  if (res.statusCode !== 201) throw new Error(`user create failed: ${res.statusCode} ${res.body}`);
  const client = new Client(app);
  client.ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
  return client.signIn(email, password);
}
