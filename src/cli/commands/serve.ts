import { startGrove } from "../../server/main.js";
import { loadConfig } from "../../server/platform/config.js";
import { reportFailure } from "../fail.js";

const FORCED_EXIT_MS = 15_000;

/** `grove serve`: migrate, then serve until SIGINT/SIGTERM, finishing in-flight work first. */
export async function run() {
  try {
    const config = loadConfig();
    const grove = await startGrove(config, { serveWeb: true });
    let signals = 0;
    const shutdown = (signal: string) => {
      signals++;
      if (signals > 1) {
        grove.ctx.logger.warn("second signal: exiting now");
        process.exit(1);
      }
      grove.ctx.logger.info({ signal }, "shutting down: finishing in-flight requests");
      // A hung connection must not keep a stopping server alive for ever.
      setTimeout(() => process.exit(1), FORCED_EXIT_MS).unref();
      grove.close().then(
        () => {
          grove.ctx.logger.info("stopped cleanly");
          process.exit(0);
        },
        (err) => {
          grove.ctx.logger.error({ err }, "error while shutting down");
          process.exit(1);
        },
      );
    };
    process.on("SIGINT", () => shutdown("SIGINT"));
    process.on("SIGTERM", () => shutdown("SIGTERM"));
  } catch (err) {
    reportFailure(err);
  }
}
