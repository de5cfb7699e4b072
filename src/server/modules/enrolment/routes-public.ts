import { z } from "zod";
import { SessionInfo } from "../../../contracts/auth.js";
import {
  ApplicationPage,
  ApplicationQueued,
  ApplicationSubmit,
  InvitationAccept,
  InvitationInfo,
  OwnEnrolment,
  SlugParams,
  TokenParams,
} from "../../../contracts/enrolment.js";
import { errorResponses } from "../../../contracts/errors.js";
import { rulesFor } from "../../../core/programme-modes.js";
import { isAcceptingApplications } from "../../../core/programmes/lifecycle.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { startBrowserSession } from "../accounts/browser-session.js";
import { loadCurrentUser } from "../accounts/current-user.js";
import { findUserById } from "../accounts/repository.js";
import { findForm } from "../intake/repository.js";
import { applyToProgramme, findPublicProgramme } from "./apply.js";
import { acceptInvitation, describeInvitation } from "./invitations.js";
import { presentOwnEnrolment } from "./participation.js";

const tags = ["applications"];

/** The answer to an application or accepted invitation: the enrolment, plus a session when an account was just created. */
const EnrolmentWithSession = z.object({ enrolment: OwnEnrolment, session: SessionInfo.nullable() });

export async function publicEnrolmentRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/apply/:slug",
    {
      schema: {
        tags,
        summary: "A programme's public application page: description, window and forms",
        security: [],
        params: SlugParams,
        response: { 200: ApplicationPage, ...errorResponses },
      },
    },
    async (req) => {
      const programme = await findPublicProgramme(ctx, req.params.slug);
      const forms = [];
      for (const role of rulesFor(programme.type).roles.applicants) {
        const form = await findForm(ctx.db, programme.id, role);
        if (form) forms.push({ role, version: form.version, questions: form.questions });
      }
      return {
        programme: {
          id: programme.id,
          slug: programme.slug,
          name: programme.name,
          type: programme.type,
          description: programme.description,
          termStart: programme.termStart,
          termEnd: programme.termEnd,
          acceptingApplications: isAcceptingApplications(programme, new Date()),
          applicationsOpenAt: programme.applicationsOpenAt?.toISOString() ?? null,
          applicationsCloseAt: programme.applicationsCloseAt?.toISOString() ?? null,
        },
        forms,
      };
    },
  );

  async function respond(
    userId: string,
    enrolment: Parameters<typeof presentOwnEnrolment>[2],
    programme: Parameters<typeof presentOwnEnrolment>[1],
    newSession: { csrfToken: string; expiresAt: Date } | null,
  ) {
    const user = await findUserById(ctx.db, userId);
    const session = newSession
      ? {
          user: await loadCurrentUser(ctx.db, {
            user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin },
            via: "session",
          }),
          csrfToken: newSession.csrfToken,
          expiresAt: newSession.expiresAt.toISOString(),
        }
      : null;
    return { enrolment: await presentOwnEnrolment(ctx.db, programme, enrolment), session };
  }

  app.post(
    "/apply/:slug",
    {
      // Anonymous applicants have no session to forge; signed-in ones are checked for CSRF as usual.
      config: { limit: "credentials" },
      schema: {
        tags,
        summary: "Apply to a programme while it takes applications (creates your account if you give one)",
        description:
          "Signed in: 201 with your enrolment. Not signed in, with `account`: 202 `check_email`, the same answer whether or not " +
          "the address has an account; the email that follows is a receipt (new account) or a note to sign in and apply.",
        security: [],
        params: SlugParams,
        body: ApplicationSubmit,
        response: { 201: EnrolmentWithSession, 202: ApplicationQueued, ...errorResponses },
      },
    },
    async (req, reply) => {
      const result = await applyToProgramme(ctx, req.principal, req.params.slug, req.body);
      if (result.queued) {
        req.log.info("application without an account queued");
        return reply.code(202).send({ status: "check_email" as const, email: result.email });
      }
      req.log.info({ programmeId: result.programme.id, enrolmentId: result.enrolment.id }, "application received");
      return reply.code(201).send(await respond(result.userId, result.enrolment, result.programme, null));
    },
  );

  app.get(
    "/invitations/:token",
    {
      schema: {
        tags,
        summary: "What an invitation is for (before accepting it)",
        security: [],
        params: TokenParams,
        response: { 200: InvitationInfo, ...errorResponses },
      },
    },
    async (req) => describeInvitation(ctx, req.params.token),
  );

  app.post(
    "/invitations/:token/accept",
    {
      config: { limit: "credentials" },
      schema: {
        tags,
        summary: "Accept an invitation: answer the intake form and take the place (the link works once)",
        security: [],
        params: TokenParams,
        body: InvitationAccept,
        response: { 201: EnrolmentWithSession, ...errorResponses },
      },
    },
    async (req, reply) => {
      const result = await acceptInvitation(ctx, req.principal, req.params.token, req.body);
      const session = req.principal ? null : await startBrowserSession(ctx, ctx.db, reply, result.userId, req.headers["user-agent"]);
      req.log.info({ programmeId: result.programme.id, enrolmentId: result.enrolment.id }, "invitation accepted");
      return reply.code(201).send(await respond(result.userId, result.enrolment, result.programme, session));
    },
  );
}
