import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db.js";
import { apiTokens, authSessions } from "./tables.js";

/**
 * Everything that lets someone act as this person without the password stops working:
 * every browser session and every API token. Used by "sign out everywhere" and by a
 * password reset — both are how a person takes an account back.
 */
export async function endAllAccess(db: Executor, userId: string) {
  await db.delete(authSessions).where(eq(authSessions.userId, userId));
  await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

/** Every other browser session ends (a new password must shut out whoever knew the old one); this one stays. */
export async function endOtherSessions(db: Executor, userId: string, keepSessionId: string | undefined) {
  await db
    .delete(authSessions)
    .where(keepSessionId ? and(eq(authSessions.userId, userId), ne(authSessions.id, keepSessionId)) : eq(authSessions.userId, userId));
}
