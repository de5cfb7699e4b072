import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AcceptResult as AcceptResultSchema,
  MatchRequestSummary as MatchRequestSummarySchema,
  MentorBrowse as MentorBrowseSchema,
  ReceivedRequest as ReceivedRequestSchema,
  ReceivedRequests as ReceivedRequestsSchema,
  SentRequest as SentRequestSchema,
  SentRequests as SentRequestsSchema,
} from "../../../contracts/self-match";
import { api } from "../../lib/api";

export type MentorBrowse = z.infer<typeof MentorBrowseSchema>;
export type MentorCard = MentorBrowse["items"][number];
export type SentRequests = z.infer<typeof SentRequestsSchema>;
export type SentRequest = z.infer<typeof SentRequestSchema>;
export type ReceivedRequests = z.infer<typeof ReceivedRequestsSchema>;
export type ReceivedRequest = z.infer<typeof ReceivedRequestSchema>;
export type AcceptResult = z.infer<typeof AcceptResultSchema>;
export type RequestSummary = z.infer<typeof MatchRequestSummarySchema>;

export const PAGE_SIZE = 10;

const id = encodeURIComponent;
const programmePath = (programmeId: string) => `/api/programmes/${id(programmeId)}`;
const offsetOf = (page: number) => (page - 1) * PAGE_SIZE;

export const selfMatchKeys = {
  all: (programmeId: string) => ["programmes", "detail", programmeId, "self-match"] as const,
  mentors: (programmeId: string, page: number) => ["programmes", "detail", programmeId, "self-match", "mentors", page] as const,
  sent: (programmeId: string, page: number) => ["programmes", "detail", programmeId, "self-match", "sent", page] as const,
  received: (programmeId: string, page: number) => ["programmes", "detail", programmeId, "self-match", "received", page] as const,
  summary: (programmeId: string) => ["programmes", "detail", programmeId, "self-match", "summary"] as const,
};

export const mentorsQuery = (programmeId: string, page: number) =>
  queryOptions({
    queryKey: selfMatchKeys.mentors(programmeId, page),
    queryFn: ({ signal }) =>
      api<MentorBrowse>(`${programmePath(programmeId)}/mentors`, { query: { limit: PAGE_SIZE, offset: offsetOf(page) }, signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });

export const sentRequestsQuery = (programmeId: string, page: number) =>
  queryOptions({
    queryKey: selfMatchKeys.sent(programmeId, page),
    queryFn: ({ signal }) =>
      api<SentRequests>(`${programmePath(programmeId)}/match-requests`, {
        query: { box: "sent", limit: PAGE_SIZE, offset: offsetOf(page) },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });

export const receivedRequestsQuery = (programmeId: string, page: number) =>
  queryOptions({
    queryKey: selfMatchKeys.received(programmeId, page),
    queryFn: ({ signal }) =>
      api<ReceivedRequests>(`${programmePath(programmeId)}/match-requests`, {
        query: { box: "received", limit: PAGE_SIZE, offset: offsetOf(page) },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });

export const requestSummaryQuery = (programmeId: string) =>
  queryOptions({
    queryKey: selfMatchKeys.summary(programmeId),
    queryFn: ({ signal }) => api<RequestSummary>(`${programmePath(programmeId)}/match-requests/summary`, { signal }),
  });

export const sendRequest = (programmeId: string, body: { mentorEnrolmentId: string; message: string }) =>
  api<SentRequest>(`${programmePath(programmeId)}/match-requests`, { method: "POST", body });

export const withdrawRequest = (requestId: string) => api<SentRequest>(`/api/match-requests/${id(requestId)}/withdraw`, { method: "POST" });

export const acceptRequest = (requestId: string) => api<AcceptResult>(`/api/match-requests/${id(requestId)}/accept`, { method: "POST" });

export const declineRequest = (requestId: string, reason: string) =>
  api<ReceivedRequest>(`/api/match-requests/${id(requestId)}/decline`, { method: "POST", body: { reason } });
