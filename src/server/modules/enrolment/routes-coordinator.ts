import { z } from "zod";
import { IdParams, Ok, pageOf } from "../../../contracts/common.js";
import {
  DecisionRequest,
  DecisionResult,
  DirectoryEntry,
  DirectoryQuery,
  EnrolmentParams,
  ImportQuery,
  ImportReport,
  InvitationCreate,
  InvitationParams,
  InvitationResult,
  OwnEnrolment,
  ReminderRequest,
  ReminderResult,
  SentInvitation,
  SentInvitationQuery,
} from "../../../contracts/enrolment.js";
import { errorResponses } from "../../../contracts/errors.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import { notFound } from "../../platform/errors.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { decideApplications } from "./decide.js";
import { listDirectory } from "./directory.js";
import { exportDirectoryCsv } from "./export-csv.js";
import { importParticipants } from "./import-participants.js";
import { inviteParticipants } from "./invitations.js";
import { listInvitations, resendInvitation, revokeInvitation } from "./manage-invitations.js";
import { presentOwnEnrolment } from "./participation.js";
import { remindUnfinishedTraining } from "./reminders.js";
import { findEnrolment } from "./repository.js";

const tags = ["enrolment (coordinators)"];
const IMPORT_LIMIT_BYTES = 20 * 1024 * 1024;

export async function coordinatorEnrolmentRoutes(app: TypedApp, ctx: AppContext) {
  // CSV uploads arrive as text/csv; JSON stays the default for everything else.
  app.addContentTypeParser(["text/csv", "text/plain"], { parseAs: "string", bodyLimit: IMPORT_LIMIT_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    "/programmes/:id/enrolments",
    {
      schema: {
        tags,
        summary: "The participant directory: search, filter, sort, paginate",
        params: IdParams,
        querystring: DirectoryQuery,
        response: { 200: pageOf(DirectoryEntry), ...errorResponses },
      },
    },
    async (req) => {
      const { programme } = await loadProgrammeFor(ctx.db, requireUser(req), req.params.id, "manage");
      const page = await listDirectory(ctx.db, programme.id, req.query);
      return { ...page, limit: req.query.limit, offset: req.query.offset };
    },
  );

  app.get(
    "/programmes/:id/enrolments/export",
    {
      schema: {
        tags,
        summary: "The directory as CSV (same filters, no pagination)",
        params: IdParams,
        querystring: DirectoryQuery.omit({ limit: true, offset: true }),
        produces: ["text/csv"],
      },
    },
    async (req, reply) => {
      const { programme } = await loadProgrammeFor(ctx.db, requireUser(req), req.params.id, "manage");
      const csv = await exportDirectoryCsv(ctx.db, programme, { ...req.query, limit: 0, offset: 0 });
      req.log.info({ programmeId: programme.id }, "participant directory exported");
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${programme.slug}-participants.csv"`)
        .send(csv);
    },
  );

  app.get(
    "/programmes/:id/enrolments/:enrolmentId",
    {
      schema: {
        tags,
        summary: "One participant's application, with the questions as they were worded",
        params: EnrolmentParams,
        response: { 200: OwnEnrolment, ...errorResponses },
      },
    },
    async (req) => {
      const { programme } = await loadProgrammeFor(ctx.db, requireUser(req), req.params.id, "manage");
      const enrolment = await findEnrolment(ctx.db, programme.id, req.params.enrolmentId);
      if (!enrolment) throw notFound("That participant");
      return presentOwnEnrolment(ctx.db, programme, enrolment);
    },
  );

  app.post(
    "/programmes/:id/enrolments/decisions",
    {
      schema: {
        tags,
        summary: "Approve, decline (with a reason) or waitlist applications, one or many; each applicant is emailed",
        description: "All or nothing: if any selected application cannot take the decision, nothing changes (409 with the list).",
        params: IdParams,
        body: DecisionRequest,
        response: { 200: DecisionResult, ...errorResponses },
      },
    },
    async (req) => decideApplications(ctx, requireUser(req), req.params.id, req.body.enrolmentIds, req.body.decision, req.body.reason),
  );

  app.post(
    "/programmes/:id/invitations",
    {
      schema: {
        tags,
        summary: "Email one-time invitation links (valid 14 days)",
        params: IdParams,
        body: InvitationCreate,
        response: { 201: InvitationResult, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await inviteParticipants(ctx, requireUser(req), req.params.id, req.body.emails, req.body.role)),
  );

  app.get(
    "/programmes/:id/invitations",
    {
      schema: {
        tags,
        summary: "Invitations sent, newest first: pending, expired or accepted",
        params: IdParams,
        querystring: SentInvitationQuery,
        response: { 200: pageOf(SentInvitation), ...errorResponses },
      },
    },
    async (req) => listInvitations(ctx, requireUser(req), req.params.id, req.query),
  );

  app.post(
    "/programmes/:id/invitations/:invitationId/resend",
    {
      schema: {
        tags,
        summary: "Send an unused invitation again with a new link valid 14 days (the old link stops working)",
        params: InvitationParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => resendInvitation(ctx, requireUser(req), req.params.id, req.params.invitationId),
  );

  app.delete(
    "/programmes/:id/invitations/:invitationId",
    {
      schema: {
        tags,
        summary: "Revoke an unused invitation: its link stops working",
        params: InvitationParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => revokeInvitation(ctx, requireUser(req), req.params.id, req.params.invitationId),
  );

  app.post(
    "/programmes/:id/imports",
    {
      schema: {
        tags,
        summary: "Import participants from CSV (text/csv body); ?dryRun=true checks without writing",
        description:
          "Columns: email, name, role, then one per question key; lists separated by ';', skills as Name:level. " +
          "A file with any error writes nothing; row numbers count the header as row 1.",
        params: IdParams,
        querystring: ImportQuery,
        body: z.string().describe("The CSV file's text"),
        consumes: ["text/csv"],
        response: { ...errorResponses, 200: ImportReport, 422: ImportReport },
      },
    },
    async (req, reply) => {
      const report = await importParticipants(ctx, requireUser(req), req.params.id, req.body, req.query.dryRun);
      return reply.code(report.errors.length ? 422 : 200).send(report);
    },
  );

  app.post(
    "/programmes/:id/training-reminders",
    {
      schema: {
        tags,
        summary: "Email a reminder to participants who have not finished onboarding",
        params: IdParams,
        body: ReminderRequest,
        response: { 200: ReminderResult, ...errorResponses },
      },
    },
    async (req) => remindUnfinishedTraining(ctx, requireUser(req), req.params.id, req.body.enrolmentIds),
  );
}
