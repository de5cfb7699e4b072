import type { Logger } from "pino";
import { buildApp, type GroveApp } from "./app.js";
import type { Config } from "./platform/config.js";
import type { AppContext } from "./platform/context.js";
import { type DataDirLock, lockDataDir } from "./platform/data-dir-lock.js";
import { type Database, openDatabase } from "./platform/db.js";
import { jobHandlers, schedules } from "./platform/jobs/handlers.js";
import { startSchedules } from "./platform/jobs/schedules.js";
import { JobWorker } from "./platform/jobs/worker.js";
import { createLogger } from "./platform/logger.js";
import { createMailer } from "./platform/mail.js";
import { createMetrics } from "./platform/metrics.js";
import { startOperatorSocket } from "./platform/operator-socket.js";
import { GROVE_VERSION } from "./platform/version.js";

export type RunningGrove = { app: GroveApp; ctx: AppContext; url: string; worker?: JobWorker; close(): Promise<void> };

/** Opens the database named by the config, holding the data-dir lock while PGlite is open. */
export async function openConfiguredDatabase(config: Config, logger?: Logger): Promise<{ database: Database; lock?: DataDirLock }> {
  if (config.databaseUrl) {
    const database = await openDatabase({
      driver: "postgres",
      url: config.databaseUrl,
      poolSize: config.dbPoolSize,
      connectTimeoutMs: config.dbConnectTimeoutMs,
      onPoolError: (err) => logger?.error({ err }, "database connection lost (the pool replaces it)"),
    });
    return { database };
  }
  const lock = lockDataDir(config.dataDir);
  try {
    const memory = { sharedBuffers: config.pgliteSharedBuffers };
    return { database: await openDatabase({ driver: "pglite", dataDir: `${config.dataDir}/db`, memory }), lock };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** The one entry: config → data-dir lock → database → migrations → jobs → HTTP. */
export async function startGrove(config: Config, options: { serveWeb?: boolean; logger?: Logger } = {}): Promise<RunningGrove> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const { database, lock } = await openConfiguredDatabase(config, logger);
  let app: GroveApp | undefined;
  try {
    await database.migrate();
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir, logger });
    const ctx: AppContext = {
      config,
      database,
      db: database.db,
      mailer,
      logger,
      version: GROVE_VERSION,
      startedAt: Date.now(),
      metrics: createMetrics(),
    };
    app = await buildApp(ctx, { serveWeb: options.serveWeb });
    const worker = config.jobsEnabled
      ? new JobWorker(database.db, jobHandlers(ctx), logger, config.jobsPollMs, (job, outcome) =>
          ctx.metrics?.jobsFinished.inc({ job, outcome }),
        )
      : undefined;
    const timers = config.jobsEnabled ? startSchedules(database.db, schedules, logger) : undefined;
    const address = await app.listen({ port: config.port, host: config.host });
    worker?.start();
    const url = address.replace("0.0.0.0", "localhost").replace("[::]", "localhost");
    // Lets `grove status` and `grove backup` reach us while we hold the embedded database.
    const operator =
      database.driver === "pglite"
        ? await startOperatorSocket({ dataDir: config.dataDir, database, logger, version: GROVE_VERSION, url, startedAt: ctx.startedAt })
        : undefined;
    logger.info(
      { url, driver: database.driver, dataDir: database.driver === "pglite" ? config.dataDir : undefined },
      `Grove ${GROVE_VERSION} is ready`,
    );
    let closing: Promise<void> | undefined;
    const running = app;
    return {
      app,
      ctx,
      url,
      worker,
      close() {
        closing ??= (async () => {
          timers?.stop();
          await operator?.close();
          await running.close(); // stops accepting, lets in-flight requests finish
          await worker?.stop();
          mailer.close();
          await database.close();
          lock?.release();
        })();
        return closing;
      },
    };
  } catch (err) {
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    lock?.release();
    throw err;
  }
}
