import fs from "node:fs";
import path from "node:path";
import { CliError } from "./fail.js";

/** Who holds the embedded database, from its lock file: "pid 123, started …", or undefined. */
export function lockHolder(dataDir: string): string | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(dataDir, "grove.lock"), "utf8")) as { pid?: number; startedAt?: string };
    return owner.pid ? `pid ${owner.pid}${owner.startedAt ? `, started ${owner.startedAt}` : ""}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why a command that only reads cannot run while a server holds the embedded database, and
 * what to do instead. `instead` names the way round for this command, when there is one.
 */
export function heldByServer(dataDir: string, command: string, instead?: string): CliError {
  const holder = lockHolder(dataDir);
  return new CliError(
    [
      `${command} only reads, but the embedded database in ${dataDir} is open in a running Grove server${holder ? ` (${holder})` : ""}.`,
      "The embedded database (PGlite) can be open in one process at a time, so this command cannot read it while that server runs.",
      ...(instead ? [instead] : []),
      "Otherwise stop the server first, or run Grove on PostgreSQL (DATABASE_URL), where commands work beside running servers.",
    ].join("\n"),
  );
}
