/** Calendar dates as the API sends them: "2026-01-12", no time, no zone. */

const DAY_MS = 86_400_000;

function parse(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

export function daysBetween(startIso: string, endIso: string): number {
  return Math.round((parse(endIso).getTime() - parse(startIso).getTime()) / DAY_MS);
}

export function formatDate(isoDate: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(parse(isoDate));
}

export function formatDateTime(isoDateTime: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(isoDateTime));
}

/**
 * "12 weeks", "12 weeks and 3 days", "5 days": the length of a term whose end date is
 * its last day (so Monday 5 Jan to Sunday 29 Mar is exactly 12 weeks).
 */
export function describeTermLength(startIso: string, endIso: string): string {
  const days = daysBetween(startIso, endIso) + 1;
  if (days <= 0) return "ends before it starts";
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  const parts: string[] = [];
  if (weeks > 0) parts.push(`${weeks} week${weeks === 1 ? "" : "s"}`);
  if (rest > 0 || weeks === 0) parts.push(`${rest} day${rest === 1 ? "" : "s"}`);
  return parts.join(" and ");
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a `datetime-local` input shows it: the person's own clock, no zone. */
export function toLocalDateTimeInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value read in the browser's time zone, as an ISO instant; null when blank or unreadable. */
export function fromLocalDateTimeInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The browser's IANA time zone, e.g. "Europe/Lisbon". */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
