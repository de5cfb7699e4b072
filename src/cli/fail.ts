import { ConfigError } from "../server/platform/config.js";
import { DataDirLockedError } from "../server/platform/data-dir-lock.js";

/** Prints an expected failure as a plain message (no stack) and sets a non-zero exit code. */
export function reportFailure(err: unknown): void {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
  } else if (err instanceof Error && "status" in err && "code" in err) {
    console.error(`grove: ${err.message}`);
  } else {
    console.error(err);
  }
  process.exitCode = 1;
}
