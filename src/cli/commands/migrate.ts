import { openConfiguredDatabase } from "../../server/main.js";
import { loadConfig } from "../../server/platform/config.js";
import { migrationLevel } from "../../server/platform/db.js";
import { reportFailure } from "../fail.js";

/** `grove migrate`: apply pending migrations and say where the database is now. */
export async function run() {
  try {
    const { database, lock } = await openConfiguredDatabase(loadConfig());
    try {
      await database.migrate();
      const level = await migrationLevel(database.db);
      console.log(`Database is at migration ${level.applied} (${level.latest ?? "none"}) on ${database.driver}.`);
    } finally {
      await database.close();
      lock?.release();
    }
  } catch (err) {
    reportFailure(err);
  }
}
