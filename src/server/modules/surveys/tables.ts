import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { SurveyDefinition } from "../../../core/surveys/default-surveys.js";
import type { Audience, SurveyAnswers, SurveyQuestion } from "../../../core/surveys/questions.js";
import type { SurveySchedule } from "../../../core/surveys/schedule.js";
import { ts } from "../../platform/columns.js";
import { users } from "../accounts/tables.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";

export type SurveyStatus = "draft" | "active" | "closed";

/** A programme's survey: its questions, who it goes to and when. */
export const surveys = pgTable(
  "surveys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    purpose: text("purpose").$type<SurveyDefinition["purpose"]>().notNull().default("custom"),
    title: text("title").notNull(),
    intro: text("intro").notNull().default(""),
    /** Anonymous answers are stored with no link to the person; respondents are told which it is before answering. */
    anonymous: boolean("anonymous").notNull().default(false),
    audiences: text("audiences").array().$type<Audience[]>().notNull(),
    schedule: jsonb("schedule").$type<SurveySchedule>().notNull(),
    /** Days an invitation stays open; the link stops working after. */
    openDays: integer("open_days").notNull().default(7),
    /** Days after sending to remind once if unanswered; null: no reminder. */
    reminderAfterDays: integer("reminder_after_days"),
    questions: jsonb("questions").$type<SurveyQuestion[]>().notNull(),
    status: text("status").$type<SurveyStatus>().notNull().default("active"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("surveys_programme_idx").on(t.programmeId, t.createdAt)],
);

/**
 * One person asked one survey on one occasion (about one pair, when it is about a pair).
 * It is also the receipt: answeredAt says "already answered" without the answer pointing
 * back here, which is what lets anonymous responses stay unlinked.
 */
export const surveyInvitations = pgTable(
  "survey_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    relationshipId: uuid("relationship_id").references(() => relationships.id, { onDelete: "cascade" }),
    /** The role they were asked in: mentee, mentor, coach, coachee, sponsor. */
    role: text("role").notNull(),
    /** Which send this is: "w4", "end", "pair:<id>:end+0", "manual:<time>". */
    occasion: text("occasion").notNull(),
    week: integer("week"),
    /** Signs this invitation's one-click link (HMAC); never leaves the server. */
    linkKey: text("link_key").notNull(),
    sentAt: ts("sent_at").notNull().defaultNow(),
    closesAt: ts("closes_at").notNull(),
    remindedAt: ts("reminded_at"),
    answeredAt: ts("answered_at"),
  },
  (t) => [
    uniqueIndex("survey_invitations_once").on(
      t.surveyId,
      t.userId,
      t.occasion,
      sql`coalesce(${t.relationshipId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index("survey_invitations_user_idx").on(t.userId, t.closesAt),
    index("survey_invitations_programme_idx").on(t.programmeId, t.closesAt),
  ],
);

/**
 * Answers. For an attributed survey they name the respondent, their pair and when; for an
 * anonymous one those columns stay null — and so does the occasion, which for pair-dated
 * surveys names the pair — leaving only the programme week for the trend.
 */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    week: integer("week"),
    answers: jsonb("answers").$type<SurveyAnswers>().notNull(),
    occasion: text("occasion"),
    respondentUserId: uuid("respondent_user_id").references(() => users.id, { onDelete: "set null" }),
    relationshipId: uuid("relationship_id").references(() => relationships.id, { onDelete: "set null" }),
    respondentRole: text("respondent_role"),
    submittedAt: ts("submitted_at"),
  },
  (t) => [index("survey_responses_survey_idx").on(t.surveyId), index("survey_responses_relationship_idx").on(t.relationshipId)],
);
