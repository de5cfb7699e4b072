/**
 * The one way the web app talks to the Grove API: same origin, JSON in and out,
 * the session cookie sent automatically, and the CSRF token added to every write.
 * Every failure becomes an ApiError carrying the server's { code, message, details }.
 */

export type FieldIssue = { path: string[]; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Seconds to wait before trying again, from Retry-After on 429 responses. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, code: string, message: string, details?: unknown, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * Per-field problems: always present for validation_failed, and some other codes
   * (e.g. wrong_password) point at a field the same way.
   */
  get fieldIssues(): FieldIssue[] {
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    if (!Array.isArray(issues)) return [];
    return issues
      .filter((issue): issue is { path: unknown[]; message: string } => {
        return typeof issue === "object" && issue !== null && Array.isArray(issue.path) && typeof issue.message === "string";
      })
      .map((issue) => ({ path: issue.path.map(String), message: issue.message }));
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

let csrfToken: string | null = null;

/** Called whenever the server hands us a SessionInfo (setup, sign-in, session check). */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Lets the session module refresh the token when the server says it is stale. */
let refreshCsrfToken: (() => Promise<string | null>) | null = null;
export function onCsrfRefresh(refresh: () => Promise<string | null>): void {
  refreshCsrfToken = refresh;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type QueryValue = string | number | boolean | undefined | null;

export type RequestOptions = {
  method?: Method;
  body?: unknown;
  /** A body that is not JSON (e.g. a CSV file), sent as it is with its content type. */
  rawBody?: { content: string; contentType: string };
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * Error statuses whose body is an ordinary answer rather than an error, e.g. the
   * 422 import report that lists a file's problems. They resolve instead of throwing.
   */
  acceptStatuses?: ReadonlyArray<number>;
};

export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (error) {
    // A token can go stale (for example after signing in on another tab); fetch the
    // current one and try the write once more rather than failing the person's action.
    if (isApiError(error) && error.status === 403 && /csrf/i.test(error.code) && refreshCsrfToken) {
      await refreshCsrfToken();
      return send<T>(path, options);
    }
    throw error;
  }
}

async function send<T>(path: string, { method = "GET", body, rawBody, query, signal, acceptStatuses }: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (rawBody) headers["Content-Type"] = rawBody.contentType;
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      body: rawBody ? rawBody.content : body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, "network_error", "Grove could not be reached. Check your connection and try again.");
  }

  if (response.status === 204) return undefined as T;
  const payload = await readJson(response);
  if (response.ok || acceptStatuses?.includes(response.status)) return payload as T;
  throw toApiError(response, payload);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(response: Response, payload: unknown): ApiError {
  const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === "string") {
    const message = typeof error.message === "string" && error.message ? error.message : fallbackMessage(response.status);
    return new ApiError(response.status, error.code, message, error.details, retryAfter);
  }
  return new ApiError(response.status, `http_${response.status}`, fallbackMessage(response.status), undefined, retryAfter);
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function fallbackMessage(status: number): string {
  if (status === 401) return "Your session has ended. Sign in again to continue.";
  if (status === 403) return "You don't have permission to do that.";
  if (status === 404) return "We couldn't find what you were looking for.";
  if (status === 429) return "Too many attempts in a short time. Wait a moment and try again.";
  if (status >= 500) return "Something went wrong on the server. Try again in a moment.";
  return "The request could not be completed.";
}

/** A sentence for a 429 that says how long to wait, when the server told us. */
export function describeRetryAfter(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds < 60) return `Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
