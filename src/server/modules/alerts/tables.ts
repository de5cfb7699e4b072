import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { AlertDetail } from "../../../core/alerts/rules.js";
import type { AlertType } from "../../../core/alerts/settings.js";
import type { AlertState } from "../../../core/alerts/state.js";
import { ts } from "../../platform/columns.js";
import { users } from "../accounts/tables.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";

/**
 * The coordinators' queue. An alert is one episode of one signal (its key); its detail is
 * metadata — days, scores, weeks — never anything a pair wrote.
 */
export const supportAlerts = pgTable(
  "support_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    type: text("type").$type<AlertType>().notNull(),
    key: text("key").notNull(),
    relationshipId: uuid("relationship_id").references(() => relationships.id, { onDelete: "cascade" }),
    menteeUserId: uuid("mentee_user_id").references(() => users.id, { onDelete: "set null" }),
    mentorUserId: uuid("mentor_user_id").references(() => users.id, { onDelete: "set null" }),
    detail: jsonb("detail").$type<AlertDetail>().notNull().default({}),
    state: text("state").$type<AlertState>().notNull().default("open"),
    assigneeUserId: uuid("assignee_user_id").references(() => users.id, { onDelete: "set null" }),
    snoozedUntil: ts("snoozed_until"),
    resolution: text("resolution"),
    resolvedBy: text("resolved_by").$type<"coordinator" | "signal">(),
    resolvedByUserId: uuid("resolved_by_user_id").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: ts("resolved_at"),
    /** Resolved while its signal lasted: when the signal was then seen gone (so the episode may come back). */
    signalGoneAt: ts("signal_gone_at"),
    raisedAt: ts("raised_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    acknowledgedAt: ts("acknowledged_at"),
    version: integer("version").notNull().default(1),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    // One live alert per episode, even with two evaluations racing.
    uniqueIndex("support_alerts_one_live").on(t.programmeId, t.key).where(sql`state <> 'resolved'`),
    index("support_alerts_queue_idx").on(t.programmeId, t.state, t.raisedAt),
    index("support_alerts_key_idx").on(t.programmeId, t.key),
    index("support_alerts_relationship_idx").on(t.relationshipId),
  ],
);

export type AlertEventKind =
  | "raised"
  | "acknowledged"
  | "snoozed"
  | "woke"
  | "assigned"
  | "resolved"
  | "cleared"
  | "reopened"
  | "checked_in"
  | "contacted";

/** Everything that happened to an alert, for its history. */
export const supportAlertEvents = pgTable(
  "support_alert_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    alertId: uuid("alert_id")
      .notNull()
      .references(() => supportAlerts.id, { onDelete: "cascade" }),
    kind: text("kind").$type<AlertEventKind>().notNull(),
    byUserId: uuid("by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The resolution, the snooze date or the assignee's name: the coordinators' words and metadata only. */
    note: text("note"),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [index("support_alert_events_alert_idx").on(t.alertId, t.at)],
);
