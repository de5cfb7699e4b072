import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CheckIn,
  CheckInCreate,
  CheckInHistory,
  CheckInPlanPage,
  CheckInUpdate,
  Contact,
  MessageCreate,
  PairCheckIns,
  ReminderCreate,
} from "../../../contracts/support";
import { api } from "../../lib/api";

export type CheckInT = z.infer<typeof CheckIn>;
export type CheckInHistoryT = z.infer<typeof CheckInHistory>;
export type PairCheckInsT = z.infer<typeof PairCheckIns>;
export type CheckInPlanPageT = z.infer<typeof CheckInPlanPage>;
export type ContactT = z.infer<typeof Contact>;

const id = encodeURIComponent;
const pairBase = (programmeId: string, relationshipId: string) => `/api/programmes/${id(programmeId)}/relationships/${id(relationshipId)}`;

export const CHECK_INS_PER_PAGE = 25;

export const checkInKeys = {
  plan: (programmeId: string, page: number, show: string) => ["programmes", programmeId, "check-ins", page, show] as const,
  all: (programmeId: string) => ["programmes", programmeId, "check-ins"] as const,
  history: (programmeId: string, relationshipId: string) => ["programmes", programmeId, "check-ins", "pair", relationshipId] as const,
};

export const checkInPlanQuery = (programmeId: string, page: number, show: "all" | "attention") =>
  queryOptions({
    queryKey: checkInKeys.plan(programmeId, page, show),
    queryFn: ({ signal }) =>
      api<CheckInPlanPageT>(`/api/programmes/${id(programmeId)}/check-ins`, {
        signal,
        query: { limit: CHECK_INS_PER_PAGE, offset: (page - 1) * CHECK_INS_PER_PAGE, show },
      }),
    placeholderData: keepPreviousData,
  });

export const checkInHistoryQuery = (programmeId: string, relationshipId: string) =>
  queryOptions({
    queryKey: checkInKeys.history(programmeId, relationshipId),
    queryFn: ({ signal }) => api<PairCheckInsT>(`${pairBase(programmeId, relationshipId)}/check-ins`, { signal }),
  });

export const logCheckIn = (programmeId: string, relationshipId: string, body: z.input<typeof CheckInCreate>) =>
  api<CheckInT>(`${pairBase(programmeId, relationshipId)}/check-ins`, { method: "POST", body });
export const updateCheckIn = (programmeId: string, relationshipId: string, checkInId: string, body: z.input<typeof CheckInUpdate>) =>
  api<CheckInT>(`${pairBase(programmeId, relationshipId)}/check-ins/${id(checkInId)}`, { method: "PUT", body });
export const deleteCheckIn = (programmeId: string, relationshipId: string, checkInId: string) =>
  api<void>(`${pairBase(programmeId, relationshipId)}/check-ins/${id(checkInId)}`, { method: "DELETE" });
export const messagePair = (programmeId: string, relationshipId: string, body: z.input<typeof MessageCreate>) =>
  api<ContactT>(`${pairBase(programmeId, relationshipId)}/messages`, { method: "POST", body });
export const remindPair = (programmeId: string, relationshipId: string, body: z.input<typeof ReminderCreate>) =>
  api<ContactT>(`${pairBase(programmeId, relationshipId)}/reminders`, { method: "POST", body });
