/**
 * Lenient readers for query-string values: a hand-edited or stale URL falls back to
 * defaults instead of failing the page.
 */

export function optionalString(value: unknown, max = 200): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const text = String(value).trim().slice(0, max);
  return text === "" ? undefined : text;
}

export function pageNumber(value: unknown): number | undefined {
  const page = typeof value === "number" ? value : Number(value);
  return Number.isInteger(page) && page > 1 ? Math.min(page, 100_000) : undefined;
}

export function oneOf<T extends string>(value: unknown, allowed: ReadonlyArray<T>): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** Only same-site paths are followed after signing in, never another origin. */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return undefined;
  return value;
}
