import { stdSerializers } from "pino";

/**
 * Errors that reach a log line or the jobs table must not carry what was being written.
 * drizzle's query errors put every bound parameter in their message ("params: …"), and
 * PostgreSQL's own `detail` quotes values ("Key (email)=(ada@example.org) already
 * exists"), so a failed write would copy a private note, an email address or a
 * password hash into the log. For database errors we keep only what an operator needs
 * to diagnose: the SQL state, the constraint, table and column names, the server
 * routine, and the stack frames.
 */

type DatabaseErrorFields = {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  routine?: unknown;
  severity?: unknown;
};

export type SafeDatabaseError = {
  type: string;
  message: string;
  sqlState: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  stack?: string;
};

const SQL_STATE = /^[0-9A-Z]{5}$/;

/** The database error behind `err` (drizzle wraps the driver's in `cause`), if there is one. */
function findDatabaseError(err: unknown): (Error & DatabaseErrorFields) | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const e = current as Error & DatabaseErrorFields;
    if (typeof e.code === "string" && SQL_STATE.test(e.code) && (e.severity !== undefined || e.routine !== undefined)) return e;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const isQueryError = (err: unknown) => err instanceof Error && ("params" in err || err.name === "DrizzleQueryError");

const text = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);

/** Stack frames without the message line(s), which would repeat the parameters. */
const framesOnly = (stack: string | undefined) =>
  stack
    ?.split("\n")
    .filter((line) => line.startsWith("    at "))
    .join("\n");

/** A database error described without values; undefined for any other error. */
export function describeDatabaseError(err: unknown): SafeDatabaseError | undefined {
  const db = findDatabaseError(err);
  if (!db && !isQueryError(err)) return undefined;
  const sqlState = text(db?.code) ?? "unknown";
  const constraint = text(db?.constraint);
  return {
    type: (err as Error).name === "Error" ? "DatabaseError" : (err as Error).name,
    message: `database error ${sqlState}${constraint ? ` on ${constraint}` : ""}`,
    sqlState,
    constraint,
    table: text(db?.table),
    column: text(db?.column),
    routine: text(db?.routine),
    stack: framesOnly((err as Error).stack),
  };
}

/** pino's `err` serializer: database errors lose their values, others are logged with addresses masked. */
export function serializeError(err: unknown) {
  const db = describeDatabaseError(err);
  if (db) return db;
  const plain = stdSerializers.err(err as Error);
  return { ...plain, message: plain.message?.replace(EMAIL, "[email]"), stack: plain.stack?.replace(EMAIL, "[email]") };
}

const EMAIL = /[^\s<>()"',;:@]+@[^\s<>()"',;:@]+\.[^\s<>()"',;:@]+/g;

/**
 * A one-line message safe to store or log (e.g. a job's last error). Database errors lose
 * their values; email addresses (an SMTP server quoting the recipient it refused) are masked.
 */
export const safeErrorMessage = (err: unknown): string =>
  describeDatabaseError(err)?.message ?? (err instanceof Error ? err.message : String(err)).replace(EMAIL, "[email]");
