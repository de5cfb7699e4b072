import { rulesFor } from "../../../core/programme-modes";
import { REQUEST_STATUS_LABELS, type RequestStatus } from "../../../core/self-match/requests";
import { formatDateTime } from "../../lib/dates";

export const requestStatusLabel = (status: RequestStatus) => REQUEST_STATUS_LABELS[status];

/** An instant as a date in the reader's own time zone, e.g. "3 Mar 2026". */
export const localDay = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(iso));

/** When it was sent, and when an answer is due or when it closed. */
export function requestTiming(r: { status: RequestStatus; createdAt: string; expiresAt: string; respondedAt: string | null }): string {
  const sentOn = `Sent ${localDay(r.createdAt)}`;
  if (r.status === "pending") return `${sentOn} · answer due by ${formatDateTime(r.expiresAt)}`;
  if (r.status === "expired") return `${sentOn} · expired ${localDay(r.expiresAt)}`;
  return r.respondedAt ? `${sentOn} · closed ${localDay(r.respondedAt)}` : sentOn;
}

/** The words for the two sides of a programme, singular and plural (the mode's own). */
export const sideWords = (type: "mentoring" | "coaching") => rulesFor(type).words;
