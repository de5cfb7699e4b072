import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { SupportSettingsBody, SupportSettingsView } from "../../../contracts/support";
import { api } from "../../lib/api";

export type SupportSettingsT = z.infer<typeof SupportSettingsBody>;
export type SupportSettingsViewT = z.infer<typeof SupportSettingsView>;

const base = (programmeId: string) => `/api/programmes/${encodeURIComponent(programmeId)}/support-settings`;

export const supportSettingsKey = (programmeId: string) => ["programmes", programmeId, "support-settings"] as const;

export const supportSettingsQuery = (programmeId: string) =>
  queryOptions({
    queryKey: supportSettingsKey(programmeId),
    queryFn: ({ signal }) => api<SupportSettingsViewT>(base(programmeId), { signal }),
  });

export const saveSupportSettings = (programmeId: string, settings: SupportSettingsT, version: number) =>
  api<SupportSettingsViewT>(base(programmeId), { method: "PUT", body: { settings, version } });
