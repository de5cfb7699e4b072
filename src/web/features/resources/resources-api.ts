import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { WeeklyResourceSave, WeeklyResource as WeeklyResourceSchema } from "../../../contracts/programmes";
import { api } from "../../lib/api";

export type WeeklyResource = z.infer<typeof WeeklyResourceSchema>;
export type Audience = WeeklyResource["audience"];

const path = (programmeId: string, week?: number, audience?: Audience) =>
  `/api/programmes/${encodeURIComponent(programmeId)}/resources${week ? `/${week}/${audience}` : ""}`;

export const resourceKeys = {
  list: (programmeId: string) => ["programmes", "detail", programmeId, "resources"] as const,
};

export const resourcesQuery = (programmeId: string) =>
  queryOptions({
    queryKey: resourceKeys.list(programmeId),
    queryFn: ({ signal }) => api<WeeklyResource[]>(path(programmeId), { signal }),
  });

export const saveResource = (programmeId: string, week: number, audience: Audience, body: z.input<typeof WeeklyResourceSave>) =>
  api<WeeklyResource>(path(programmeId, week, audience), { method: "PUT", body });

export const deleteResource = (programmeId: string, week: number, audience: Audience) =>
  api<void>(path(programmeId, week, audience), { method: "DELETE" });
