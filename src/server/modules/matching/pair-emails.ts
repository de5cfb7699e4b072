import type { AppContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db.js";
import { enqueue } from "../../platform/jobs/queue.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import type { RelationshipRow } from "../relationships/create-pair.js";
import { newPairEmail } from "./emails.js";
import { rolesOf } from "./pool.js";

type Who = { email: string; name: string };

export const pairLink = (ctx: AppContext, relationshipId: string) => `${ctx.config.baseUrl}/pairs/${relationshipId}`;

/** Queues the two "your match" emails of a new pair inside the caller's transaction: they exist exactly when the pair does. */
export async function enqueueNewPairEmails(
  db: Executor,
  ctx: AppContext,
  programme: Pick<ProgrammeRow, "name" | "type">,
  pair: Pick<RelationshipRow, "id" | "status">,
  people: { mentee: Who; mentor: Who },
  reasons: string[],
) {
  const common = {
    roles: rolesOf(programme),
    programme: programme.name,
    link: pairLink(ctx, pair.id),
    reasons,
    twoSided: pair.status === "proposed",
  };
  await enqueue(db, "mail.send", newPairEmail(people.mentee, people.mentor, { ...common, side: "receiver" }));
  await enqueue(db, "mail.send", newPairEmail(people.mentor, people.mentee, { ...common, side: "giver" }));
}
