import { and, eq } from "drizzle-orm";
import type { WorkspaceOverview } from "../../../contracts/workspace.js";
import { rulesFor } from "../../../core/programme-modes.js";
import { continuationOpen, continuationOpensOn, phaseOfWeek, suggestedFocus, termPosition } from "../../../core/workspace/term.js";
import type { Executor } from "../../platform/db.js";
import { programmeResources } from "../enrolment/tables.js";
import { presentMyRelationship } from "../relationships/present.js";
import { otherSide, type Pair } from "./access.js";
import { openActionItemCount } from "./action-items.js";
import { nextSession } from "./list-sessions.js";
import { pairPeople } from "./people.js";
import { findPlan } from "./plan.js";
import { recentEvents } from "./relationship-events.js";

/**
 * The workspace's front page: where the term is (week, phase, a suggested focus), this
 * week's resource for the caller's side, the next session, open action items, whether the
 * plan is agreed, and the end-of-term question.
 */
export async function workspaceOverview(db: Executor, pair: Pair, now = new Date()): Promise<WorkspaceOverview> {
  const { relationship: r, programme, side } = pair;
  const today = now.toISOString().slice(0, 10);
  const position = termPosition(programme.termStart, programme.termEnd, today);
  const week = position.state === "running" ? position.week : null;
  const phase = week ? phaseOfWeek(programme.phases, week) : null;
  const [people, plan, next, open, events, resource] = await Promise.all([
    pairPeople(db, r),
    findPlan(db, r.id),
    nextSession(db, pair, now),
    openActionItemCount(db, r.id),
    recentEvents(db, r.id),
    week
      ? db
          .select()
          .from(programmeResources)
          .where(
            and(eq(programmeResources.programmeId, programme.id), eq(programmeResources.week, week), eq(programmeResources.audience, side)),
          )
      : Promise.resolve([]),
  ]);
  const partner = people[otherSide(side)];
  const mineAck = side === "mentor" ? plan?.mentorAcknowledgedAt : plan?.menteeAcknowledgedAt;
  const theirAck = side === "mentor" ? plan?.menteeAcknowledgedAt : plan?.mentorAcknowledgedAt;
  const mineContinues = side === "mentor" ? r.mentorContinues : r.menteeContinues;
  const theirContinues = side === "mentor" ? r.menteeContinues : r.mentorContinues;
  return {
    relationship: presentMyRelationship(r, programme, side, { name: partner.name, email: partner.email }),
    term: {
      start: programme.termStart,
      end: programme.termEnd,
      weeks: position.weeks,
      state: position.state,
      week,
      startsInDays: position.state === "not_started" ? position.startsInDays : null,
      phase: phase ? { name: phase.name, startWeek: phase.startWeek, endWeek: phase.endWeek } : null,
      focus: suggestedFocus(programme.phases, phase),
    },
    resource: resource[0] ? { week: resource[0].week, title: resource[0].title, body: resource[0].body, links: resource[0].links } : null,
    nextSession: next,
    openActionItems: open,
    plan: { version: plan?.version ?? 0, acknowledgedByMe: Boolean(mineAck), acknowledgedByPartner: Boolean(theirAck) },
    continuation: {
      // Coaching has no such question: an engagement ends with its package.
      open: rulesFor(programme.type).continuation && continuationOpen(programme.termEnd, today),
      opensOn: continuationOpensOn(programme.termEnd),
      mine: mineContinues,
      partnerAnswered: theirContinues !== null,
    },
    timeZone: people[side].timeZone,
    endNote: r.status === "ended" ? r.endNote : null,
    endCategory: r.status === "ended" ? r.endCategory : null,
    events,
  };
}
