import { and, eq, gt, isNull } from "drizzle-orm";
import type { IntakeRole } from "../../../core/intake/questions.js";
import { validateAnswers } from "../../../core/intake/validate-answers.js";
import { rulesFor } from "../../../core/programme-modes.js";
import { hashNewPassword } from "../../platform/auth/passwords.js";
import type { Principal } from "../../platform/auth/principal.js";
import { hashSecret, newSecret } from "../../platform/auth/secrets.js";
import type { AppContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db.js";
import { AppError, badRequest, conflict } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { findUserByEmail, insertUser, setPasswordHash } from "../accounts/repository.js";
import { findForm } from "../intake/repository.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { findProgramme } from "../programmes/repository.js";
import { withCanonicalSkills } from "../skills/canonical-answers.js";
import { answerProblems, type NewAccount } from "./apply.js";
import { invitationEmail } from "./emails.js";
import { findEnrolmentOfUser, syncMembership, upsertApplication } from "./repository.js";
import { invitations } from "./tables.js";

export const INVITATION_DAYS = 14;

/**
 * Participants join before matching. A sponsor joins when an engagement needs one, which
 * may be while the programme runs.
 */
const invitable = (status: string, role: IntakeRole) =>
  status === "draft" || status === "open" || status === "matching" || (role === "sponsor" && status === "running");

/** Emails one-time invitation links. An address already enrolled is skipped and reported. */
export async function inviteParticipants(ctx: AppContext, principal: Principal, programmeId: string, emails: string[], role: IntakeRole) {
  const { programme } = await loadProgrammeFor(ctx.db, principal, programmeId, "manage");
  const roles = rulesFor(programme.type).roles.invitable;
  if (!roles.includes(role)) {
    throw badRequest("validation_failed", `Invite people as ${roles.join(" or ")}.`);
  }
  if (!invitable(programme.status, role))
    throw conflict("programme_closed", `A ${programme.status} programme does not take new participants.`);
  const unique = [...new Set(emails)];
  const invited: string[] = [];
  const skipped: { email: string; reason: string }[] = [];
  await ctx.db.transaction(async (tx) => {
    for (const email of unique) {
      const user = await findUserByEmail(tx, email);
      const enrolment = user && (await findEnrolmentOfUser(tx, programme.id, user.id));
      if (enrolment && enrolment.status !== "withdrawn") {
        skipped.push({ email, reason: `already ${enrolment.status}` });
        continue;
      }
      await sendInvitation(ctx, tx, { programme, email, role, inviter: principal.user });
      invited.push(email);
    }
  });
  return { invited, skipped };
}

/**
 * One invitation inside the caller's transaction: the link's secret is kept only as a
 * hash, and the email goes out when the transaction commits. A coaching engagement that
 * names a sponsor who has no place yet invites them this way.
 */
export async function sendInvitation(
  ctx: AppContext,
  tx: Executor,
  w: { programme: { id: string; name: string }; email: string; role: IntakeRole; inviter: { id: string; name: string } },
) {
  const token = newSecret();
  await tx.insert(invitations).values({
    programmeId: w.programme.id,
    email: w.email,
    role: w.role,
    tokenHash: hashSecret(token),
    invitedBy: w.inviter.id,
    expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
  });
  const link = `${ctx.config.baseUrl}/invitations/${token}`;
  await enqueue(
    tx,
    "mail.send",
    invitationEmail(
      { email: w.email },
      { programme: w.programme.name, link, role: w.role, inviter: w.inviter.name, expiresDays: INVITATION_DAYS },
    ),
  );
}

/** Whether an address has an invitation to the programme that can still be accepted. */
export async function hasPendingInvitation(db: Executor, programmeId: string, email: string) {
  const [row] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.programmeId, programmeId),
        eq(invitations.email, email),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return Boolean(row);
}

async function liveInvitation(ctx: AppContext, token: string) {
  const [row] = await ctx.db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashSecret(token)))
    .limit(1);
  if (!row) throw new AppError(404, "invitation_not_found", "This invitation link is not valid. Check that you copied all of it.");
  if (row.acceptedAt) throw new AppError(410, "invitation_used", "This invitation was already accepted. Sign in to continue.");
  if (row.expiresAt <= new Date())
    throw new AppError(410, "invitation_expired", "This invitation has expired. Ask the coordinator for a new one.");
  const programme = await findProgramme(ctx.db, row.programmeId);
  if (!programme || !invitable(programme.status, row.role))
    throw new AppError(410, "programme_closed", "This programme no longer takes new participants.");
  return { invitation: row, programme };
}

async function accountState(ctx: AppContext, email: string) {
  const user = await findUserByEmail(ctx.db, email);
  return { hasAccount: Boolean(user), mustSignIn: Boolean(user?.passwordHash) };
}

/** What the invitation page shows before accepting. */
export async function describeInvitation(ctx: AppContext, token: string) {
  const { invitation, programme } = await liveInvitation(ctx, token);
  const form = await findForm(ctx.db, programme.id, invitation.role);
  return {
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt.toISOString(),
    ...(await accountState(ctx, invitation.email)),
    programme: {
      id: programme.id,
      slug: programme.slug,
      name: programme.name,
      type: programme.type,
      description: programme.description,
      termStart: programme.termStart,
      termEnd: programme.termEnd,
    },
    form: { version: form?.version ?? 1, questions: form?.questions ?? [] },
  };
}

/**
 * Accepting an invitation answers the intake form and takes the place: the coordinator
 * chose this person, so there is no further review. The link works once.
 */
export async function acceptInvitation(
  ctx: AppContext,
  principal: Principal | null,
  token: string,
  input: { answers: Record<string, unknown>; account?: Omit<NewAccount, "email"> },
) {
  const { invitation, programme } = await liveInvitation(ctx, token);
  if (principal && principal.user.email !== invitation.email) {
    throw new AppError(
      403,
      "wrong_account",
      `This invitation is for ${invitation.email}. Sign out and open the link again, or sign in as that person.`,
    );
  }
  const existingUser = await findUserByEmail(ctx.db, invitation.email);
  if (!principal && existingUser?.passwordHash)
    throw new AppError(401, "unauthenticated", `Sign in as ${invitation.email} to accept this invitation.`);
  if (!principal && !input.account) throw badRequest("validation_failed", "Choose your name and a password to create your account.");
  const form = await findForm(ctx.db, programme.id, invitation.role);
  const validated = validateAnswers(form ?? { role: invitation.role, version: 1, questions: [] }, input.answers);
  if (validated.problems.length) throw answerProblems(validated.problems);
  const answers = await withCanonicalSkills(ctx.db, validated.answers);
  const passwordHash = input.account
    ? await hashNewPassword(input.account.password, { email: invitation.email, name: input.account.name }, ["account", "password"])
    : null;

  return ctx.db.transaction(async (tx) => {
    // Claiming the invitation first makes a double submission lose cleanly.
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())))
      .returning({ id: invitations.id });
    if (claimed.length === 0) throw new AppError(410, "invitation_used", "This invitation was already accepted. Sign in to continue.");
    let user = principal ? principal.user : existingUser;
    if (!user) {
      user = await insertUser(tx, { email: invitation.email, name: input.account?.name ?? invitation.email, passwordHash, isAdmin: false });
    } else if (!principal && passwordHash) {
      // An account created by an import that never set a password: the invitation sets it.
      await setPasswordHash(tx, user.id, passwordHash);
    }
    const existing = await findEnrolmentOfUser(tx, programme.id, user.id);
    if (existing && existing.status !== "withdrawn" && existing.status !== "invited") {
      throw conflict("already_enrolled", `You are already ${existing.status} in this programme.`);
    }
    const enrolment = await upsertApplication(tx, {
      programmeId: programme.id,
      userId: user.id,
      role: invitation.role,
      status: "approved",
      source: "invitation",
      answers,
      formVersion: form?.version ?? 1,
    });
    await syncMembership(tx, enrolment);
    return { programme, enrolment, userId: user.id };
  });
}
