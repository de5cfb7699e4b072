import { boolean, index, integer, jsonb, pgTable, primaryKey, real, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "../../platform/columns.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { programmes } from "../programmes/tables.js";

export type PairRef = { menteeEnrolmentId: string; mentorEnrolmentId: string };
export type RoundSettings = {
  weights: Record<string, number>;
  k: number;
  requireSharedLanguage: boolean;
  /** Older rounds were stored before locks and exclusions existed: read them as empty. */
  locked?: PairRef[];
  excluded?: PairRef[];
  basedOn?: string | null;
};
export type RoundStats = {
  mentees: number;
  mentors: number;
  capacity: number;
  candidatePairs: number;
  matched: number;
  totalScore: number;
  averageScore: number;
  /** Pairs per score band: [0-10), [10-20) … [90-100]. */
  scoreHistogram: number[];
  millis: { load: number; candidates: number; solve: number; explain: number; store: number; total: number };
};

/** One run of the matching engine over a programme's approved pool: a draft the coordinator reviews. */
export const matchRounds = pgTable(
  "match_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["draft", "published", "discarded"] })
      .notNull()
      .default("draft"),
    /** full: the whole approved pool; open: mentees without a live pair and mentors with places left. */
    kind: text("kind", { enum: ["full", "open"] })
      .notNull()
      .default("full"),
    settings: jsonb("settings").$type<RoundSettings>().notNull(),
    stats: jsonb("stats").$type<RoundStats>().notNull(),
    /** Changes when the approved pool changes, so a stale draft can be told apart. */
    poolFingerprint: text("pool_fingerprint").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    publishedAt: ts("published_at"),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("match_rounds_programme_idx").on(t.programmeId, t.createdAt)],
);

export type FactorExplanation = { factor: string; value: number | null; weight: number; points: number };

export const matchPairs = pgTable(
  "match_pairs",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => matchRounds.id, { onDelete: "cascade" }),
    menteeEnrolmentId: uuid("mentee_enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    mentorEnrolmentId: uuid("mentor_enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    score: real("score").notNull(),
    factors: jsonb("factors").$type<FactorExplanation[]>().notNull(),
    reasons: jsonb("reasons").$type<string[]>().notNull(),
    /**
     * The reasons the pair themselves are shown when it is published: the fit only, never a
     * stated preference (a mentor's "would rather not" is not for the mentee to read).
     */
    pairReasons: jsonb("pair_reasons").$type<string[]>(),
    locked: boolean("locked").notNull().default(false),
    /** Set or moved by a coordinator in the draft. */
    manual: boolean("manual").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.menteeEnrolmentId] }), index("match_pairs_mentor_idx").on(t.roundId, t.mentorEnrolmentId)],
);

export const matchUnmatched = pgTable(
  "match_unmatched",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => matchRounds.id, { onDelete: "cascade" }),
    menteeEnrolmentId: uuid("mentee_enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.menteeEnrolmentId] })],
);

/** How contested each mentor was: read off the solver's dual prices. */
export const matchMentorStats = pgTable(
  "match_mentor_stats",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => matchRounds.id, { onDelete: "cascade" }),
    mentorEnrolmentId: uuid("mentor_enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    capacity: integer("capacity").notNull(),
    assigned: integer("assigned").notNull(),
    candidates: integer("candidates").notNull(),
    topChoice: integer("top_choice").notNull(),
    price: real("price").notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.mentorEnrolmentId] })],
);
