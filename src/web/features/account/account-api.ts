import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ApiTokenCreate,
  ApiTokenCreated as ApiTokenCreatedSchema,
  ApiToken as ApiTokenSchema,
  PasswordChangeRequest,
} from "../../../contracts/auth";
import { api } from "../../lib/api";

export type ApiToken = z.infer<typeof ApiTokenSchema>;
export type ApiTokenCreated = z.infer<typeof ApiTokenCreatedSchema>;

export const tokensQuery = queryOptions({
  queryKey: ["tokens"] as const,
  queryFn: ({ signal }) => api<ApiToken[]>("/api/tokens", { signal }),
});

export const createToken = (body: z.input<typeof ApiTokenCreate>) => api<ApiTokenCreated>("/api/tokens", { method: "POST", body });

export const revokeToken = (id: string) => api<void>(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" });

export const changePassword = (body: z.input<typeof PasswordChangeRequest>) =>
  api<{ ok: true }>("/api/auth/password", { method: "POST", body });
