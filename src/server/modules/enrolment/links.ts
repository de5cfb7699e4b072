import type { AppContext } from "../../platform/context.js";

/** Where a participant finds their application and onboarding in the web app. */
export const enrolmentLink = (ctx: AppContext, programmeId: string) => `${ctx.config.baseUrl}/programmes/${programmeId}/my-enrolment`;
