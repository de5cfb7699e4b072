import { eq, sql } from "drizzle-orm";
import type { CohortProgress } from "../../../core/demo/cohort-progress.js";
import { trainingFor } from "../../../core/enrolment/training.js";
import type { Executor } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { syncMembership } from "../enrolment/repository.js";
import { enrolments, trainingCompletions } from "../enrolment/tables.js";

const CHUNK = 1000;
const DAY_MS = 86_400_000;
/** Approved people were approved a couple of days after they applied. */
const DECISION_LAG_DAYS = 2;

const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Turns a freshly imported cohort (everyone approved today) into one a few weeks into
 * enrolment: spread application dates, pending and waitlisted applications that came in
 * through the public link, and onboarding finished by some. Dates, statuses and onboarding
 * are written a thousand rows per statement, so a benchmark of ten thousand people can use
 * it too. Call it inside the import's transaction.
 */
export async function applyCohortProgress(db: Executor, programmeId: string, progress: CohortProgress): Promise<void> {
  const rows = await db
    .select({ id: enrolments.id, userId: enrolments.userId, role: enrolments.role, email: users.email })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(eq(enrolments.programmeId, programmeId));
  const pending = new Set(progress.pending);
  const waitlisted = new Set(progress.waitlisted);
  const statusOf = (email: string) => (pending.has(email) ? "applied" : waitlisted.has(email) ? "waitlisted" : "approved");

  for (const part of chunks(rows)) {
    const values = part.map((r) => sql`(${r.id}::uuid, ${statusOf(r.email)}::text, ${progress.appliedDaysAgo.get(r.email) ?? 0}::int)`);
    // An application still waiting for review has no decision; the others were decided a little after they came in.
    await db.execute(sql`
      update enrolments e set
        status = v.status,
        source = case when v.status = 'approved' then e.source else 'application' end,
        applied_at = now() - make_interval(days => v.days),
        decided_at = case when v.status = 'applied' then null else now() - make_interval(days => greatest(v.days - ${DECISION_LAG_DAYS}, 0)) end,
        decided_by = case when v.status = 'applied' then null else e.decided_by end,
        updated_at = now()
      from (values ${sql.join(values, sql`, `)}) as v(id, status, days)
      where e.id = v.id`);
  }
  // Only approved people hold the mentor or mentee role in the programme.
  for (const r of rows) {
    const status = statusOf(r.email);
    if (status !== "approved") await syncMembership(db, { programmeId, userId: r.userId, role: r.role, status });
  }

  const completions = rows.flatMap((r) => {
    const days = progress.appliedDaysAgo.get(r.email) ?? 0;
    const modules = trainingFor(r.role).slice(0, progress.modulesDone.get(r.email) ?? 0);
    // One module a day, starting the day after approval, never in the future.
    return modules.map((m, i) => ({
      enrolmentId: r.id,
      moduleKey: m.key,
      completedAt: new Date(Date.now() - Math.max(days - DECISION_LAG_DAYS - 1 - i, 0) * DAY_MS),
    }));
  });
  for (const part of chunks(completions)) await db.insert(trainingCompletions).values(part).onConflictDoNothing();
}
