import { applyProblem } from "../../../core/enrolment/status.js";
import { type IntakeRole, rolesForProgrammeType } from "../../../core/intake/questions.js";
import { validateAnswers } from "../../../core/intake/validate-answers.js";
import { isAcceptingApplications } from "../../../core/programmes/lifecycle.js";
import { hashNewPassword } from "../../platform/auth/passwords.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { isUniqueViolation } from "../../platform/db.js";
import { AppError, badRequest, conflict, notFound } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { findUserByEmail, insertUser } from "../accounts/repository.js";
import { findForm } from "../intake/repository.js";
import { findProgrammeBySlug } from "../programmes/repository.js";
import { withCanonicalSkills } from "../skills/canonical-answers.js";
import { applicationReceivedEmail } from "./emails.js";
import { enrolmentLink } from "./links.js";
import { findEnrolmentOfUser, upsertApplication } from "./repository.js";

export type NewAccount = { email: string; name: string; password: string };

/** A programme people can see at its public link: any published status (not drafts or archived ones). */
export async function findPublicProgramme(ctx: AppContext, slug: string) {
  const programme = await findProgrammeBySlug(ctx.db, slug);
  if (!programme || programme.status === "draft" || programme.status === "archived") throw notFound("That programme");
  return programme;
}

export const answerProblems = (problems: { key: string; message: string }[]) =>
  badRequest("validation_failed", problems.length === 1 ? problems[0].message : `${problems.length} answers need attention.`, {
    issues: problems.map((p) => ({ path: ["answers", p.key], message: p.message })),
  });

/**
 * Applies to a programme through its public link, as a signed-in person or while
 * creating an account. Everything happens in one transaction: no account without its
 * application, no half-written application.
 */
export async function applyToProgramme(
  ctx: AppContext,
  principal: Principal | null,
  slug: string,
  input: { role: IntakeRole; answers: Record<string, unknown>; account?: NewAccount },
) {
  const programme = await findPublicProgramme(ctx, slug);
  if (!isAcceptingApplications(programme, new Date())) {
    throw conflict("applications_closed", "This programme is not taking applications right now.");
  }
  if (!rolesForProgrammeType(programme.type).includes(input.role)) {
    throw badRequest("validation_failed", `Apply as ${rolesForProgrammeType(programme.type).join(" or ")}.`, {
      issues: [{ path: ["role"], message: "Not a role in this programme" }],
    });
  }
  if (!principal && !input.account)
    throw new AppError(401, "unauthenticated", "Sign in, or give your name, email and a password to create an account.");
  if (principal && input.account) throw badRequest("validation_failed", "You are signed in already; leave out the account details.");
  const form = await findForm(ctx.db, programme.id, input.role);
  if (!form) throw notFound("That form");
  const validated = validateAnswers(form, input.answers);
  if (validated.problems.length) throw answerProblems(validated.problems);
  const answers = await withCanonicalSkills(ctx.db, validated.answers);
  const passwordHash = input.account ? await hashNewPassword(input.account.password, input.account, ["account", "password"]) : null;

  try {
    return await ctx.db.transaction(async (tx) => {
      let user = principal?.user;
      if (input.account) {
        if (await findUserByEmail(tx, input.account.email)) {
          throw conflict("email_taken", "An account with this email already exists. Sign in first, then apply.", {
            issues: [{ path: ["account", "email"], message: "Already has an account: sign in" }],
          });
        }
        user = await insertUser(tx, { email: input.account.email, name: input.account.name, passwordHash, isAdmin: false });
      }
      if (!user) throw new AppError(401, "unauthenticated", "Sign in to apply.");
      const existing = await findEnrolmentOfUser(tx, programme.id, user.id);
      const problem = applyProblem(existing?.status);
      if (problem) throw conflict(existing?.status === "declined" ? "application_declined" : "already_applied", problem);
      const enrolment = await upsertApplication(tx, {
        programmeId: programme.id,
        userId: user.id,
        role: input.role,
        status: "applied",
        source: "application",
        answers,
        formVersion: form.version,
      });
      await enqueue(tx, "mail.send", applicationReceivedEmail(user, { programme: programme.name, link: enrolmentLink(ctx, programme.id) }));
      return { programme, enrolment, userId: user.id, createdAccount: Boolean(input.account) };
    });
  } catch (err) {
    // Two submissions at the same moment: the unique (programme, person) index keeps one.
    if (isUniqueViolation(err)) throw conflict("already_applied", "You have already applied to this programme.");
    throw err;
  }
}
