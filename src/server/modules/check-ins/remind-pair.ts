import type { z } from "zod";
import type { ReminderCreate } from "../../../contracts/support.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { noteOnAlert } from "../alerts/alert-events.js";
import { pairLink } from "../growth/links.js";
import { loadProgrammeActor } from "../support/access.js";
import { pairReminderEmail, REMINDER_SUBJECT, recipientsOf } from "./emails.js";
import { assertContactsPairs } from "./policies.js";
import { presentContact } from "./present.js";
import { programmePair } from "./repository.js";
import { supportContacts } from "./tables.js";

/** "Remind the pair": a short, kind nudge in Grove's words from the coordinator, logged as a contact. */
export async function remindPair(
  ctx: AppContext,
  principal: Principal,
  programmeId: string,
  relationshipId: string,
  input: z.infer<typeof ReminderCreate>,
) {
  const { programme, actor } = await loadProgrammeActor(ctx.db, principal, programmeId);
  assertContactsPairs(actor);
  const pair = await programmePair(ctx.db, programme.id, relationshipId);
  const link = pairLink(ctx, pair.r.id, "sessions");
  const row = await ctx.db.transaction(async (tx) => {
    const [contact] = await tx
      .insert(supportContacts)
      .values({
        programmeId: programme.id,
        relationshipId: pair.r.id,
        kind: "reminder",
        to: input.to,
        subject: REMINDER_SUBJECT(programme.name),
        body: input.note,
        alertId: input.alertId,
        sentBy: principal.user.id,
      })
      .returning();
    for (const [person, partner] of recipientsOf(input.to, { mentee: [pair.mentee, pair.mentor], mentor: [pair.mentor, pair.mentee] })) {
      await enqueue(
        tx,
        "mail.send",
        pairReminderEmail(person, { from: principal.user, programme: programme.name, partner: partner.name, note: input.note, link }),
      );
    }
    if (input.alertId)
      await noteOnAlert(
        tx,
        programme.id,
        input.alertId,
        "contacted",
        principal.user.id,
        `Reminder sent to ${input.to === "both" ? "both" : `the ${input.to}`}.`,
      );
    return contact;
  });
  return presentContact(row, principal.user.name);
}
