import { and, eq, inArray, sql } from "drizzle-orm";
import { trainingFor } from "../../../core/enrolment/training.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { users } from "../accounts/tables.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { trainingReminderEmail } from "./emails.js";
import { enrolmentLink } from "./links.js";
import { enrolments, trainingCompletions } from "./tables.js";

/** Emails everyone (or the chosen people) who applied or was approved but has not finished onboarding. */
export async function remindUnfinishedTraining(ctx: AppContext, principal: Principal, programmeId: string, enrolmentIds?: string[]) {
  const { programme } = await loadProgrammeFor(ctx.db, principal, programmeId, "manage");
  if (enrolmentIds?.length === 0) return { reminded: 0 };
  const rows = await ctx.db
    .select({
      email: users.email,
      name: users.name,
      role: enrolments.role,
      done: sql<number>`(select count(*)::int from ${trainingCompletions} tc where tc.enrolment_id = ${enrolments.id})`,
    })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(
      and(
        eq(enrolments.programmeId, programme.id),
        inArray(enrolments.status, ["applied", "approved", "waitlisted"]),
        enrolmentIds ? inArray(enrolments.id, enrolmentIds) : undefined,
      ),
    );
  const unfinished = rows.filter((r) => Number(r.done) < trainingFor(r.role).length);
  await ctx.db.transaction(async (tx) => {
    for (const r of unfinished) {
      const remaining = trainingFor(r.role).length - Number(r.done);
      await enqueue(
        tx,
        "mail.send",
        trainingReminderEmail(r, { programme: programme.name, link: enrolmentLink(ctx, programme.id), remaining }),
      );
    }
  });
  return { reminded: unfinished.length };
}
