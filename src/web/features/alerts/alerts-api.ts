import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { Alert, AlertAction, AlertBulkResult, AlertDetail, AlertPage, EvaluateResult } from "../../../contracts/support";
import { api } from "../../lib/api";

export type AlertT = z.infer<typeof Alert>;
export type AlertPageT = z.infer<typeof AlertPage>;
export type AlertDetailT = z.infer<typeof AlertDetail>;
export type AlertStateFilter = "open" | "acknowledged" | "snoozed" | "resolved" | "unresolved";
export type AlertFilters = { state: AlertStateFilter; type?: string; assignee?: string; page: number };

const id = encodeURIComponent;
const base = (programmeId: string) => `/api/programmes/${id(programmeId)}/alerts`;

export const ALERTS_PER_PAGE = 25;

export const alertKeys = {
  all: (programmeId: string) => ["programmes", programmeId, "alerts"] as const,
  list: (programmeId: string, f: AlertFilters) => ["programmes", programmeId, "alerts", "list", f] as const,
  one: (programmeId: string, alertId: string) => ["programmes", programmeId, "alerts", alertId] as const,
};

export const alertsQuery = (programmeId: string, f: AlertFilters) =>
  queryOptions({
    queryKey: alertKeys.list(programmeId, f),
    queryFn: ({ signal }) =>
      api<AlertPageT>(base(programmeId), {
        signal,
        query: { state: f.state, type: f.type, assignee: f.assignee, limit: ALERTS_PER_PAGE, offset: (f.page - 1) * ALERTS_PER_PAGE },
      }),
    placeholderData: keepPreviousData,
  });

export const alertQuery = (programmeId: string, alertId: string) =>
  queryOptions({
    queryKey: alertKeys.one(programmeId, alertId),
    queryFn: ({ signal }) => api<AlertDetailT>(`${base(programmeId)}/${id(alertId)}`, { signal }),
  });

export const actOnAlert = (programmeId: string, alertId: string, body: z.input<typeof AlertAction>) =>
  api<AlertT>(`${base(programmeId)}/${id(alertId)}/actions`, { method: "POST", body });
export const assignAlert = (programmeId: string, alertId: string, assigneeUserId: string | null, version: number) =>
  api<AlertT>(`${base(programmeId)}/${id(alertId)}/assignee`, { method: "PUT", body: { assigneeUserId, version } });
export const bulkAlerts = (
  programmeId: string,
  body: { ids: string[]; action: "acknowledge" | "assign"; assigneeUserId?: string | null },
) => api<z.infer<typeof AlertBulkResult>>(`${base(programmeId)}/bulk`, { method: "POST", body });
export const evaluateAlerts = (programmeId: string) =>
  api<z.infer<typeof EvaluateResult>>(`${base(programmeId)}/evaluate`, { method: "POST" });
