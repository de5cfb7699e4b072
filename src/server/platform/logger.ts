import pino, { type Logger } from "pino";

/**
 * Structured JSON logs. Credentials never reach a log line: cookies, authorization
 * headers and anything password- or token-shaped are redacted.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "grove" },
      redact: {
        paths: [
          "req.headers.cookie",
          "req.headers.authorization",
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          "*.password",
          "*.token",
          "*.newPassword",
          "*.currentPassword",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}
