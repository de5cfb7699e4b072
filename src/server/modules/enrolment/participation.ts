import { and, eq } from "drizzle-orm";
import { withdrawProblem } from "../../../core/enrolment/status.js";
import { trainingFor } from "../../../core/enrolment/training.js";
import { isGivingRole } from "../../../core/intake/questions.js";
import { validateAnswers } from "../../../core/intake/validate-answers.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db.js";
import { AppError, badRequest, conflict, notFound } from "../../platform/errors.js";
import { findUserById } from "../accounts/repository.js";
import { findForm, findFormVersion } from "../intake/repository.js";
import { findProgramme } from "../programmes/repository.js";
import { withCanonicalSkills } from "../skills/canonical-answers.js";
import { answerProblems } from "./apply.js";
import {
  capacityFrom,
  completedModules,
  type EnrolmentRow,
  findEnrolmentOfUser,
  setEnrolmentStatus,
  syncMembership,
} from "./repository.js";
import { enrolments, trainingCompletions } from "./tables.js";

/** The caller's own enrolment; someone with none gets 404 (the programme is not theirs to see). */
export async function ownEnrolment(db: Executor, principal: Principal, programmeId: string) {
  const programme = await findProgramme(db, programmeId);
  const enrolment = programme && (await findEnrolmentOfUser(db, programmeId, principal.user.id));
  if (!programme || !enrolment) throw notFound("Your enrolment in that programme");
  return { programme, enrolment };
}

/** What a participant sees of their own enrolment: status, answers with their questions' wording, training. */
export async function presentOwnEnrolment(
  db: Executor,
  programme: { id: string; name: string; slug: string; type: "mentoring" | "coaching" },
  e: EnrolmentRow,
) {
  const currentQuestions = (await findForm(db, programme.id, e.role))?.questions ?? [];
  const questions = (e.formVersion && (await findFormVersion(db, programme.id, e.role, e.formVersion))) || currentQuestions;
  const person = await findUserById(db, e.userId);
  const done = new Set(await completedModules(db, e.id));
  const modules = trainingFor(e.role).map((m) => ({ ...m, completed: done.has(m.key) }));
  return {
    id: e.id,
    programme: { id: programme.id, name: programme.name, slug: programme.slug, type: programme.type },
    role: e.role,
    status: e.status,
    name: person.name,
    email: person.email,
    source: e.source,
    declineReason: e.declineReason,
    answers: e.answers,
    questions,
    currentQuestions,
    formVersion: e.formVersion,
    capacity: e.capacity,
    paused: e.paused,
    appliedAt: e.appliedAt?.toISOString() ?? null,
    training: { modules, completed: modules.filter((m) => m.completed).length, total: modules.length },
  };
}

export async function withdraw(ctx: AppContext, principal: Principal, programmeId: string) {
  const { enrolment } = await ownEnrolment(ctx.db, principal, programmeId);
  const problem = withdrawProblem(enrolment.status);
  if (problem) throw conflict("cannot_withdraw", problem);
  return ctx.db.transaction((tx) => setEnrolmentStatus(tx, enrolment.id, { status: "withdrawn" }));
}

/**
 * A participant updates their answers (validated against the current form) or, on the
 * giving side, their capacity and whether they are paused.
 */
export async function updateOwnEnrolment(
  ctx: AppContext,
  principal: Principal,
  programmeId: string,
  changes: { answers?: Record<string, unknown>; capacity?: number; paused?: boolean },
) {
  const { programme, enrolment } = await ownEnrolment(ctx.db, principal, programmeId);
  if (enrolment.status === "declined" || enrolment.status === "withdrawn") {
    throw conflict("enrolment_closed", `Your enrolment is ${enrolment.status}; there is nothing to update.`);
  }
  if ((changes.capacity !== undefined || changes.paused !== undefined) && !isGivingRole(enrolment.role)) {
    throw badRequest("validation_failed", "Only mentors and coaches have a capacity or can pause.");
  }
  let answers = enrolment.answers;
  let formVersion = enrolment.formVersion;
  if (changes.answers) {
    const form = await findForm(ctx.db, programme.id, enrolment.role);
    if (!form) throw notFound("That form");
    const result = validateAnswers(form, changes.answers);
    if (result.problems.length) throw answerProblems(result.problems);
    answers = await withCanonicalSkills(ctx.db, result.answers);
    formVersion = form.version;
  }
  if (changes.capacity !== undefined) answers = { ...answers, capacity: changes.capacity };
  const [row] = await ctx.db
    .update(enrolments)
    .set({ answers, formVersion, capacity: capacityFrom(answers), paused: changes.paused ?? enrolment.paused, updatedAt: new Date() })
    .where(eq(enrolments.id, enrolment.id))
    .returning();
  await syncMembership(ctx.db, row);
  return { programme, enrolment: row };
}

/** Your enrolment and one of its onboarding modules: an unknown module is 404 whether you complete or undo it. */
async function ownTrainingModule(ctx: AppContext, principal: Principal, programmeId: string, moduleKey: string) {
  const { programme, enrolment } = await ownEnrolment(ctx.db, principal, programmeId);
  if (!trainingFor(enrolment.role).some((m) => m.key === moduleKey)) {
    throw new AppError(404, "not_found", `There is no onboarding module "${moduleKey}" for ${enrolment.role}s.`);
  }
  if (enrolment.status === "declined" || enrolment.status === "withdrawn")
    throw conflict("enrolment_closed", `Your enrolment is ${enrolment.status}.`);
  return { programme, enrolment };
}

export async function completeTrainingModule(ctx: AppContext, principal: Principal, programmeId: string, moduleKey: string) {
  const { programme, enrolment } = await ownTrainingModule(ctx, principal, programmeId, moduleKey);
  await ctx.db.insert(trainingCompletions).values({ enrolmentId: enrolment.id, moduleKey }).onConflictDoNothing();
  return presentOwnEnrolment(ctx.db, programme, enrolment);
}

export async function resetTrainingModule(ctx: AppContext, principal: Principal, programmeId: string, moduleKey: string) {
  const { programme, enrolment } = await ownTrainingModule(ctx, principal, programmeId, moduleKey);
  await ctx.db
    .delete(trainingCompletions)
    .where(and(eq(trainingCompletions.enrolmentId, enrolment.id), eq(trainingCompletions.moduleKey, moduleKey)));
  return presentOwnEnrolment(ctx.db, programme, enrolment);
}
