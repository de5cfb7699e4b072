/**
 * Kinds of mail a person can switch off. Essential mail — invitations, password resets,
 * session invitations and cancellations — is not listed: it is never suppressed, because
 * missing it breaks something (a sign-in, a meeting).
 */
// Unsubscribe links carry a kind's place in this list: add new kinds at the end, never reorder.
export const NOTIFICATION_KINDS = [
  "agenda_reminder",
  "follow_up_reminder",
  "reflection_prompt",
  "mentor_digest",
  "summary_reminder",
  "measurement_reminder",
  "weekly_resource",
  "survey_invitation",
  "alert_digest",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_LABELS: Record<NotificationKind, { label: string; hint: string }> = {
  agenda_reminder: {
    label: "Agenda reminders",
    hint: "Whoever writes the agenda (mentees in mentoring, coaches in coaching): a nudge before a session when it is not shared yet.",
  },
  follow_up_reminder: {
    label: "Follow-up reminders",
    hint: "Mentees: a nudge when action items you own are past their due date.",
  },
  reflection_prompt: {
    label: "Weekly reflection prompt",
    hint: "Mentees: one short question a week to reflect on.",
  },
  mentor_digest: {
    label: "Weekly digest for mentors",
    hint: "Mentors: your upcoming sessions and how many agendas are waiting, once a week.",
  },
  summary_reminder: {
    label: "Session summary reminders",
    hint: "Coaches: a nudge after a session when its summary is not shared yet.",
  },
  measurement_reminder: {
    label: "Measurement reminders",
    hint: "Coaches: a nudge when outcomes need a baseline, or a final rating before the engagement closes.",
  },
  weekly_resource: {
    label: "Weekly resources",
    hint: "Everyone in a pair: the programme's short read for your side, at the start of each programme week.",
  },
  survey_invitation: {
    label: "Survey invitations",
    hint: "Short surveys from your coordinators, and one reminder if you have not answered. Open surveys stay under Surveys in Grove.",
  },
  alert_digest: {
    label: "Daily alert digest",
    hint: "Coordinators: new and overdue alerts in your programmes' queues, once a day.",
  },
};

export const DEFAULT_AGENDA_REMINDER_HOURS = 24;
export const AGENDA_REMINDER_HOURS = { min: 1, max: 96 } as const;

/** Whether a kind is on, given the kinds a person muted. */
export const wantsMail = (muted: readonly string[], kind: NotificationKind) => !muted.includes(kind);
