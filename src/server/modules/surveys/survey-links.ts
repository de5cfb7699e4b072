import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { type Mac, parseLink, signLink, verifyLink } from "../../../core/surveys/signed-link.js";
import type { AppContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db.js";
import { AppError } from "../../platform/errors.js";
import { surveyInvitations } from "./tables.js";

export type InvitationRow = typeof surveyInvitations.$inferSelect;

/** HMAC-SHA256 with the invitation's own key, over the token's bytes and the survey and person it is for. */
const macOf =
  (i: Pick<InvitationRow, "linkKey" | "surveyId" | "userId">): Mac =>
  (payload) =>
    createHmac("sha256", i.linkKey).update(payload).update(`|${i.surveyId}|${i.userId}`).digest();

/** The one-click token of an invitation: valid until it closes. */
export const surveyToken = (i: Pick<InvitationRow, "id" | "linkKey" | "surveyId" | "userId" | "closesAt">) =>
  signLink({ invitationId: i.id, expiresAt: i.closesAt }, macOf(i));

export const surveyLink = (ctx: AppContext, token: string) => `${ctx.config.baseUrl}/s/${token}`;

const invalid = () =>
  new AppError(
    404,
    "invalid_link",
    "This survey link is not valid. Open the survey from the email you were sent, or from Surveys in Grove.",
  );

/**
 * The invitation a token names, once its signature checks out for that invitation's
 * survey and person. Expired tokens still load (the page says the survey has closed);
 * altered or unknown ones are refused with one answer, so nothing can be probed.
 */
export async function invitationForToken(db: Executor, token: string, now: Date, lock = false) {
  const link = parseLink(token);
  if (!link) throw invalid();
  const query = db.select().from(surveyInvitations).where(eq(surveyInvitations.id, link.invitationId));
  const [invitation] = lock ? await query.for("update") : await query;
  if (!invitation) throw invalid();
  const verdict = verifyLink(link, macOf(invitation), now);
  if (verdict === "altered") throw invalid();
  return { invitation, expired: verdict === "expired" };
}
