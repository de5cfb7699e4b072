import path from "node:path";
import { z } from "zod";

/**
 * Every setting comes from the environment, validated once at start so a typo fails
 * loudly with the variable's name instead of surfacing as an odd runtime error later.
 * Documented in docs/operations.md — keep both in step.
 */
const port = z.coerce
  .number({ message: "must be a number" })
  .int("must be a whole number")
  .min(0, "must be between 0 and 65535")
  .max(65535, "must be between 0 and 65535");

/** Requests per minute; 0 turns the limit off. */
const perMinute = z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(0, "must be 0 (off) or more");

const EnvSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  GROVE_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  GROVE_BASE_URL: z.url({ message: "must be a full URL such as https://grove.example.org" }).optional(),
  GROVE_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must look like smtp://user:pass@host:587 or smtps://host:465")
    .optional(),
  GROVE_MAIL_FROM: z.string().min(3).default("Grove <grove@localhost>"),
  GROVE_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  GROVE_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  GROVE_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_048_576),
  GROVE_JOBS: z.enum(["on", "off"]).default("on"),
  GROVE_JOBS_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  GROVE_TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  GROVE_DB_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  GROVE_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  GROVE_RATE_LIMIT_ANONYMOUS: perMinute.default(300),
  GROVE_RATE_LIMIT_CREDENTIALS: perMinute.default(20),
  GROVE_RATE_LIMIT_API: perMinute.default(1200),
  GROVE_RATE_LIMIT_FEED: perMinute.default(30),
  GROVE_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters (it is a bearer secret)").optional(),
  GROVE_PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/, "must be a size such as 16MB or 128MB")
    .default("16MB"),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  baseUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof EnvSchema>["GROVE_LOG_LEVEL"];
  sessionDays: number;
  bodyLimitBytes: number;
  jobsEnabled: boolean;
  jobsPollMs: number;
  trustProxy: boolean;
  /** PGlite's shared_buffers (see platform/pglite.ts): most of an idle embedded server's memory. */
  pgliteSharedBuffers: string;
  /** Cookies get the Secure flag when Grove is served over https. */
  secureCookies: boolean;
  /** PostgreSQL connections this process may open at once. */
  dbPoolSize: number;
  /** How long a query waits for a PostgreSQL connection before the request gets 503. */
  dbConnectTimeoutMs: number;
  /** Requests per minute, per process; 0 is off. See platform/rate-limits.ts. */
  rateLimits: RateLimitSettings;
  /** When set, GET /metrics answers Prometheus text to this bearer token; unset, /metrics does not exist. */
  metricsToken: string | undefined;
};

export type RateLimitSettings = {
  /** Any request without a signed-in session or token, per client address. */
  anonymous: number;
  /** Sign-in, setup, password resets, applications, invitation acceptance: per address, per route. */
  credentials: number;
  /** A signed-in session or API token, per session or token. */
  api: number;
  /** One calendar feed, whoever fetches it. */
  feed: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings in the environment mean "not set", as in most twelve-factor apps.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])])})`);
    throw new ConfigError(`Grove cannot start: invalid configuration\n${lines.join("\n")}\nSee docs/operations.md for every setting.`);
  }
  const e = parsed.data;
  const baseUrl = (e.GROVE_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.GROVE_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    baseUrl,
    smtpUrl: e.GROVE_SMTP_URL,
    mailFrom: e.GROVE_MAIL_FROM,
    logLevel: e.GROVE_LOG_LEVEL,
    sessionDays: e.GROVE_SESSION_DAYS,
    bodyLimitBytes: e.GROVE_BODY_LIMIT_BYTES,
    jobsEnabled: e.GROVE_JOBS === "on",
    jobsPollMs: e.GROVE_JOBS_POLL_MS,
    trustProxy: e.GROVE_TRUST_PROXY === "true",
    pgliteSharedBuffers: e.GROVE_PGLITE_SHARED_BUFFERS,
    secureCookies: baseUrl.startsWith("https://"),
    dbPoolSize: e.GROVE_DB_POOL_SIZE,
    dbConnectTimeoutMs: e.GROVE_DB_CONNECT_TIMEOUT_MS,
    rateLimits: {
      anonymous: e.GROVE_RATE_LIMIT_ANONYMOUS,
      credentials: e.GROVE_RATE_LIMIT_CREDENTIALS,
      api: e.GROVE_RATE_LIMIT_API,
      feed: e.GROVE_RATE_LIMIT_FEED,
    },
    metricsToken: e.GROVE_METRICS_TOKEN,
  };
}
