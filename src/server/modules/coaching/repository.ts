import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type ClosingRisk, closingUnmeasuredRisk } from "../../../core/coaching/at-risk.js";
import { type Measurement, outcomeResult } from "../../../core/coaching/outcomes.js";
import { type Allowance, allowance, closingReason, type Usage, usageOf } from "../../../core/coaching/package.js";
import { type EngagementStage, engagementStage } from "../../../core/coaching/stage.js";
import type { Executor } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { relationships } from "../relationships/tables.js";
import { pairSessions } from "../workspace/tables.js";
import type { EngagementRow } from "./access.js";
import { coachingEngagements, coachingExtensions, coachingMeasurements, coachingOutcomes } from "./tables.js";

/** Reads several coaching use cases share: an engagement's package use, its outcomes, its stage. */

const todayOf = (now: Date) => now.toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export async function extensionsOf(db: Executor, relationshipId: string) {
  return db
    .select({ extension: coachingExtensions, by: users.name })
    .from(coachingExtensions)
    .leftJoin(users, eq(users.id, coachingExtensions.createdBy))
    .where(eq(coachingExtensions.relationshipId, relationshipId))
    .orderBy(asc(coachingExtensions.createdAt));
}

export type SessionFacts = Usage & { lastSessionAt: Date | null; nextSessionAt: Date | null };

/** Package use of many engagements at once (grouped counts, the core rule applied to them). */
export async function sessionFacts(db: Executor, relationshipIds: string[], now = new Date()): Promise<Map<string, SessionFacts>> {
  const out = new Map<string, SessionFacts>();
  if (relationshipIds.length === 0) return out;
  const rows = await db
    .select({
      id: pairSessions.relationshipId,
      held: sql<number>`count(*) filter (where ${pairSessions.status} = 'held')::int`,
      missed: sql<number>`count(*) filter (where ${pairSessions.status} = 'missed')::int`,
      scheduled: sql<number>`count(*) filter (where ${pairSessions.status} = 'scheduled')::int`,
      late: sql<number>`count(*) filter (where ${pairSessions.status} = 'cancelled' and ${pairSessions.lateCancellation} and ${pairSessions.cancelledBySide} = 'mentee')::int`,
      last: sql<Date | string | null>`max(${pairSessions.startsAt}) filter (where ${pairSessions.status} = 'held')`,
      next: sql<
        Date | string | null
      >`min(${pairSessions.startsAt}) filter (where ${pairSessions.status} = 'scheduled' and ${pairSessions.startsAt} > ${now})`,
    })
    .from(pairSessions)
    .where(inArray(pairSessions.relationshipId, relationshipIds))
    .groupBy(pairSessions.relationshipId);
  const asDate = (v: Date | string | null) => (v === null ? null : new Date(v));
  for (const r of rows) {
    const u = usageOf({
      held: Number(r.held),
      missed: Number(r.missed),
      scheduled: Number(r.scheduled),
      lateCancelledByCoachee: Number(r.late),
    });
    out.set(r.id, { ...u, lastSessionAt: asDate(r.last), nextSessionAt: asDate(r.next) });
  }
  return out;
}

const NO_SESSIONS: SessionFacts = { used: 0, booked: 0, lastSessionAt: null, nextSessionAt: null };

/** Extensions of many engagements, summed. */
export async function extensionTotals(db: Executor, relationshipIds: string[]) {
  const out = new Map<string, { sessions: number; weeks: number; count: number }>();
  if (relationshipIds.length === 0) return out;
  const rows = await db
    .select({
      id: coachingExtensions.relationshipId,
      sessions: sql<number>`sum(${coachingExtensions.sessions})::int`,
      weeks: sql<number>`sum(${coachingExtensions.weeks})::int`,
      count: sql<number>`count(*)::int`,
    })
    .from(coachingExtensions)
    .where(inArray(coachingExtensions.relationshipId, relationshipIds))
    .groupBy(coachingExtensions.relationshipId);
  for (const r of rows) out.set(r.id, { sessions: Number(r.sessions), weeks: Number(r.weeks), count: Number(r.count) });
  return out;
}

export type OutcomeRow = typeof coachingOutcomes.$inferSelect;
export type MeasurementRow = typeof coachingMeasurements.$inferSelect;

export async function outcomesOf(db: Executor, relationshipIds: string[]) {
  if (relationshipIds.length === 0) return { outcomes: [] as OutcomeRow[], measurements: [] as MeasurementRow[] };
  const [outcomes, measurements] = await Promise.all([
    db
      .select()
      .from(coachingOutcomes)
      .where(inArray(coachingOutcomes.relationshipId, relationshipIds))
      .orderBy(asc(coachingOutcomes.position), asc(coachingOutcomes.createdAt)),
    db.select().from(coachingMeasurements).where(inArray(coachingMeasurements.relationshipId, relationshipIds)),
  ]);
  return { outcomes, measurements };
}

export const asMeasurement = (m: MeasurementRow): Measurement => ({ phase: m.phase, group: m.raterGroup, value: m.value });

export type OutcomeCounts = { total: number; withBaseline: number; withFinal: number };

export function outcomeCounts(outcomes: OutcomeRow[], measurements: MeasurementRow[]): Map<string, OutcomeCounts> {
  const out = new Map<string, OutcomeCounts>();
  for (const o of outcomes) {
    const mine = measurements.filter((m) => m.outcomeId === o.id).map(asMeasurement);
    const r = outcomeResult(o, mine);
    const c = out.get(o.relationshipId) ?? { total: 0, withBaseline: 0, withFinal: 0 };
    c.total++;
    if (r.baseline !== null) c.withBaseline++;
    if (r.final !== null) c.withFinal++;
    out.set(o.relationshipId, c);
  }
  return out;
}

export type EngagementState = {
  allowance: Allowance;
  usage: SessionFacts;
  stage: EngagementStage;
  closing: ReturnType<typeof closingReason>;
  outcomes: OutcomeCounts;
  extensions: number;
  risk: ClosingRisk | null;
};

/**
 * Where each engagement stands: its package (extensions added), what it used, its stage,
 * its outcomes' counts and whether it is at risk of closing unmeasured. Counts and dates
 * only, so any view may build on it.
 */
export async function engagementStates(
  db: Executor,
  rows: { engagement: EngagementRow; status: (typeof relationships.$inferSelect)["status"] }[],
  now = new Date(),
): Promise<Map<string, EngagementState>> {
  const ids = rows.map((r) => r.engagement.relationshipId);
  const [facts, exts, { outcomes, measurements }] = await Promise.all([
    sessionFacts(db, ids, now),
    extensionTotals(db, ids),
    outcomesOf(db, ids),
  ]);
  const counts = outcomeCounts(outcomes, measurements);
  const today = todayOf(now);
  const out = new Map<string, EngagementState>();
  for (const { engagement: e, status } of rows) {
    const ext = exts.get(e.relationshipId);
    const a = allowance(e, e.startDate, ext ? [ext] : []);
    const u = facts.get(e.relationshipId) ?? NO_SESSIONS;
    const closing = closingReason(u, a, today);
    const stage = engagementStage({ status, agreed: e.agreedAt !== null, closing });
    const c = counts.get(e.relationshipId) ?? { total: 0, withBaseline: 0, withFinal: 0 };
    const risk = closingUnmeasuredRisk({
      stage,
      sessionsLeft: a.sessions - u.used,
      daysLeft: daysBetween(today, a.endsOn),
      outcomes: c.total,
      finals: c.withFinal,
    });
    out.set(e.relationshipId, { allowance: a, usage: u, stage, closing, outcomes: c, extensions: ext?.count ?? 0, risk });
  }
  return out;
}

export type AtRiskEngagement = {
  engagementId: string;
  programmeId: string;
  coachUserId: string;
  coacheeUserId: string;
  reason: ClosingRisk["reason"];
  unmeasured: number;
  endsOn: string;
};

/**
 * Engagements at risk of closing unmeasured: live, closing or about to (last session, last
 * two weeks), with outcomes missing their final value. For the coordinator's overview and
 * for alerts (the support loop's queue calls this). Ids and counts only: no content.
 */
export async function engagementsAtRiskOfClosingUnmeasured(
  db: Executor,
  scope: { programmeId?: string } = {},
  now = new Date(),
): Promise<AtRiskEngagement[]> {
  const rows = await db
    .select({
      engagement: coachingEngagements,
      status: relationships.status,
      mentor: relationships.mentorUserId,
      mentee: relationships.menteeUserId,
    })
    .from(coachingEngagements)
    .innerJoin(relationships, eq(relationships.id, coachingEngagements.relationshipId))
    .where(
      and(
        inArray(relationships.status, ["active", "paused"]),
        isNull(coachingEngagements.completedAt),
        scope.programmeId ? eq(coachingEngagements.programmeId, scope.programmeId) : undefined,
      ),
    );
  const states = await engagementStates(db, rows, now);
  const out: AtRiskEngagement[] = [];
  for (const r of rows) {
    const s = states.get(r.engagement.relationshipId);
    if (!s?.risk) continue;
    out.push({
      engagementId: r.engagement.relationshipId,
      programmeId: r.engagement.programmeId,
      coachUserId: r.mentor,
      coacheeUserId: r.mentee,
      reason: s.risk.reason,
      unmeasured: s.risk.unmeasured,
      endsOn: s.allowance.endsOn,
    });
  }
  return out.sort((a, b) => a.endsOn.localeCompare(b.endsOn) || a.engagementId.localeCompare(b.engagementId));
}
