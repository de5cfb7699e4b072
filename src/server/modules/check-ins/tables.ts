import { date, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import type { CheckInWith } from "../../../core/alerts/settings.js";
import type { CheckInOutcome } from "../../../core/support/check-ins.js";
import { ts } from "../../platform/columns.js";
import { users } from "../accounts/tables.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";

/**
 * A coordinator's check-in with a pair: when, with whom, how it stands, and the
 * coordinator's own note — their words, read by the programme's coordinators only,
 * never by the pair or anyone else.
 */
export const checkIns = pgTable(
  "check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    relationshipId: uuid("relationship_id")
      .notNull()
      .references(() => relationships.id, { onDelete: "cascade" }),
    /** The planned week it answers, when it was one of the plan's. */
    plannedWeek: integer("planned_week"),
    happenedOn: date("happened_on", { mode: "string" }).notNull(),
    with: text("with_whom").$type<CheckInWith>().notNull(),
    outcome: text("outcome").$type<CheckInOutcome>().notNull(),
    note: text("note").notNull().default(""),
    followUpOn: date("follow_up_on", { mode: "string" }),
    loggedBy: uuid("logged_by").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("check_ins_relationship_idx").on(t.relationshipId, t.happenedOn), index("check_ins_programme_idx").on(t.programmeId)],
);

/** A message or reminder a coordinator sent a pair (or one side) from Grove, kept in its check-in history. */
export const supportContacts = pgTable(
  "support_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    relationshipId: uuid("relationship_id")
      .notNull()
      .references(() => relationships.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"message" | "reminder">().notNull(),
    to: text("to").$type<CheckInWith>().notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    alertId: uuid("alert_id"),
    sentBy: uuid("sent_by").references(() => users.id, { onDelete: "set null" }),
    sentAt: ts("sent_at").notNull().defaultNow(),
  },
  (t) => [index("support_contacts_relationship_idx").on(t.relationshipId, t.sentAt)],
);
