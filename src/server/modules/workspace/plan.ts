import { count, desc, eq } from "drizzle-orm";
import type { Plan, PlanEdit } from "../../../contracts/workspace.js";
import { rulesFor } from "../../../core/programme-modes.js";
import { EMPTY_PLAN, PLAN_FIELDS, type PlanFields, planChanges, planFieldLabels } from "../../../core/workspace/plan.js";
import type { Db, Executor } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { lockOpenPair, type Pair, type Side } from "./access.js";
import { byline, type PairPeople, pairPeople } from "./people.js";
import { mentoringPlanEdits, mentoringPlans } from "./tables.js";

type PlanRow = typeof mentoringPlans.$inferSelect;

const fieldsOf = (row: PlanRow | undefined): PlanFields =>
  row ? (Object.fromEntries(PLAN_FIELDS.map((f) => [f, row[f]])) as PlanFields) : { ...EMPTY_PLAN };

const sideOfUser = (pair: Pair, userId: string | null): Side | null =>
  userId === pair.relationship.menteeUserId ? "mentee" : userId === pair.relationship.mentorUserId ? "mentor" : null;

function presentPlan(pair: Pair, people: PairPeople, row: PlanRow | undefined): Plan {
  return {
    ...fieldsOf(row),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row ? byline(people, sideOfUser(pair, row.updatedBy)) : null,
    mentorAcknowledgedAt: row?.mentorAcknowledgedAt?.toISOString() ?? null,
    menteeAcknowledgedAt: row?.menteeAcknowledgedAt?.toISOString() ?? null,
  };
}

export const findPlan = async (db: Executor, relationshipId: string) =>
  (await db.select().from(mentoringPlans).where(eq(mentoringPlans.relationshipId, relationshipId)))[0];

export async function readPlan(db: Executor, pair: Pair): Promise<Plan> {
  return presentPlan(pair, await pairPeople(db, pair.relationship), await findPlan(db, pair.relationship.id));
}

const stale = (current: Plan) =>
  conflict("version_conflict", "Your partner changed the plan while you were editing. Review their changes, then make yours again.", {
    currentVersion: current.version,
    current,
  });

/**
 * Either person edits the plan. Each real change is kept as a history entry (field by field)
 * and clears both acknowledgements: agreeing to one version is not agreeing to the next.
 */
export async function editPlan(db: Db, pair: Pair, edit: PlanEdit, now = new Date()): Promise<Plan> {
  const { version, ...fields } = edit;
  return db.transaction(async (tx) => {
    await lockOpenPair(tx, pair.relationship.id);
    const people = await pairPeople(tx, pair.relationship);
    const row = await findPlan(tx, pair.relationship.id);
    if ((row?.version ?? 0) !== version) throw stale(presentPlan(pair, people, row));
    const changes = planChanges(fieldsOf(row), fields);
    if (changes.length === 0) return presentPlan(pair, people, row);
    const next = { ...fieldsOf(row), ...Object.fromEntries(changes.map((c) => [c.field, c.to])) } as PlanFields;
    const values = {
      ...next,
      version: version + 1,
      updatedBy: pair.userId,
      updatedAt: now,
      mentorAcknowledgedAt: null,
      menteeAcknowledgedAt: null,
    };
    const [saved] = await tx
      .insert(mentoringPlans)
      .values({ relationshipId: pair.relationship.id, ...values })
      .onConflictDoUpdate({ target: mentoringPlans.relationshipId, set: values })
      .returning();
    await tx.insert(mentoringPlanEdits).values({
      relationshipId: pair.relationship.id,
      version: saved.version,
      editedBy: pair.userId,
      editedBySide: pair.side,
      changes,
      editedAt: now,
    });
    return presentPlan(pair, people, saved);
  });
}

/** One person agrees to the version they read; a newer version must be read first. */
export async function acknowledgePlan(db: Db, pair: Pair, version: number, now = new Date()): Promise<Plan> {
  return db.transaction(async (tx) => {
    await lockOpenPair(tx, pair.relationship.id);
    const people = await pairPeople(tx, pair.relationship);
    const row = await findPlan(tx, pair.relationship.id);
    if (!row || row.version !== version) throw stale(presentPlan(pair, people, row));
    const [saved] = await tx
      .update(mentoringPlans)
      .set(pair.side === "mentor" ? { mentorAcknowledgedAt: now } : { menteeAcknowledgedAt: now })
      .where(eq(mentoringPlans.relationshipId, pair.relationship.id))
      .returning();
    return presentPlan(pair, people, saved);
  });
}

export async function planHistory(db: Executor, pair: Pair, page: { limit: number; offset: number }) {
  const where = eq(mentoringPlanEdits.relationshipId, pair.relationship.id);
  const [rows, [{ n }], people] = await Promise.all([
    db.select().from(mentoringPlanEdits).where(where).orderBy(desc(mentoringPlanEdits.version)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(mentoringPlanEdits).where(where),
    pairPeople(db, pair.relationship),
  ]);
  const labels = planFieldLabels(rulesFor(pair.programme.type).words);
  return {
    items: rows.map((e) => ({
      version: e.version,
      editedBy: { name: people[e.editedBySide].name, side: e.editedBySide },
      editedAt: e.editedAt.toISOString(),
      changes: e.changes.map((c) => ({ ...c, label: labels[c.field] })),
    })),
    total: Number(n),
    limit: page.limit,
    offset: page.offset,
  };
}
