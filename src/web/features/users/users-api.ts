import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { UserCreate, User as UserSchema } from "../../../contracts/users";
import { api } from "../../lib/api";

export type User = z.infer<typeof UserSchema>;
export type UserPage = { items: User[]; total: number; limit: number; offset: number };
export type UserListParams = { q?: string; limit: number; offset: number };

export const userKeys = {
  all: ["users"] as const,
  list: (params: UserListParams) => ["users", "list", params] as const,
};

export const userListQuery = (params: UserListParams) =>
  queryOptions({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => api<UserPage>("/api/users", { query: params, signal }),
    placeholderData: keepPreviousData,
  });

export const createUser = (body: z.input<typeof UserCreate>) => api<User>("/api/users", { method: "POST", body });
