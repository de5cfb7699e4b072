import { asc, eq } from "drizzle-orm";
import { openConfiguredDatabase } from "../server/main.js";
import { users } from "../server/modules/accounts/tables.js";
import type { Principal } from "../server/platform/auth/principal.js";
import { loadConfig } from "../server/platform/config.js";
import type { AppContext } from "../server/platform/context.js";
import { DataDirLockedError } from "../server/platform/data-dir-lock.js";
import { createLogger } from "../server/platform/logger.js";
import { createMailer } from "../server/platform/mail.js";
import { createMetrics } from "../server/platform/metrics.js";
import { GROVE_VERSION } from "../server/platform/version.js";
import { CliError } from "./fail.js";
import { heldByServer } from "./running-server.js";

/**
 * Runs a CLI command against the configured database with the same context the server
 * uses, so a command and its API endpoint share one code path. Mail is queued as jobs
 * and sent by the running server.
 *
 * `readOnly` names a command that only reads (e.g. "grove import participants --dry-run"):
 * when a running server holds the embedded database it is told why it cannot run, and
 * `instead` what to do about it.
 */
export async function withDatabase<T>(
  fn: (ctx: AppContext) => Promise<T>,
  options: { readOnly?: string; instead?: string } = {},
): Promise<T> {
  const config = loadConfig();
  const { database, lock } = await openConfiguredDatabase(config).catch((err) => {
    if (err instanceof DataDirLockedError && options.readOnly) throw heldByServer(config.dataDir, options.readOnly, options.instead);
    throw err;
  });
  try {
    await database.migrate();
    const logger = createLogger(process.env.GROVE_LOG_LEVEL ?? "warn", undefined);
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir, logger });
    return await fn({
      config,
      database,
      db: database.db,
      mailer,
      logger,
      version: GROVE_VERSION,
      startedAt: Date.now(),
      metrics: createMetrics(),
    });
  } finally {
    await database.close();
    lock?.release();
  }
}

/** The person a command acts as: --as EMAIL, or the first instance admin (the operator runs the CLI). */
export async function actingPrincipal(ctx: AppContext, email?: string): Promise<Principal> {
  const [user] = email
    ? await ctx.db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1)
    : await ctx.db.select().from(users).where(eq(users.isAdmin, true)).orderBy(asc(users.createdAt)).limit(1);
  if (!user)
    throw new CliError(
      email ? `There is no account for ${email}.` : "There is no instance admin yet: run `grove admin create` first, or pass --as EMAIL.",
    );
  return { user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin }, via: "token" };
}
