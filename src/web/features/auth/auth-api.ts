import type { z } from "zod";
import type { PasswordResetConfirm, PasswordResetRequest, SessionInfo as SessionInfoSchema, SignInRequest } from "../../../contracts/auth";
import { ApiError, api } from "../../lib/api";

export type SessionInfo = z.infer<typeof SessionInfoSchema>;
export type CurrentUser = SessionInfo["user"];

/** The signed-in session, or null when nobody is signed in. */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await api<SessionInfo>("/api/auth/session");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const signIn = (body: z.input<typeof SignInRequest>) => api<SessionInfo>("/api/auth/sign-in", { method: "POST", body });

export const signOut = () => api<void>("/api/auth/sign-out", { method: "POST" });

export const signOutEverywhere = () => api<void>("/api/auth/sign-out-everywhere", { method: "POST" });

export const requestPasswordReset = (body: z.input<typeof PasswordResetRequest>) =>
  api<void>("/api/auth/password-resets", { method: "POST", body });

export const confirmPasswordReset = (body: z.input<typeof PasswordResetConfirm>) =>
  api<{ ok: true }>("/api/auth/password-resets/confirm", { method: "POST", body });
