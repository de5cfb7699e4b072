import { ConfigError } from "../server/platform/config.js";
import { DataDirLockedError } from "../server/platform/data-dir-lock.js";
import { isUniqueViolation } from "../server/platform/db.js";
import { AppError } from "../server/platform/errors.js";

/** A refusal the person can act on: printed as a plain message, never with a stack. */
export class CliError extends Error {}

/** Prints an expected failure as a plain message (no stack) and sets a non-zero exit code. */
export function reportFailure(err: unknown): void {
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof CliError) {
    console.error(err.message);
  } else if (err instanceof AppError) {
    console.error(`grove: ${err.message}`);
  } else if (isUniqueViolation(err)) {
    console.error("grove: that already exists (a unique value is taken).");
  } else {
    console.error(err);
  }
  process.exitCode = 1;
}
