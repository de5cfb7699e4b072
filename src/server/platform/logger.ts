import pino, { type Logger } from "pino";
import { serializeError } from "./safe-errors.js";

type LoggedRequest = { method?: string; url?: string; host?: string; ip?: string };

/**
 * Secrets that travel in a path — invitation, calendar-feed and unsubscribe links — are
 * cut from the logged URL. The query string is dropped too: one-time links may carry theirs there.
 */
export function redactUrl(url: string): string {
  return url
    .split("?")[0]
    .split("/")
    .map((segment) => (looksSecret(segment) ? "[redacted]" : segment))
    .join("/");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Random base64url tokens are long and mixed-case; ids are UUIDs and slugs are lower
 * case, so neither is mistaken for one.
 */
const looksSecret = (segment: string) =>
  segment.length >= 20 && /^[A-Za-z0-9_.-]+$/.test(segment) && /[A-Z]/.test(segment) && !UUID.test(segment);

const serializeRequest = (req: LoggedRequest) => ({
  method: req.method,
  url: req.url === undefined ? undefined : redactUrl(req.url),
  host: req.host,
  remoteAddress: req.ip,
});

/**
 * Structured JSON logs. Credentials never reach a log line: cookies, authorization
 * headers and anything password- or token-shaped are redacted, and database errors
 * are logged without the values of the statement that failed.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "grove" },
      serializers: { req: serializeRequest, err: serializeError },
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
