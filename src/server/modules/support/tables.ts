import { integer, jsonb, pgTable, uuid } from "drizzle-orm/pg-core";
import type { SupportSettings } from "../../../core/alerts/settings.js";
import { ts } from "../../platform/columns.js";
import { users } from "../accounts/tables.js";
import { programmes } from "../programmes/tables.js";

/** A programme's alert thresholds and check-in plan; no row means the defaults for its term. */
export const supportSettings = pgTable("support_settings", {
  programmeId: uuid("programme_id")
    .primaryKey()
    .references(() => programmes.id, { onDelete: "cascade" }),
  settings: jsonb("settings").$type<SupportSettings>().notNull(),
  version: integer("version").notNull().default(1),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});
