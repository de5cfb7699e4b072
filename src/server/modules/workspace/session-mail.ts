import type { AppContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db.js";
import { enqueue } from "../../platform/jobs/queue.js";
import type { RelationshipRow } from "../relationships/create-pair.js";
import { otherSide, type Side } from "./access.js";
import { sessionCancelledEmail, sessionInvitationEmail } from "./emails.js";
import { type CalendarSession, sessionCalendar } from "./ical.js";
import { type PairPeople, pairPeople } from "./people.js";
import type { SessionRow } from "./present.js";

export const sessionLink = (baseUrl: string, s: Pick<SessionRow, "relationshipId" | "id">) =>
  `${baseUrl}/pairs/${s.relationshipId}/sessions/${s.id}`;

export const organizerFrom = (mailFrom: string) => {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  return { name: "Grove", email: address.trim() };
};

const forCalendar = (baseUrl: string, s: SessionRow, partnerName: string): CalendarSession => ({
  id: s.id,
  title: s.title,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  location: s.location,
  status: s.status,
  sequence: s.sequence,
  url: sessionLink(baseUrl, s),
  partnerName,
});

/**
 * Emails both people of the pair an iCalendar REQUEST (new or moved sessions) or CANCEL,
 * inside the caller's transaction so mail goes out exactly when the change commits.
 * Each message carries every session the change touched, each with its own stable UID.
 */
export async function mailSessionChange(
  ctx: AppContext,
  tx: Tx,
  r: Pick<RelationshipRow, "programmeId" | "mentorUserId" | "menteeUserId">,
  sessions: SessionRow[],
  change: "scheduled" | "moved" | "cancelled",
  people?: PairPeople,
) {
  if (sessions.length === 0) return;
  const both = people ?? (await pairPeople(tx, r));
  const attendees = [both.mentee, both.mentor].map((p) => ({ name: p.name, email: p.email }));
  const first = sessions[0];
  for (const side of ["mentee", "mentor"] as Side[]) {
    const me = both[side];
    const partner = both[otherSide(side)].name;
    const ics = sessionCalendar({
      method: change === "cancelled" ? "CANCEL" : "REQUEST",
      sessions: sessions.map((s) => forCalendar(ctx.config.baseUrl, s, partner)),
      baseUrl: ctx.config.baseUrl,
      organizer: organizerFrom(ctx.config.mailFrom),
      attendees,
    });
    const facts = { ...first, link: sessionLink(ctx.config.baseUrl, first) };
    const message =
      change === "cancelled"
        ? sessionCancelledEmail(me, partner, facts, ics, sessions.length)
        : sessionInvitationEmail(me, partner, facts, change, ics, sessions.length);
    await enqueue(tx, "mail.send", message);
  }
}

export { forCalendar };
