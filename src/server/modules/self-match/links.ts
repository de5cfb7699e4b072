import type { AppContext } from "../../platform/context.js";

/** Where each side finds self-matching in the web app. */
export const selfMatchLinks = (ctx: AppContext, programmeId: string) => {
  const base = `${ctx.config.baseUrl}/programmes/${programmeId}`;
  return { findMentor: `${base}/find-a-mentor`, myRequests: `${base}/my-requests`, inbox: `${base}/requests` };
};
