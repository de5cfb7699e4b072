import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  DecisionRequest,
  DecisionResult,
  DirectoryEntry as DirectoryEntrySchema,
  ImportReport as ImportReportSchema,
  InvitationCreate,
  InvitationResult as InvitationResultSchema,
  ReminderResult,
  SentInvitation as SentInvitationSchema,
} from "../../../contracts/enrolment";
import { api, withQuery } from "../../lib/api";
import type { OwnEnrolment } from "../enrolment/enrolment-api";

export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;
export type DirectoryPage = { items: DirectoryEntry[]; total: number; limit: number; offset: number };
export type ImportReport = z.infer<typeof ImportReportSchema>;
export type InvitationResult = z.infer<typeof InvitationResultSchema>;
export type SentInvitation = z.infer<typeof SentInvitationSchema>;
export type SentInvitationPage = { items: SentInvitation[]; total: number; limit: number; offset: number };
export type Decision = z.infer<typeof DecisionRequest>["decision"];

/** The directory's filters and sort, exactly as the API takes them. */
export type DirectoryFilters = {
  q?: string;
  role?: string;
  status?: string;
  skill?: string;
  timezone?: string;
  training?: "done" | "not_done";
  paused?: "true" | "false";
  sort?: "name" | "email" | "applied" | "status" | "role" | "experience";
  order?: "asc" | "desc";
};

const id = encodeURIComponent;

export const participantKeys = {
  all: (programmeId: string) => ["programmes", "detail", programmeId, "participants"] as const,
  directory: (programmeId: string, params: DirectoryFilters & { limit: number; offset: number }) =>
    ["programmes", "detail", programmeId, "participants", "list", params] as const,
  detail: (programmeId: string, enrolmentId: string) => ["programmes", "detail", programmeId, "participants", "one", enrolmentId] as const,
  invitations: (programmeId: string, params: { state?: string; limit: number; offset: number }) =>
    ["programmes", "detail", programmeId, "participants", "invitations", params] as const,
  reminderCount: (programmeId: string) => ["programmes", "detail", programmeId, "participants", "reminder-count"] as const,
};

export const directoryQuery = (programmeId: string, params: DirectoryFilters & { limit: number; offset: number }) =>
  queryOptions({
    queryKey: participantKeys.directory(programmeId, params),
    queryFn: ({ signal }) => api<DirectoryPage>(`/api/programmes/${id(programmeId)}/enrolments`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });

/** The same filters as a CSV download; the browser sends the session cookie with the link. */
export const exportUrl = (programmeId: string, filters: DirectoryFilters) =>
  withQuery(`/api/programmes/${id(programmeId)}/enrolments/export`, filters);

export const participantQuery = (programmeId: string, enrolmentId: string) =>
  queryOptions({
    queryKey: participantKeys.detail(programmeId, enrolmentId),
    queryFn: ({ signal }) => api<OwnEnrolment>(`/api/programmes/${id(programmeId)}/enrolments/${id(enrolmentId)}`, { signal }),
  });

/**
 * The person behind an enrolment. The detail endpoint leaves out name and email, so
 * they come from the directory: first from pages already loaded, else page by page.
 */
export async function findDirectoryEntry(programmeId: string, enrolmentId: string, signal?: AbortSignal): Promise<DirectoryEntry | null> {
  const limit = 200;
  for (let offset = 0; offset < 10_000; offset += limit) {
    const page = await api<DirectoryPage>(`/api/programmes/${id(programmeId)}/enrolments`, {
      query: { limit, offset, sort: "applied", order: "desc" },
      signal,
    });
    const found = page.items.find((entry) => entry.id === enrolmentId);
    if (found) return found;
    if (offset + limit >= page.total) return null;
  }
  return null;
}

export const decide = (programmeId: string, body: z.input<typeof DecisionRequest>) =>
  api<z.infer<typeof DecisionResult>>(`/api/programmes/${id(programmeId)}/enrolments/decisions`, { method: "POST", body });

export const invite = (programmeId: string, body: z.input<typeof InvitationCreate>) =>
  api<InvitationResult>(`/api/programmes/${id(programmeId)}/invitations`, { method: "POST", body });

export const sentInvitationsQuery = (programmeId: string, params: { state?: string; limit: number; offset: number }) =>
  queryOptions({
    queryKey: participantKeys.invitations(programmeId, params),
    queryFn: ({ signal }) => api<SentInvitationPage>(`/api/programmes/${id(programmeId)}/invitations`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });

export const resendInvitation = (programmeId: string, invitationId: string) =>
  api<{ ok: true }>(`/api/programmes/${id(programmeId)}/invitations/${id(invitationId)}/resend`, { method: "POST", body: {} });

export const revokeInvitation = (programmeId: string, invitationId: string) =>
  api<{ ok: true }>(`/api/programmes/${id(programmeId)}/invitations/${id(invitationId)}`, { method: "DELETE" });

/** Checks (dryRun) or imports a CSV file. A file with problems answers 422 with the same report. */
export const importCsv = (programmeId: string, csv: string, dryRun: boolean) =>
  api<ImportReport>(`/api/programmes/${id(programmeId)}/imports`, {
    method: "POST",
    query: { dryRun },
    rawBody: { content: csv, contentType: "text/csv" },
    acceptStatuses: [422],
  });

export const sendTrainingReminders = (programmeId: string) =>
  api<z.infer<typeof ReminderResult>>(`/api/programmes/${id(programmeId)}/training-reminders`, { method: "POST", body: {} });

/**
 * How many people a reminder would reach: those who applied, were approved or are
 * waitlisted and have not finished onboarding (the server's rule), counted per status.
 */
export async function countUnfinishedTraining(programmeId: string, signal?: AbortSignal): Promise<number> {
  const totals = await Promise.all(
    (["applied", "approved", "waitlisted"] as const).map((status) =>
      api<DirectoryPage>(`/api/programmes/${id(programmeId)}/enrolments`, {
        query: { status, training: "not_done", limit: 1, offset: 0 },
        signal,
      }).then((page) => page.total),
    ),
  );
  return totals.reduce((sum, n) => sum + n, 0);
}
