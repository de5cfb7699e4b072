import { and, count, desc, eq, gt, isNotNull, isNull, lte, type SQL } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import { hashSecret, newSecret } from "../../platform/auth/secrets.js";
import type { AppContext } from "../../platform/context.js";
import { conflict, notFound } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { users } from "../accounts/tables.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { invitationEmail } from "./emails.js";
import { INVITATION_DAYS } from "./invitations.js";
import { invitations } from "./tables.js";

export type InvitationState = "pending" | "expired" | "accepted";

const stateFilter = (state: InvitationState | undefined, now: Date): SQL | undefined => {
  if (state === "accepted") return isNotNull(invitations.acceptedAt);
  if (state === "pending") return and(isNull(invitations.acceptedAt), gt(invitations.expiresAt, now));
  if (state === "expired") return and(isNull(invitations.acceptedAt), lte(invitations.expiresAt, now));
  return undefined;
};

const stateOf = (row: { acceptedAt: Date | null; expiresAt: Date }, now: Date): InvitationState =>
  row.acceptedAt ? "accepted" : row.expiresAt <= now ? "expired" : "pending";

/** The invitations a programme has sent, newest first: who, as what, and whether they were used. */
export async function listInvitations(
  ctx: AppContext,
  principal: Principal,
  programmeId: string,
  query: { state?: InvitationState; limit: number; offset: number },
) {
  const { programme } = await loadProgrammeFor(ctx.db, principal, programmeId, "manage");
  const now = new Date();
  const where = and(eq(invitations.programmeId, programme.id), stateFilter(query.state, now));
  const [rows, [{ n }]] = await Promise.all([
    ctx.db
      .select({ invitation: invitations, inviter: users.name })
      .from(invitations)
      .leftJoin(users, eq(users.id, invitations.invitedBy))
      .where(where)
      .orderBy(desc(invitations.createdAt), invitations.email)
      .limit(query.limit)
      .offset(query.offset),
    ctx.db.select({ n: count() }).from(invitations).where(where),
  ]);
  return {
    items: rows.map(({ invitation: i, inviter }) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      state: stateOf(i, now),
      invitedBy: inviter,
      createdAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
      acceptedAt: i.acceptedAt?.toISOString() ?? null,
    })),
    total: Number(n),
    limit: query.limit,
    offset: query.offset,
  };
}

async function unusedInvitation(ctx: AppContext, programmeId: string, invitationId: string) {
  const [row] = await ctx.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.programmeId, programmeId)));
  if (!row) throw notFound("That invitation");
  if (row.acceptedAt) throw conflict("invitation_used", `${row.email} already accepted this invitation.`);
  return row;
}

/**
 * Sends a pending or expired invitation again with a fresh link and a fresh 14 days.
 * The old link stops working: only the newest email is valid.
 */
export async function resendInvitation(ctx: AppContext, principal: Principal, programmeId: string, invitationId: string) {
  const { programme } = await loadProgrammeFor(ctx.db, principal, programmeId, "manage");
  const row = await unusedInvitation(ctx, programme.id, invitationId);
  const token = newSecret();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  await ctx.db.transaction(async (tx) => {
    // Conditional on still unused, so a resend racing an acceptance never revives a used link.
    const updated = await tx
      .update(invitations)
      .set({ tokenHash: hashSecret(token), expiresAt, invitedBy: principal.user.id })
      .where(and(eq(invitations.id, row.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (updated.length === 0) throw conflict("invitation_used", `${row.email} already accepted this invitation.`);
    const link = `${ctx.config.baseUrl}/invitations/${token}`;
    await enqueue(
      tx,
      "mail.send",
      invitationEmail(
        { email: row.email },
        { programme: programme.name, link, role: row.role, inviter: principal.user.name, expiresDays: INVITATION_DAYS },
      ),
    );
  });
  return { ok: true as const };
}

/** Withdraws an unused invitation: its link stops working at once. */
export async function revokeInvitation(ctx: AppContext, principal: Principal, programmeId: string, invitationId: string) {
  const { programme } = await loadProgrammeFor(ctx.db, principal, programmeId, "manage");
  const row = await unusedInvitation(ctx, programme.id, invitationId);
  const deleted = await ctx.db
    .delete(invitations)
    .where(and(eq(invitations.id, row.id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  if (deleted.length === 0) throw conflict("invitation_used", `${row.email} already accepted this invitation.`);
  return { ok: true as const };
}
