import type { z } from "zod";
import type { Engagement, PackageUse } from "../../../contracts/coaching.js";
import { remaining } from "../../../core/coaching/package.js";
import { isWritable } from "../../../core/relationships/status.js";
import type { Executor } from "../../platform/db.js";
import { pairPeople } from "../workspace/people.js";
import { type EngagementRow, type LoadedEngagement, sponsorStatus } from "./access.js";
import { type EngagementState, engagementStates, extensionsOf } from "./repository.js";

export const presentPackageUse = (e: EngagementRow, s: EngagementState): z.infer<typeof PackageUse> => ({
  name: e.packageName,
  sessions: s.allowance.sessions,
  sessionMinutes: e.sessionMinutes,
  used: s.usage.used,
  booked: s.usage.booked,
  remaining: remaining(s.usage, s.allowance),
  startDate: e.startDate,
  endsOn: s.allowance.endsOn,
  referencePrice: e.referencePrice,
  costCentre: e.costCentre,
});

export const presentAgreement = (e: EngagementRow) => ({
  coach: e.coachAgreedAt !== null,
  coachee: e.coacheeAgreedAt !== null,
  sponsor: e.sponsorEmail ? e.sponsorAgreedAt !== null : null,
  agreedAt: e.agreedAt?.toISOString() ?? null,
});

export async function stateOf(db: Executor, l: Pick<LoadedEngagement, "engagement" | "relationship">, now = new Date()) {
  const states = await engagementStates(db, [{ engagement: l.engagement, status: l.relationship.status }], now);
  return states.get(l.engagement.relationshipId) as EngagementState;
}

/** The engagement's frame: package, stage, agreement, counts. No content: every role that may read it gets this. */
export async function presentEngagement(
  db: Executor,
  l: LoadedEngagement & { role: NonNullable<LoadedEngagement["role"]> },
  now = new Date(),
): Promise<z.infer<typeof Engagement>> {
  const [state, people, extensions, sponsor] = await Promise.all([
    stateOf(db, l, now),
    pairPeople(db, l.relationship),
    extensionsOf(db, l.engagement.relationshipId),
    sponsorStatus(db, l.programme.id, l.engagement.sponsorEmail),
  ]);
  return {
    id: l.engagement.relationshipId,
    programme: { id: l.programme.id, name: l.programme.name },
    stage: state.stage,
    closingReason: state.closing,
    myRole: l.role,
    coach: { name: people.mentor.name, email: people.mentor.email, enrolmentId: l.relationship.mentorEnrolmentId },
    coachee: { name: people.mentee.name, email: people.mentee.email, enrolmentId: l.relationship.menteeEnrolmentId },
    sponsor: sponsor ? { name: sponsor.name, email: sponsor.email, joined: sponsor.joined } : null,
    package: presentPackageUse(l.engagement, state),
    extensions: extensions.map(({ extension: x, by }) => ({
      sessions: x.sessions,
      weeks: x.weeks,
      reason: x.reason,
      by,
      at: x.createdAt.toISOString(),
    })),
    agreement: presentAgreement(l.engagement),
    outcomes: state.outcomes,
    completedAt: l.engagement.completedAt?.toISOString() ?? null,
    writable: isWritable(l.relationship.status, l.relationship.continuing),
  };
}
