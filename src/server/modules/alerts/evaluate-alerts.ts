import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { type ExistingAlert, planAlertChanges } from "../../../core/alerts/plan-changes.js";
import { evaluateSignals } from "../../../core/alerts/rules.js";
import type { RelationshipStatus } from "../../../core/relationships/status.js";
import type { AppContext } from "../../platform/context.js";
import { type Executor, queryRows } from "../../platform/db.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";
import { settingsOf } from "../support/settings.js";
import { loadSignalInput } from "./load-signal-input.js";
import { supportAlertEvents, supportAlerts } from "./tables.js";

const CHUNK = 2000;
const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

export type Evaluation = { raised: number; refreshed: number; cleared: number; woke: number; open: number };

/**
 * Turns a programme's signals into its queue: new alerts raised, live ones refreshed,
 * those whose signal is gone resolved with the reason, snoozes that ran out woken. The
 * reading happens first; all writes then go in one transaction, so a crash leaves the queue
 * as it was. Two evaluations at once cannot raise one episode twice: a unique index allows
 * one unresolved alert per key, and the second insert is skipped.
 */
export async function evaluateProgrammeAlerts(
  db: Executor,
  programme: Pick<ProgrammeRow, "id" | "termStart" | "termEnd">,
  now = new Date(),
): Promise<Evaluation> {
  const { settings } = await settingsOf(db, programme);
  const input = await loadSignalInput(db, programme, now);
  const existing: (ExistingAlert & { detail: unknown })[] = await db
    .select({
      detail: supportAlerts.detail,
      id: supportAlerts.id,
      key: supportAlerts.key,
      type: supportAlerts.type,
      relationshipId: supportAlerts.relationshipId,
      state: supportAlerts.state,
      snoozedUntil: supportAlerts.snoozedUntil,
      signalGoneAt: supportAlerts.signalGoneAt,
    })
    .from(supportAlerts)
    .where(and(eq(supportAlerts.programmeId, programme.id), or(ne(supportAlerts.state, "resolved"), isNull(supportAlerts.signalGoneAt))));
  const details = new Map(existing.map((a) => [a.id, JSON.stringify(a.detail)]));
  const signals = evaluateSignals(input, settings, now);
  const status = new Map<string, RelationshipStatus>(input.pairs.map((p) => [p.id, p.status]));
  // Pairs that were declined are left out of the input; the clearing reason still needs their status.
  const missing = existing.flatMap((a) => (a.relationshipId && !status.has(a.relationshipId) ? [a.relationshipId] : []));
  if (missing.length) {
    for (const r of await db
      .select({ id: relationships.id, status: relationships.status })
      .from(relationships)
      .where(inArray(relationships.id, [...new Set(missing)])))
      status.set(r.id, r.status);
  }
  const plan = planAlertChanges(existing, signals, status, settings.lowPulseMax, now);
  const changed = plan.refresh.filter((r) => details.get(r.id) !== JSON.stringify(r.detail));

  let raised = 0;
  await db.transaction(async (tx) => {
    // Thousands of alerts can arrive at once (a programme's first run): one statement per
    // chunk, as JSON, with their "raised" history lines written by the same statement.
    for (const part of chunks(plan.raise)) {
      const rows = part.map((x) => ({
        type: x.type,
        key: x.key,
        relationship_id: x.relationshipId,
        mentee_user_id: x.menteeUserId,
        mentor_user_id: x.mentorUserId,
        detail: x.detail,
      }));
      const [{ n }] = await queryRows<{ n: number }>(
        tx,
        sql`
        with raised as (
          insert into support_alerts (programme_id, type, key, relationship_id, mentee_user_id, mentor_user_id, detail, raised_at, last_seen_at, updated_at)
          select ${programme.id}, v.type, v.key, v.relationship_id, v.mentee_user_id, v.mentor_user_id, v.detail, ${now}, ${now}, ${now}
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            as v(type text, key text, relationship_id uuid, mentee_user_id uuid, mentor_user_id uuid, detail jsonb)
          on conflict do nothing
          returning id),
        events as (insert into support_alert_events (alert_id, kind, at) select id, 'raised', ${now} from raised returning 1)
        select count(*)::int as n from events`,
      );
      raised += Number(n);
    }
    for (const part of chunks(changed)) {
      await tx.execute(sql`
        update support_alerts a set detail = v.detail, last_seen_at = ${now}
        from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as v(id uuid, detail jsonb)
        where a.id = v.id`);
    }
    for (const part of chunks(plan.clear)) {
      await tx.execute(sql`
        update support_alerts a set state = 'resolved', resolution = v.reason, resolved_by = 'signal', resolved_by_user_id = null,
          resolved_at = ${now}, signal_gone_at = ${now}, snoozed_until = null, version = a.version + 1, updated_at = ${now}
        from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as v(id uuid, reason text)
        where a.id = v.id and a.state <> 'resolved'`);
      await tx.insert(supportAlertEvents).values(part.map((c) => ({ alertId: c.id, kind: "cleared" as const, note: c.reason, at: now })));
    }
    if (plan.wake.length) {
      await tx
        .update(supportAlerts)
        .set({ state: "open", snoozedUntil: null, version: sql`${supportAlerts.version} + 1`, updatedAt: now })
        .where(and(inArray(supportAlerts.id, plan.wake), eq(supportAlerts.state, "snoozed")));
      await tx
        .insert(supportAlertEvents)
        .values(plan.wake.map((id) => ({ alertId: id, kind: "woke" as const, note: "The snooze ended.", at: now })));
    }
    if (plan.markGone.length) await tx.update(supportAlerts).set({ signalGoneAt: now }).where(inArray(supportAlerts.id, plan.markGone));
  });
  const open = existing.filter((a) => a.state !== "resolved").length + raised - plan.clear.length;
  return { raised, refreshed: changed.length, cleared: plan.clear.length, woke: plan.wake.length, open };
}

/** Every programme with pairs: the hourly run. One programme failing does not stop the others. */
export async function evaluateAllAlerts(ctx: AppContext, now = new Date()) {
  const list = await ctx.db
    .selectDistinct({ id: programmes.id, termStart: programmes.termStart, termEnd: programmes.termEnd })
    .from(programmes)
    .innerJoin(relationships, eq(relationships.programmeId, programmes.id))
    .where(ne(programmes.status, "archived"));
  const total: Evaluation = { raised: 0, refreshed: 0, cleared: 0, woke: 0, open: 0 };
  for (const p of list) {
    try {
      const e = await evaluateProgrammeAlerts(ctx.db, p, now);
      for (const k of Object.keys(total) as (keyof Evaluation)[]) total[k] += e[k];
    } catch (err) {
      ctx.logger.error({ err, programmeId: p.id }, "alert evaluation failed for a programme");
    }
  }
  ctx.logger.info({ programmes: list.length, ...total }, "alerts evaluated");
  return total;
}

export async function evaluateOneProgramme(ctx: AppContext, programmeId: string, now = new Date()) {
  const [p] = await ctx.db
    .select({ id: programmes.id, termStart: programmes.termStart, termEnd: programmes.termEnd })
    .from(programmes)
    .where(eq(programmes.id, programmeId));
  if (!p) return null;
  const e = await evaluateProgrammeAlerts(ctx.db, p, now);
  ctx.logger.info({ programmeId, ...e }, "alerts evaluated");
  return e;
}
