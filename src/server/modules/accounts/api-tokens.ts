import { API_TOKEN_PREFIX } from "../../platform/auth/principal.js";
import { hashSecret, newSecret } from "../../platform/auth/secrets.js";
import type { Db } from "../../platform/db.js";
import { notFound } from "../../platform/errors.js";
import { insertApiToken, type listApiTokens, revokeApiToken } from "./repository.js";

type TokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];

export const presentApiToken = (t: TokenRow) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
});

/** Creates a personal API token. The secret is returned once; only its hash is kept. */
export async function createApiToken(db: Db, userId: string, input: { name: string; expiresInDays?: number }) {
  const token = newSecret(API_TOKEN_PREFIX);
  const row = await insertApiToken(db, {
    userId,
    name: input.name,
    prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
    tokenHash: hashSecret(token),
    expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
  });
  return { ...presentApiToken(row), token };
}

export async function revokeOwnApiToken(db: Db, userId: string, id: string) {
  if (!(await revokeApiToken(db, userId, id))) throw notFound("That API token");
}
