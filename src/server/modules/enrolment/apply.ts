import { applyProblem } from "../../../core/enrolment/status.js";
import type { Answers, IntakeRole } from "../../../core/intake/questions.js";
import { validateAnswers } from "../../../core/intake/validate-answers.js";
import { rulesFor } from "../../../core/programme-modes.js";
import { isAcceptingApplications } from "../../../core/programmes/lifecycle.js";
import { hashNewPassword } from "../../platform/auth/passwords.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { isUniqueViolation } from "../../platform/db.js";
import { AppError, badRequest, conflict, notFound } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { findUserByEmail, insertUser } from "../accounts/repository.js";
import { findForm } from "../intake/repository.js";
import { findProgramme, findProgrammeBySlug, type ProgrammeRow } from "../programmes/repository.js";
import { withCanonicalSkills } from "../skills/canonical-answers.js";
import { accountExistsEmail, applicationReceivedEmail } from "./emails.js";
import { enrolmentLink } from "./links.js";
import { type EnrolmentRow, findEnrolmentOfUser, upsertApplication } from "./repository.js";

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

type ApplicationInput = { role: IntakeRole; answers: Record<string, unknown>; account?: NewAccount };

/** What every application checks before anyone's account is looked at: the window, the role, the answers. */
async function prepareApplication(ctx: AppContext, slug: string, input: ApplicationInput) {
  const programme = await findPublicProgramme(ctx, slug);
  if (!isAcceptingApplications(programme, new Date())) {
    throw conflict("applications_closed", "This programme is not taking applications right now.");
  }
  const { applicants } = rulesFor(programme.type).roles;
  if (!applicants.includes(input.role)) {
    throw badRequest("validation_failed", `Apply as ${applicants.join(" or ")}.`, {
      issues: [{ path: ["role"], message: "Not a role in this programme" }],
    });
  }
  const form = await findForm(ctx.db, programme.id, input.role);
  if (!form) throw notFound("That form");
  const validated = validateAnswers(form, input.answers);
  if (validated.problems.length) throw answerProblems(validated.problems);
  const answers = await withCanonicalSkills(ctx.db, validated.answers);
  return { programme, form, answers };
}

export type SubmittedApplication =
  | { queued: false; programme: ProgrammeRow; enrolment: EnrolmentRow; userId: string }
  | { queued: true; email: string };

/**
 * Applies to a programme through its public link, as a signed-in person or while
 * creating an account.
 *
 * Signed in: the application is written at once, in one transaction.
 *
 * Not signed in: the answer must not tell whether the email already has an account, so
 * both cases get the same 202 after the same work (validation, one password hash, one
 * queued job). The job creates the account and the application and emails a receipt —
 * or, when the address has an account already, emails its owner to sign in and apply.
 */
export async function applyToProgramme(
  ctx: AppContext,
  principal: Principal | null,
  slug: string,
  input: ApplicationInput,
): Promise<SubmittedApplication> {
  if (!principal && !input.account)
    throw new AppError(401, "unauthenticated", "Sign in, or give your name, email and a password to create an account.");
  if (principal && input.account) throw badRequest("validation_failed", "You are signed in already; leave out the account details.");
  const { programme, form, answers } = await prepareApplication(ctx, slug, input);

  if (input.account) {
    const passwordHash = await hashNewPassword(input.account.password, input.account, ["account", "password"]);
    const payload: AnonymousApplication = {
      programmeId: programme.id,
      role: input.role,
      answers,
      formVersion: form.version,
      account: { email: input.account.email, name: input.account.name, passwordHash },
    };
    await enqueue(ctx.db, "enrolment.anonymous-application", payload);
    return { queued: true, email: input.account.email };
  }

  const user = principal?.user;
  if (!user) throw new AppError(401, "unauthenticated", "Sign in to apply.");
  try {
    return await ctx.db.transaction(async (tx) => {
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
      return { queued: false as const, programme, enrolment, userId: user.id };
    });
  } catch (err) {
    // Two submissions at the same moment: the unique (programme, person) index keeps one.
    if (isUniqueViolation(err)) throw conflict("already_applied", "You have already applied to this programme.");
    throw err;
  }
}

/** The job payload of an application sent without signing in (holds a password hash: cleared once handled). */
export type AnonymousApplication = {
  programmeId: string;
  role: IntakeRole;
  answers: Answers;
  formVersion: number;
  account: { email: string; name: string; passwordHash: string };
};

/**
 * The queued half of an anonymous application. A new address gets its account, the
 * application and a receipt; an address that has an account already gets a note to sign
 * in and apply (nothing is written to that account: whoever sent the form may not own it).
 */
export async function completeAnonymousApplication(ctx: AppContext, a: AnonymousApplication) {
  const programme = await findProgramme(ctx.db, a.programmeId);
  if (!programme) return;
  const link = enrolmentLink(ctx, programme.id);
  try {
    await ctx.db.transaction(async (tx) => {
      const owner = await findUserByEmail(tx, a.account.email);
      if (owner) {
        await enqueue(
          tx,
          "mail.send",
          accountExistsEmail(owner, {
            programme: programme.name,
            link: `${ctx.config.baseUrl}/apply/${programme.slug}`,
            resetLink: `${ctx.config.baseUrl}/forgot-password`,
          }),
        );
        return;
      }
      const user = await insertUser(tx, {
        email: a.account.email,
        name: a.account.name,
        passwordHash: a.account.passwordHash,
        isAdmin: false,
      });
      await upsertApplication(tx, {
        programmeId: programme.id,
        userId: user.id,
        role: a.role,
        status: "applied",
        source: "application",
        answers: a.answers,
        formVersion: a.formVersion,
      });
      await enqueue(tx, "mail.send", applicationReceivedEmail(user, { programme: programme.name, link }, { newAccount: true }));
    });
  } catch (err) {
    // The same address submitted twice at once: the retry finds the account and says so.
    if (isUniqueViolation(err)) throw new Error("an account for this application was created meanwhile; retrying");
    throw err;
  }
  ctx.logger.info({ programmeId: programme.id }, "anonymous application handled");
}
