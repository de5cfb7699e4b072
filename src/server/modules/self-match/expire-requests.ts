import { and, eq, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db.js";
import { queryRows } from "../../platform/db.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { sideWords } from "./access.js";
import { requestExpiredEmail, requestLapsedEmail } from "./emails.js";
import { selfMatchLinks } from "./links.js";
import { requestsWithParties } from "./parties.js";
import { matchRequests } from "./tables.js";

const BATCH = 200;

/**
 * Marks pending requests past their expiry as expired and tells both people, inside the
 * caller's transaction. Rows another transaction is answering right now are skipped
 * (SKIP LOCKED): that answer decides them, and the next run picks up whatever is left.
 * Rows are locked in id order, the order every multi-row change here uses.
 */
export async function expireDueRequests(ctx: AppContext, tx: Tx, scope?: SQL, now = new Date()): Promise<number> {
  const due = await queryRows<{ id: string }>(
    tx,
    sql`select id from match_requests
        where status = 'pending' and expires_at <= ${now.toISOString()}::timestamptz ${scope ? sql`and ${scope}` : sql``}
        order by id limit ${BATCH} for update skip locked`,
  );
  if (due.length === 0) return 0;
  const ids = due.map((r) => r.id);
  await tx
    .update(matchRequests)
    .set({ status: "expired", closedReason: null })
    .where(and(inArray(matchRequests.id, ids), eq(matchRequests.status, "pending"), lte(matchRequests.expiresAt, now)));
  for (const { request, programme, mentee, mentor } of await requestsWithParties(tx, ids)) {
    const words = sideWords(programme);
    const links = selfMatchLinks(ctx, programme.id);
    await enqueue(
      tx,
      "mail.send",
      requestExpiredEmail(mentee, { programme: programme.name, ...words, link: links.findMentor, mentor: mentor.name }),
    );
    await enqueue(
      tx,
      "mail.send",
      requestLapsedEmail(mentor, { programme: programme.name, ...words, link: links.inbox, mentee: mentee.name }),
    );
    ctx.logger.info({ requestId: request.id, programmeId: programme.id }, "match request expired");
  }
  return ids.length;
}

/** The scheduled job: expires every due request, a batch per transaction. */
export async function expireRequestsJob(ctx: AppContext): Promise<void> {
  for (;;) {
    const n = await ctx.db.transaction((tx) => expireDueRequests(ctx, tx));
    if (n < BATCH) return;
  }
}
