import { type Decision, decisionProblem, decisionTarget } from "../../../core/enrolment/status.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { badRequest, conflict } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { approvedEmail, declinedEmail, waitlistedEmail } from "./emails.js";
import { enrolmentLink } from "./links.js";
import { findEnrolmentsWithPeople, setEnrolmentStatus } from "./repository.js";

/**
 * Approves, declines (with a reason the applicant sees) or waitlists one or many
 * applications. All or nothing: if any of them cannot take the decision, none changes
 * and the answer lists which and why. Each person is emailed the outcome.
 */
export async function decideApplications(
  ctx: AppContext,
  principal: Principal,
  programmeId: string,
  ids: string[],
  decision: Decision,
  reason?: string,
) {
  const { programme } = await loadProgrammeFor(ctx.db, principal, programmeId, "manage");
  if (decision === "decline" && !reason?.trim()) {
    throw badRequest("validation_failed", "Say why, in a sentence the applicant will read.", {
      issues: [{ path: ["reason"], message: "A reason is required to decline" }],
    });
  }
  const unique = [...new Set(ids)];
  return ctx.db.transaction(async (tx) => {
    const rows = await findEnrolmentsWithPeople(tx, programme.id, unique);
    const found = new Set(rows.map((r) => r.enrolment.id));
    const problems = [
      ...unique.filter((id) => !found.has(id)).map((id) => ({ id, message: "Not an application in this programme" })),
      ...rows.flatMap((r) => {
        const problem = decisionProblem(r.enrolment.status, decision);
        return problem ? [{ id: r.enrolment.id, message: `${r.name}: ${problem}` }] : [];
      }),
    ];
    if (problems.length) {
      throw conflict(
        "decision_refused",
        problems.length === 1
          ? problems[0].message
          : `${problems.length} of the selected applications cannot be ${decisionTarget(decision)}.`,
        { problems },
      );
    }
    const where = { programme: programme.name, link: enrolmentLink(ctx, programme.id) };
    for (const { enrolment, email, name } of rows) {
      await setEnrolmentStatus(tx, enrolment.id, {
        status: decisionTarget(decision),
        declineReason: decision === "decline" ? reason?.trim() : null,
        decidedBy: principal.user.id,
        decided: true,
      });
      const who = { email, name };
      const mail =
        decision === "approve"
          ? approvedEmail(who, where)
          : decision === "decline"
            ? declinedEmail(who, where, reason?.trim() ?? "")
            : waitlistedEmail(who, where);
      await enqueue(tx, "mail.send", mail);
    }
    return { decided: rows.length, status: decisionTarget(decision) };
  });
}
