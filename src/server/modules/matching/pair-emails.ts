import type { AppContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db.js";
import { jobs } from "../../platform/jobs/tables.js";
import type { MailMessage } from "../../platform/mail.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import type { RelationshipRow } from "../relationships/create-pair.js";
import { newPairEmail } from "./emails.js";
import { rolesOf } from "./pool.js";

type Who = { email: string; name: string };

export const pairLink = (ctx: AppContext, relationshipId: string) => `${ctx.config.baseUrl}/pairs/${relationshipId}`;

/** The two "your match" emails of a new pair: the mentee's and the mentor's, each in their own terms. */
export function newPairEmails(
  ctx: AppContext,
  programme: Pick<ProgrammeRow, "name" | "type">,
  pair: Pick<RelationshipRow, "id" | "status">,
  people: { mentee: Who; mentor: Who },
  reasons: string[],
): MailMessage[] {
  const common = {
    roles: rolesOf(programme),
    programme: programme.name,
    link: pairLink(ctx, pair.id),
    reasons,
    twoSided: pair.status === "proposed",
  };
  return [
    newPairEmail(people.mentee, people.mentor, { ...common, side: "receiver" }),
    newPairEmail(people.mentor, people.mentee, { ...common, side: "giver" }),
  ];
}

const CHUNK = 500;

/**
 * Queues many emails at once inside the caller's transaction, as enqueue(tx, "mail.send", m)
 * would one by one: a published round of thousands of pairs queues its mail in a few
 * statements instead of one per message. They exist exactly when the transaction commits.
 */
export async function enqueueMail(db: Executor, messages: MailMessage[]) {
  for (let i = 0; i < messages.length; i += CHUNK) {
    await db.insert(jobs).values(messages.slice(i, i + CHUNK).map((payload) => ({ name: "mail.send", payload, maxAttempts: 5 })));
  }
}
