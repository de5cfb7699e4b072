import { IdParams } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import {
  Alert,
  AlertAction,
  AlertAssign,
  AlertBulk,
  AlertBulkResult,
  AlertDetail,
  AlertPage,
  AlertParams,
  AlertQuery,
  EvaluateResult,
} from "../../../contracts/support.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { actOnAlert } from "./act-on-alert.js";
import { assignAlert } from "./assign-alert.js";
import { bulkAlerts } from "./bulk-alerts.js";
import { evaluateNow } from "./evaluate-now.js";
import { listAlerts } from "./list-alerts.js";
import { readAlert } from "./read-alert.js";

const tags = ["alerts"];

export async function alertRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/programmes/:id/alerts",
    {
      schema: {
        tags,
        summary: "The programme's alert queue, filtered by state, type and assignee, with counts per state (coordinators)",
        params: IdParams,
        querystring: AlertQuery,
        response: { 200: AlertPage, ...errorResponses },
      },
    },
    async (req) => listAlerts(ctx.db, requireUser(req), req.params.id, req.query),
  );

  app.post(
    "/programmes/:id/alerts/evaluate",
    {
      schema: {
        tags,
        summary: "Evaluate the programme's signals now instead of at the next hourly run",
        params: IdParams,
        response: { 200: EvaluateResult, ...errorResponses },
      },
    },
    async (req) => evaluateNow(ctx.db, requireUser(req), req.params.id),
  );

  app.post(
    "/programmes/:id/alerts/bulk",
    {
      schema: {
        tags,
        summary: "Acknowledge or assign many alerts at once; ones the move does not apply to are skipped",
        params: IdParams,
        body: AlertBulk,
        response: { 200: AlertBulkResult, ...errorResponses },
      },
    },
    async (req) => bulkAlerts(ctx.db, requireUser(req), req.params.id, req.body),
  );

  app.get(
    "/programmes/:id/alerts/:alertId",
    {
      schema: {
        tags,
        summary: "One alert with the pair's metadata, its check-in history and the alert's own history",
        params: AlertParams,
        response: { 200: AlertDetail, ...errorResponses },
      },
    },
    async (req) => readAlert(ctx.db, requireUser(req), req.params.id, req.params.alertId),
  );

  app.post(
    "/programmes/:id/alerts/:alertId/actions",
    {
      schema: {
        tags,
        summary: "Acknowledge, snooze until a date, resolve (saying how) or reopen an alert (409 alert_state when the move does not apply)",
        params: AlertParams,
        body: AlertAction,
        response: { 200: Alert, ...errorResponses },
      },
    },
    async (req) => actOnAlert(ctx.db, requireUser(req), req.params.id, req.params.alertId, req.body),
  );

  app.put(
    "/programmes/:id/alerts/:alertId/assignee",
    {
      schema: {
        tags,
        summary: "Assign the alert to one of the programme's coordinators, or to nobody",
        params: AlertParams,
        body: AlertAssign,
        response: { 200: Alert, ...errorResponses },
      },
    },
    async (req) => assignAlert(ctx.db, requireUser(req), req.params.id, req.params.alertId, req.body.assigneeUserId, req.body.version),
  );
}
