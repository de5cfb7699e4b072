import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { Database, Db } from "./db.js";
import type { Mailer } from "./mail.js";
import type { Metrics } from "./metrics.js";

/** What every module needs from the platform, passed explicitly (no globals). */
export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  mailer: Mailer;
  logger: Logger;
  version: string;
  startedAt: number;
  /** This process's Prometheus registry (served on /metrics when GROVE_METRICS_TOKEN is set); buildApp makes one if missing. */
  metrics?: Metrics;
};
