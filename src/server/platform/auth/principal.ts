export type Principal = {
  user: { id: string; email: string; name: string; isAdmin: boolean };
  via: "session" | "token";
  sessionId?: string;
  /** The API token's id, when via is "token". */
  tokenId?: string;
  csrfToken?: string;
  sessionExpiresAt?: Date;
};

export const SESSION_COOKIE = "grove_session";
export const CSRF_HEADER = "x-csrf-token";
export const API_TOKEN_PREFIX = "grove_pat_";
