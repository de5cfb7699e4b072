import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { SetupRequest, SetupStatus } from "../../../contracts/auth";
import { api } from "../../lib/api";
import type { SessionInfo } from "../auth/auth-api";

export type SetupStatusInfo = z.infer<typeof SetupStatus>;

export const setupStatusQueryOptions = queryOptions({
  queryKey: ["setup"] as const,
  queryFn: () => api<SetupStatusInfo>("/api/setup"),
  // Once an instance is set up it stays set up; checking again on every page is waste.
  staleTime: Number.POSITIVE_INFINITY,
});

export const completeSetup = (body: z.input<typeof SetupRequest>) => api<SessionInfo>("/api/setup", { method: "POST", body });
