import { sql } from "drizzle-orm";
import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { RequestStatus as MatchRequestStatus } from "../../../core/self-match/requests.js";
import { ts } from "../../platform/columns.js";
import { enrolments } from "../enrolment/tables.js";
import { programmes } from "../programmes/tables.js";

// "closed": Grove closed it without an answer because the mentor has no places left (a text column: no migration).
export { REQUEST_STATUSES as MATCH_REQUEST_STATUSES, type RequestStatus as MatchRequestStatus } from "../../../core/self-match/requests.js";

/** Self-match: a mentee asks a mentor; the mentor answers before the request expires. */
export const matchRequests = pgTable(
  "match_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    menteeEnrolmentId: uuid("mentee_enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    mentorEnrolmentId: uuid("mentor_enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    message: text("message").notNull(),
    status: text("status").$type<MatchRequestStatus>().notNull().default("pending"),
    declineReason: text("decline_reason"),
    /** Why a request closed without an answer: "another mentor accepted", "mentor is full", … */
    closedReason: text("closed_reason"),
    createdAt: ts("created_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    respondedAt: ts("responded_at"),
  },
  (t) => [
    uniqueIndex("match_requests_one_pending_per_pair").on(t.menteeEnrolmentId, t.mentorEnrolmentId).where(sql`status = 'pending'`),
    index("match_requests_mentor_idx").on(t.mentorEnrolmentId, t.status),
    index("match_requests_mentee_idx").on(t.menteeEnrolmentId, t.status),
    index("match_requests_expiry_idx").on(t.status, t.expiresAt),
  ],
);
