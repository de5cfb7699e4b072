import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  MemberAdd,
  Member as MemberSchema,
  ProgrammeCreate,
  Programme as ProgrammeSchema,
  ProgrammeStatusChange,
  ProgrammeUpdate,
} from "../../../contracts/programmes";
import { api } from "../../lib/api";

export type Programme = z.infer<typeof ProgrammeSchema>;
export type Member = z.infer<typeof MemberSchema>;
export type ProgrammeChanges = z.input<typeof ProgrammeUpdate>;
export type ProgrammePage = { items: Programme[]; total: number; limit: number; offset: number };
export type ProgrammeListParams = { status: "active" | "archived" | "all"; q?: string; limit: number; offset: number };

export const programmeKeys = {
  all: ["programmes"] as const,
  list: (params: ProgrammeListParams) => ["programmes", "list", params] as const,
  detail: (id: string) => ["programmes", "detail", id] as const,
  members: (id: string) => ["programmes", "detail", id, "members"] as const,
};

export const programmeListQuery = (params: ProgrammeListParams) =>
  queryOptions({
    queryKey: programmeKeys.list(params),
    queryFn: ({ signal }) => api<ProgrammePage>("/api/programmes", { query: params, signal }),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });

export const programmeQuery = (id: string) =>
  queryOptions({
    queryKey: programmeKeys.detail(id),
    queryFn: ({ signal }) => api<Programme>(`/api/programmes/${encodeURIComponent(id)}`, { signal }),
  });

export const membersQuery = (id: string) =>
  queryOptions({
    queryKey: programmeKeys.members(id),
    queryFn: ({ signal }) => api<Member[]>(`/api/programmes/${encodeURIComponent(id)}/members`, { signal }),
  });

export const createProgramme = (body: z.input<typeof ProgrammeCreate>) => api<Programme>("/api/programmes", { method: "POST", body });

export const updateProgramme = (id: string, body: ProgrammeChanges) =>
  api<Programme>(`/api/programmes/${encodeURIComponent(id)}`, { method: "PATCH", body });

export const archiveProgramme = (id: string) => api<Programme>(`/api/programmes/${encodeURIComponent(id)}/archive`, { method: "POST" });

/** Moves a programme along draft → open → matching → running → completed. */
export const changeProgrammeStatus = (id: string, body: z.input<typeof ProgrammeStatusChange>) =>
  api<Programme>(`/api/programmes/${encodeURIComponent(id)}/status`, { method: "POST", body });

export const restoreProgramme = (id: string) => api<Programme>(`/api/programmes/${encodeURIComponent(id)}/restore`, { method: "POST" });

/** Answers with the programme's whole, updated member list. */
export const addMember = (id: string, body: z.input<typeof MemberAdd>) =>
  api<Member[] | Member>(`/api/programmes/${encodeURIComponent(id)}/members`, { method: "POST", body });

/** Removes a coordinator; the server refuses to remove the last one. */
export const removeCoordinator = (id: string, userId: string) =>
  api<void>(`/api/programmes/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`, {
    method: "DELETE",
    query: { role: "coordinator" },
  });
