import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { Database, Db } from "./db.js";
import type { Mailer } from "./mail.js";

/** What every module needs from the platform, passed explicitly (no globals). */
export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  mailer: Mailer;
  logger: Logger;
  version: string;
  startedAt: number;
};
