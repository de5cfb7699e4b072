import type { AppContext } from "../../platform/context.js";

/** Where the pair's pages are in the web app. */
export const pairLink = (ctx: AppContext, relationshipId: string, page = "") =>
  `${ctx.config.baseUrl}/pairs/${relationshipId}${page ? `/${page}` : ""}`;
