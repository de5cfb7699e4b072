import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { EnrolmentStatus } from "../../../core/enrolment/status.js";
import { trainingFor } from "../../../core/enrolment/training.js";
import type { IntakeRole } from "../../../core/intake/questions.js";
import { type Executor, escapeLike } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { enrolments, trainingCompletions } from "./tables.js";

export type DirectoryQuery = {
  q?: string;
  role?: IntakeRole;
  status?: EnrolmentStatus;
  skill?: string;
  timezone?: string;
  training?: "done" | "not_done";
  paused?: boolean;
  sort: "name" | "email" | "applied" | "status" | "role" | "experience";
  order: "asc" | "desc";
  limit: number;
  offset: number;
};

// Every role has the same number of onboarding modules; read it from the data, not a constant.
const MODULES = trainingFor("mentee").length;

/**
 * Completed modules per enrolment of the programme, counted once and joined by key: a
 * correlated count per row is costed so high that the planner can no longer tell a good
 * join order from a quadratic one.
 */
const trainingCounts = (programmeId: string) =>
  sql`(select tc.enrolment_id, count(*)::int as done from ${trainingCompletions} tc join ${enrolments} e2 on e2.id = tc.enrolment_id where e2.programme_id = ${programmeId} group by tc.enrolment_id) as trained`;
const trainingDone = sql<number>`(select count(*) from ${trainingCompletions} tc where tc.enrolment_id = ${enrolments.id})`;
const trainedCount = sql<number>`coalesce(trained.done, 0)`;
const trainedOn = sql`trained.enrolment_id = ${enrolments.id}`;

function where(programmeId: string, f: DirectoryQuery): SQL | undefined {
  return and(
    eq(enrolments.programmeId, programmeId),
    f.role ? eq(enrolments.role, f.role) : undefined,
    f.status ? eq(enrolments.status, f.status) : undefined,
    f.paused === undefined ? undefined : eq(enrolments.paused, f.paused),
    f.q ? or(ilike(users.name, `%${escapeLike(f.q)}%`), ilike(users.email, `%${escapeLike(f.q)}%`)) : undefined,
    f.skill
      ? sql`exists (select 1 from jsonb_array_elements(case when jsonb_typeof(${enrolments.answers}->'skills') = 'array' then ${enrolments.answers}->'skills' else '[]'::jsonb end) s where lower(s->>'name') = lower(${f.skill}))`
      : undefined,
    f.timezone
      ? f.timezone.endsWith("/")
        ? ilike(sql`${enrolments.answers}->>'timezone'`, `${escapeLike(f.timezone)}%`)
        : eq(sql`${enrolments.answers}->>'timezone'`, f.timezone)
      : undefined,
    f.training === "done" ? sql`${trainedCount} >= ${MODULES}` : f.training === "not_done" ? sql`${trainedCount} < ${MODULES}` : undefined,
  );
}

const SORTS = {
  // Case-insensitive, so "Ivy" sorts among "amara" and "bo" whatever the database collation.
  name: sql`lower(${users.name})`,
  email: users.email,
  applied: enrolments.appliedAt,
  status: enrolments.status,
  role: enrolments.role,
  experience: sql`(${enrolments.answers}->>'years_experience')::int`,
} as const;

/** The coordinator's participant directory: filtered, sorted (stable: ties by email), paginated. */
export async function listDirectory(db: Executor, programmeId: string, f: DirectoryQuery) {
  const condition = where(programmeId, f);
  const sortColumn = SORTS[f.sort];
  // The per-enrolment counts are joined only when the training filter needs them.
  const withTraining = <T extends { leftJoin: (t: SQL, on: SQL) => T }>(q: T) =>
    f.training ? q.leftJoin(trainingCounts(programmeId), trainedOn) : q;
  const rows = await withTraining(
    db
      .select({
        id: enrolments.id,
        userId: enrolments.userId,
        name: users.name,
        email: users.email,
        role: enrolments.role,
        status: enrolments.status,
        source: enrolments.source,
        answers: enrolments.answers,
        capacity: enrolments.capacity,
        paused: enrolments.paused,
        appliedAt: enrolments.appliedAt,
        trainingCompleted: trainingDone,
      })
      .from(enrolments)
      .innerJoin(users, eq(users.id, enrolments.userId))
      .$dynamic(),
  )
    .where(condition)
    .orderBy(
      f.order === "asc" ? sql`${sortColumn} asc nulls last` : sql`${sortColumn} desc nulls last`,
      f.order === "asc" ? asc(users.email) : desc(users.email),
    )
    .limit(f.limit)
    .offset(f.offset);
  const [{ n }] = await withTraining(
    db.select({ n: count() }).from(enrolments).innerJoin(users, eq(users.id, enrolments.userId)).$dynamic(),
  ).where(condition);
  return {
    total: Number(n),
    items: rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      name: r.name,
      email: r.email,
      role: r.role,
      status: r.status,
      source: r.source,
      capacity: r.capacity,
      paused: r.paused,
      appliedAt: r.appliedAt?.toISOString() ?? null,
      timezone: typeof r.answers.timezone === "string" ? r.answers.timezone : null,
      yearsExperience: typeof r.answers.years_experience === "number" ? r.answers.years_experience : null,
      skills: Array.isArray(r.answers.skills) ? (r.answers.skills as { name: string; level: number }[]) : [],
      training: { completed: Number(r.trainingCompleted), total: MODULES },
      answers: r.answers,
    })),
  };
}
