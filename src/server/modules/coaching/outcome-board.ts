import { inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Outcome, OutcomeBoard } from "../../../contracts/coaching.js";
import { outcomeResult, PHASES } from "../../../core/coaching/outcomes.js";
import { raterGroupFor } from "../../../core/coaching/roles.js";
import { isWritable } from "../../../core/relationships/status.js";
import type { Executor } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import type { LoadedEngagement } from "./access.js";
import { presentAgreement, stateOf } from "./present.js";
import { asMeasurement, type MeasurementRow, type OutcomeRow, outcomesOf } from "./repository.js";

type WithRole = LoadedEngagement & { role: NonNullable<LoadedEngagement["role"]> };

/**
 * One outcome with its numbers. Coach, coachee and sponsor ratings keep who gave them;
 * stakeholders appear only inside their group's average, never one by one.
 */
export function presentOutcome(
  o: OutcomeRow,
  ms: MeasurementRow[],
  names: Map<string, string>,
  viewer: { role: WithRole["role"]; userId: string },
): z.infer<typeof Outcome> {
  const mine = ms.filter((m) => m.outcomeId === o.id);
  const result = outcomeResult(o, mine.map(asMeasurement));
  const group = viewer.role === "coordinator" ? null : raterGroupFor(viewer.role, o.raters);
  const own = (phase: (typeof PHASES)[number]) => mine.find((m) => m.phase === phase && m.raterUserId === viewer.userId)?.value ?? null;
  return {
    id: o.id,
    position: o.position,
    title: o.title,
    measure: o.measure,
    direction: o.direction,
    raters: o.raters,
    ...result,
    measurements: mine
      .filter((m) => m.raterGroup !== "stakeholders")
      .sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) || a.recordedAt.getTime() - b.recordedAt.getTime())
      .map((m) => ({
        phase: m.phase,
        group: m.raterGroup,
        by: m.raterUserId ? (names.get(m.raterUserId) ?? null) : null,
        value: m.value,
        at: m.recordedAt.toISOString(),
      })),
    mine: { group, baseline: group ? own("baseline") : null, midpoint: group ? own("midpoint") : null, final: group ? own("final") : null },
    version: o.version,
  };
}

export async function raterNames(db: Executor, ms: MeasurementRow[]) {
  const ids = [...new Set(ms.flatMap((m) => (m.raterUserId ? [m.raterUserId] : [])))];
  const rows = ids.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)) : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The outcomes as the coach, coachee or sponsor sees them, with what the viewer may do next. */
export async function readOutcomeBoard(db: Executor, l: WithRole): Promise<z.infer<typeof OutcomeBoard>> {
  const [{ outcomes, measurements }, state] = await Promise.all([outcomesOf(db, [l.engagement.relationshipId]), stateOf(db, l)]);
  const names = await raterNames(db, measurements);
  const writable = isWritable(l.relationship.status, l.relationship.continuing);
  const agreement = presentAgreement(l.engagement);
  const agreedByMe =
    l.role === "coach"
      ? agreement.coach
      : l.role === "coachee"
        ? agreement.coachee
        : l.role === "sponsor"
          ? agreement.sponsor === true
          : true;
  return {
    engagementId: l.engagement.relationshipId,
    stage: state.stage,
    myRole: l.role,
    agreement,
    canDefine: writable && l.role === "coach" && !l.engagement.agreedAt,
    canAgree: writable && l.role !== "coordinator" && !l.engagement.agreedAt && !agreedByMe,
    outcomes: outcomes.map((o) => presentOutcome(o, measurements, names, l)),
    maxOutcomes: 5,
  };
}
