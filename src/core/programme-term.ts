/** A mentoring term runs twelve weeks unless the coordinator says otherwise. */
export const DEFAULT_TERM_WEEKS = 12;

const DAY_MS = 86_400_000;

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

/** The Monday after `today` (programmes conventionally start at the beginning of a week). */
export function nextMonday(today: Date): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const daysAhead = (8 - d.getUTCDay()) % 7 || 7;
  return toIso(new Date(d.getTime() + daysAhead * DAY_MS));
}

/** The last day of a term of `weeks` weeks that starts on `start` (inclusive). */
export function termEndFor(start: string, weeks = DEFAULT_TERM_WEEKS): string {
  return toIso(new Date(toDate(start).getTime() + (weeks * 7 - 1) * DAY_MS));
}

export function defaultTerm(today: Date, start?: string, end?: string): { termStart: string; termEnd: string } {
  const termStart = start ?? nextMonday(today);
  return { termStart, termEnd: end ?? termEndFor(termStart) };
}

/** Why a term is not acceptable, or null when it is. */
export function termProblem(termStart: string, termEnd: string): string | null {
  const days = (toDate(termEnd).getTime() - toDate(termStart).getTime()) / DAY_MS;
  if (days < 0) return "The term must end on or after the day it starts.";
  if (days > 5 * 366) return "A term can last at most five years.";
  return null;
}

/** Turns a programme name into a URL-friendly slug: "Backend Guild 2027!" → "backend-guild-2027". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "programme";
}
