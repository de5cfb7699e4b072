import type { z } from "zod";
import type { MessageCreate } from "../../../contracts/support.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { noteOnAlert } from "../alerts/alert-events.js";
import { loadProgrammeActor } from "../support/access.js";
import { coordinatorMessageEmail, recipientsOf } from "./emails.js";
import { assertContactsPairs } from "./policies.js";
import { presentContact } from "./present.js";
import { programmePair } from "./repository.js";
import { supportContacts } from "./tables.js";

/** A coordinator's message to a pair or one side, sent by email and kept in the pair's check-in history. */
export async function messagePair(
  db: Db,
  principal: Principal,
  programmeId: string,
  relationshipId: string,
  input: z.infer<typeof MessageCreate>,
) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertContactsPairs(actor);
  const pair = await programmePair(db, programme.id, relationshipId);
  const row = await db.transaction(async (tx) => {
    const [contact] = await tx
      .insert(supportContacts)
      .values({
        programmeId: programme.id,
        relationshipId: pair.r.id,
        kind: "message",
        to: input.to,
        subject: input.subject,
        body: input.body,
        alertId: input.alertId,
        sentBy: principal.user.id,
      })
      .returning();
    for (const person of recipientsOf(input.to, pair)) {
      await enqueue(
        tx,
        "mail.send",
        coordinatorMessageEmail(person, { from: principal.user, programme: programme.name, subject: input.subject, body: input.body }),
      );
    }
    if (input.alertId)
      await noteOnAlert(
        tx,
        programme.id,
        input.alertId,
        "contacted",
        principal.user.id,
        `Message sent to ${input.to === "both" ? "both" : `the ${input.to}`}: ${input.subject}`,
      );
    return contact;
  });
  return presentContact(row, principal.user.name);
}
