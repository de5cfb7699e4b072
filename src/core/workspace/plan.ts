import type { Weekday } from "../intake/questions.js";

/**
 * The mentoring plan: what the two agree about how they work together. Every field may be
 * blank while they are still talking it through.
 */
export type PlanFields = {
  meetingDay: Weekday | null;
  meetingTime: string | null;
  timeZone: string | null;
  /** A video-call link or a place. */
  location: string;
  /** Hours of notice a cancellation needs; less notice counts as a late cancellation. */
  cancellationNoticeHours: number | null;
  betweenSessions: string;
  notesBy: NotesBy | null;
  menteeFocus: string;
  mentorFocus: string;
  /** What the mentee expects of the mentor. */
  menteeExpects: string;
  /** What the mentor expects of the mentee. */
  mentorExpects: string;
};

export const NOTES_BY = ["mentee", "mentor", "both", "take_turns"] as const;
export type NotesBy = (typeof NOTES_BY)[number];

export const PLAN_FIELD_LABELS: Record<keyof PlanFields, string> = {
  meetingDay: "Meeting day",
  meetingTime: "Meeting time",
  timeZone: "Time zone",
  location: "Video link or place",
  cancellationNoticeHours: "Notice needed to cancel (hours)",
  betweenSessions: "How we keep in touch between sessions",
  notesBy: "Who shares notes and action items",
  menteeFocus: "What the mentee wants to focus on",
  mentorFocus: "What the mentor wants to focus on",
  menteeExpects: "What the mentee expects of the mentor",
  mentorExpects: "What the mentor expects of the mentee",
};

export const PLAN_FIELDS = Object.keys(PLAN_FIELD_LABELS) as (keyof PlanFields)[];

/** The labels in a mode's own words: "What the coachee wants to focus on" in coaching. */
export function planFieldLabels(words: { giver: string; receiver: string }): Record<keyof PlanFields, string> {
  return Object.fromEntries(
    PLAN_FIELDS.map((f) => [f, PLAN_FIELD_LABELS[f].replace(/\bmentee\b/g, words.receiver).replace(/\bmentor\b/g, words.giver)]),
  ) as Record<keyof PlanFields, string>;
}

export const EMPTY_PLAN: PlanFields = {
  meetingDay: null,
  meetingTime: null,
  timeZone: null,
  location: "",
  cancellationNoticeHours: null,
  betweenSessions: "",
  notesBy: null,
  menteeFocus: "",
  mentorFocus: "",
  menteeExpects: "",
  mentorExpects: "",
};

export type PlanChange = { field: keyof PlanFields; from: string | number | null; to: string | number | null };

/** The fields an edit really changes; an edit that changes nothing is no edit. */
export function planChanges(before: PlanFields, edit: Partial<PlanFields>): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const field of PLAN_FIELDS) {
    if (!(field in edit) || edit[field] === undefined) continue;
    const from = before[field];
    const to = edit[field] as PlanFields[typeof field];
    if (from !== to) changes.push({ field, from, to });
  }
  return changes;
}
