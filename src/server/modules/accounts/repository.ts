import { and, count, desc, eq, gt, ilike, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { KNOWN_ADDRESS_DAYS, type SignInFailures, type SignInLimits } from "../../../core/auth/sign-in-throttle.js";
import { type Executor, escapeLike } from "../../platform/db.js";
import { apiTokens, authSessions, passwordResets, signInAddresses, signInFailures, users } from "./tables.js";

export type UserRow = typeof users.$inferSelect;

export const findUserByEmail = async (db: Executor, email: string) =>
  (await db.select().from(users).where(eq(users.email, email)).limit(1))[0];

export const findUserById = async (db: Executor, id: string) => (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];

export async function countUsers(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row.n);
}

export async function insertUser(db: Executor, values: { email: string; name: string; passwordHash: string | null; isAdmin: boolean }) {
  const [row] = await db.insert(users).values(values).returning();
  return row;
}

export async function listUsers(db: Executor, q: string | undefined, limit: number, offset: number) {
  const where = q ? or(ilike(users.email, `%${escapeLike(q)}%`), ilike(users.name, `%${escapeLike(q)}%`)) : undefined;
  const [items, [{ n }]] = await Promise.all([
    db.select().from(users).where(where).orderBy(users.email).limit(limit).offset(offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items, total: Number(n) };
}

export async function setPasswordHash(db: Executor, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

// --- browser sessions -------------------------------------------------------------

export async function insertSession(
  db: Executor,
  values: { userId: string; tokenHash: string; csrfToken: string; expiresAt: Date; userAgent?: string },
) {
  const [row] = await db.insert(authSessions).values(values).returning();
  return row;
}

export async function findLiveSession(db: Executor, tokenHash: string) {
  const rows = await db
    .select({ session: authSessions, user: users })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.tokenHash, tokenHash), gt(authSessions.expiresAt, sql`now()`)))
    .limit(1);
  return rows[0];
}

export async function touchSession(db: Executor, id: string) {
  await db.update(authSessions).set({ lastSeenAt: sql`now()` }).where(eq(authSessions.id, id));
}

export const deleteSession = (db: Executor, id: string) => db.delete(authSessions).where(eq(authSessions.id, id));
export const deleteSessionsOfUser = (db: Executor, userId: string) => db.delete(authSessions).where(eq(authSessions.userId, userId));

// --- personal API tokens ------------------------------------------------------------

export async function insertApiToken(
  db: Executor,
  values: { userId: string; name: string; prefix: string; tokenHash: string; expiresAt: Date | null },
) {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row;
}

export const listApiTokens = (db: Executor, userId: string) =>
  db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));

export async function revokeApiToken(db: Executor, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function findLiveApiToken(db: Executor, tokenHash: string) {
  const rows = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function touchApiToken(db: Executor, id: string) {
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, id));
}

// --- password resets --------------------------------------------------------------

export async function insertPasswordReset(db: Executor, values: { userId: string; tokenHash: string; expiresAt: Date }) {
  await db.insert(passwordResets).values(values);
}

/** Reset links made for this account in the last hour, used or not. */
export async function countRecentResets(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, userId), gt(passwordResets.createdAt, sql`now() - interval '1 hour'`)));
  return Number(row.n);
}

/** Whose live (unused, unexpired) reset link this is. */
export async function findLiveResetOwner(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ email: users.email, name: users.name })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`)))
    .limit(1);
  return row;
}

/** Marks a live reset used and returns its user; undefined when unknown, used or expired. */
export async function consumePasswordReset(db: Executor, tokenHash: string): Promise<string | undefined> {
  const rows = await db
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`)))
    .returning({ userId: passwordResets.userId });
  return rows[0]?.userId;
}

// --- sign-in failures -------------------------------------------------------------

export async function recordSignInFailure(db: Executor, email: string, ip: string) {
  await db.insert(signInFailures).values({ email, ip });
}

/**
 * The newest failures in each window the throttle judges (only as many as its limit),
 * and whether this address is one the account signed in from lately.
 */
export async function signInFailuresFor(db: Executor, email: string, ip: string, limits: SignInLimits): Promise<SignInFailures> {
  const newest = async (where: SQL | undefined, limit: { failures: number; windowSeconds: number }) =>
    (
      await db
        .select({ at: signInFailures.at })
        .from(signInFailures)
        .where(and(where, gt(signInFailures.at, sql`now() - ${limit.windowSeconds} * interval '1 second'`)))
        .orderBy(desc(signInFailures.at))
        .limit(limit.failures)
    ).map((r) => r.at);
  const [known] = await db
    .select({ ip: signInAddresses.ip })
    .from(signInAddresses)
    .where(
      and(
        eq(signInAddresses.email, email),
        eq(signInAddresses.ip, ip),
        gt(signInAddresses.lastSuccessAt, sql`now() - ${KNOWN_ADDRESS_DAYS} * interval '1 day'`),
      ),
    )
    .limit(1);
  return {
    pair: await newest(and(eq(signInFailures.email, email), eq(signInFailures.ip, ip)), limits.pair),
    address: await newest(eq(signInFailures.ip, ip), limits.address),
    account: await newest(eq(signInFailures.email, email), limits.account),
    knownAddress: Boolean(known),
  };
}

/**
 * A good password from this address: its own failures are forgiven and the address
 * becomes a usual one. Failures from elsewhere stay counted, so a stranger's guessing
 * is not reset by the owner signing in.
 */
export async function recordSignInSuccess(db: Executor, email: string, ip: string) {
  await db.delete(signInFailures).where(and(eq(signInFailures.email, email), eq(signInFailures.ip, ip)));
  await db
    .insert(signInAddresses)
    .values({ email, ip })
    .onConflictDoUpdate({ target: [signInAddresses.email, signInAddresses.ip], set: { lastSuccessAt: sql`now()` } });
}

/** After a password reset nobody's earlier guesses count against the account. */
export const clearFailuresForAccount = (db: Executor, email: string) => db.delete(signInFailures).where(eq(signInFailures.email, email));

/** Housekeeping: drop what can no longer be used. */
export async function pruneExpired(db: Executor) {
  await db.delete(authSessions).where(lt(authSessions.expiresAt, sql`now()`));
  await db.delete(passwordResets).where(lt(passwordResets.expiresAt, sql`now() - interval '1 day'`));
  await db.delete(signInFailures).where(lt(signInFailures.at, sql`now() - interval '1 day'`));
  await db.delete(signInAddresses).where(lt(signInAddresses.lastSuccessAt, sql`now() - ${KNOWN_ADDRESS_DAYS} * interval '1 day'`));
}
