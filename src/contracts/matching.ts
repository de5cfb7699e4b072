import { z } from "zod";
import { Id, Page, pageOf } from "./common.js";
import { RelationshipOrigin, RelationshipStatus } from "./relationships.js";

export const FactorName = z.enum(["skills", "areas", "experience", "interests", "availability", "language"]);
const Weight = z.number().min(0, "Weights go from 0 (ignore) to 10 (must match)").max(10, "Weights go from 0 (ignore) to 10 (must match)");

/** A mentee and a mentor of the programme, by enrolment: used for locks, exclusions and manual pairs. */
export const PairRef = z.strictObject({ menteeEnrolmentId: Id, mentorEnrolmentId: Id });
export type PairRef = z.infer<typeof PairRef>;

const Weights = z.partialRecord(FactorName, Weight);

export const RoundCreate = z.strictObject({
  weights: Weights.optional().describe("0 = ignore, 10 = must match; defaults apply for the rest"),
  k: z.number().int().min(1).max(500).default(50).describe("Candidate mentors kept per mentee"),
  requireSharedLanguage: z.boolean().default(true),
  locked: z
    .array(PairRef)
    .max(5000)
    .default([])
    .describe("Pairs that must be in the result. A lock that breaks a hard rule is refused (409 pair_not_allowed), naming the pair"),
  excluded: z.array(PairRef).max(20000).default([]).describe("Pairs that must never be proposed"),
});
export type RoundCreate = z.infer<typeof RoundCreate>;

/**
 * Run again from an existing round: its settings, locks and exclusions, with these changes.
 * A field given replaces the round's value (locked/excluded replace the whole list).
 */
export const RoundRerun = z.strictObject({
  weights: Weights.optional(),
  k: z.number().int().min(1).max(500).optional(),
  requireSharedLanguage: z.boolean().optional(),
  locked: z.array(PairRef).max(5000).optional(),
  excluded: z.array(PairRef).max(20000).optional(),
  keepManualPairs: z
    .boolean()
    .default(true)
    .describe(
      "Pairs the coordinator set by hand in the round become locks in the new run, beside any `locked` given (those win for the same mentee)",
    ),
});

export const RoundStats = z.object({
  mentees: z.number().int(),
  mentors: z.number().int(),
  capacity: z.number().int(),
  candidatePairs: z.number().int(),
  matched: z.number().int(),
  totalScore: z.number(),
  averageScore: z.number(),
  scoreHistogram: z.array(z.number().int()).describe("Pairs per 10-point score band, 0–10 first"),
  millis: z.object({
    load: z.number(),
    candidates: z.number(),
    solve: z.number(),
    explain: z.number(),
    store: z.number(),
    total: z.number(),
  }),
});

export const RoundStatus = z.enum(["draft", "published", "discarded"]);
/** full: the whole approved pool. open: only mentees without a live pair and mentors with places left. */
export const RoundKind = z.enum(["full", "open"]);

export const RoundSettings = z.object({
  weights: z.record(z.string(), z.number()),
  k: z.number().int(),
  requireSharedLanguage: z.boolean(),
  locked: z.array(PairRef),
  excluded: z.array(PairRef),
  /** The round this one was run again from, when it was. */
  basedOn: Id.nullable(),
});

export const RoundSummary = z
  .object({
    id: Id,
    programmeId: Id,
    status: RoundStatus,
    kind: RoundKind,
    settings: RoundSettings,
    stats: RoundStats,
    /** Send it back when publishing: a changed pool makes the draft stale (409 stale_round). */
    poolFingerprint: z.string(),
    createdAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "MatchRound" });

const Person = z.object({ enrolmentId: Id, name: z.string(), email: z.string() });
export const MatchPerson = Person;

export const RoundPair = z.object({
  mentee: Person,
  mentor: Person,
  score: z.number(),
  locked: z.boolean(),
  /** Set or moved by a coordinator in the draft rather than chosen by the engine. */
  manual: z.boolean(),
  reasons: z.array(z.string()).describe("The two or three reasons in plain words"),
  factors: z.array(z.object({ factor: z.string(), value: z.number().nullable(), weight: z.number(), points: z.number() })),
});
export const Unmatched = z.object({ mentee: Person, kind: z.string(), reason: z.string() });

export const RoundDetail = RoundSummary.extend({
  /** One page of pairs, sorted and filtered as asked. */
  pairs: z.array(RoundPair),
  /** Pairs matching the filter (all of the round's without one). */
  pairsTotal: z.number().int(),
  /** Pairs a coordinator set by hand in this draft (they become locks on a rerun). */
  manualPairs: z.number().int(),
  /** Names of everyone the round's locks and exclusions mention, by enrolment id. */
  names: z.record(z.string(), z.string()),
  /** Drafts only: the pool changed since the run (publishing would be refused). */
  stale: z.boolean(),
  /** How many people joined, left or changed since the run (0 when not stale or not a draft). */
  poolChanges: z.number().int(),
  unmatched: z.array(Unmatched),
  mentors: z.array(
    z.object({
      mentor: Person,
      capacity: z.number().int(),
      assigned: z.number().int(),
      candidates: z.number().int(),
      topChoice: z.number().int(),
      price: z.number(),
    }),
  ),
});

export const RoundParams = z.strictObject({ id: Id, roundId: Id });
export const PairSort = z.enum(["score-desc", "score-asc", "mentee", "mentor"]);
export const RoundDetailQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  sort: PairSort.default("score-desc").describe("score-desc (best first), score-asc, mentee or mentor name"),
  mentor: Id.optional().describe("Only the pairs of this mentor (enrolment id)"),
});

export const RoundPairParams = z.strictObject({ id: Id, roundId: Id, menteeEnrolmentId: Id });

/** Side by side: any mentor may be asked about ("what if"); without one, the mentee's pair in the round. */
export const PairDetailQuery = z.strictObject({ mentorEnrolmentId: Id.optional() });

const Marked = z.object({ name: z.string(), shared: z.boolean() });
const Window = z.object({
  day: z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
  start: z.string().describe("HH:MM in the person's own time zone"),
  end: z.string(),
  /** Minutes of this window the other person is also available. */
  overlapMinutes: z.number().int(),
});

export const PairSideProfile = z.object({
  person: Person,
  role: z.string(),
  /** Every answered intake question, in form order, as the form words it. */
  answers: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
  /** Skills with the level (mentee: aiming for; mentor: offers); match says how the other side covers it. */
  skills: z.array(z.object({ name: z.string(), level: z.number(), match: z.enum(["skill", "family"]).nullable() })),
  /** Mentee: areas sought; mentor: areas offered. */
  areas: z.array(Marked),
  languages: z.array(Marked),
  interests: z.array(Marked),
  timezone: z.string(),
  utcOffsetMinutes: z.number().int(),
  yearsExperience: z.number(),
  availability: z.array(Window),
  /** Mentors only: their capacity and how many mentees this round gives them. */
  capacity: z.number().int().nullable(),
  assignedInRound: z.number().int().nullable(),
});

export const PairRule = z.enum([
  "same-person",
  "own-manager",
  "no-shared-language",
  "previous-pair",
  "excluded",
  "declined-before",
  "must-match",
  "mentor-unavailable",
  "not-approved",
]);

export const PairDetail = z.object({
  roundId: Id,
  mentee: PairSideProfile,
  mentor: PairSideProfile.nullable(),
  /** Whether this is the mentee's pair in the round (false for a "what if" or an unmatched mentee). */
  inRound: z.boolean(),
  locked: z.boolean(),
  manual: z.boolean(),
  /** Whether the rules allow the pair; when not, `blockedBy` says which rules and why. */
  allowed: z.boolean(),
  blockedBy: z.array(z.object({ rule: PairRule, message: z.string() })),
  score: z.number().nullable(),
  factors: RoundPair.shape.factors,
  reasons: z.array(z.string()),
  overlaps: z.object({
    skills: z.array(z.string()),
    languages: z.array(z.string()),
    areas: z.array(z.string()),
    interests: z.array(z.string()),
    availabilityMinutesPerWeek: z.number().int(),
    timeZoneHoursApart: z.number(),
  }),
  /** For an unmatched mentee: the reason the round gave. */
  unmatchedReason: z.string().nullable(),
});

export const RoundCompareQuery = z.strictObject({
  a: Id,
  b: Id,
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const Side = z.object({ mentor: Person.nullable(), score: z.number().nullable() });
export const RoundComparison = z.object({
  a: RoundSummary,
  b: RoundSummary,
  /** Mentees in either round. */
  mentees: z.number().int(),
  same: z.number().int(),
  changed: z.number().int(),
  /** Mentees whose mentor differs (or who are matched in one round only), biggest score change first. */
  changes: z.array(z.object({ mentee: Person, a: Side, b: Side, scoreDelta: z.number().nullable() })),
  changesTotal: z.number().int(),
});

/** Move a mentee to another mentor in a draft, or leave them unmatched (null). */
export const PairEdit = z.strictObject({ mentorEnrolmentId: Id.nullable() });
export const PairEditResult = z.object({
  round: RoundSummary,
  pair: RoundPair.nullable(),
  unmatched: Unmatched.nullable(),
});

export const PublishRound = z.strictObject({
  poolFingerprint: z.string().max(200).optional().describe("The fingerprint you reviewed; a different current pool gives 409 stale_round"),
});

export const PublishResult = z.object({
  round: RoundSummary,
  /** Pairs created: "active" when the programme starts pairs at once, else "proposed" (both must accept). */
  created: z.number().int(),
  status: z.enum(["active", "proposed"]),
  /** Round pairs not created, e.g. the mentee already has a live pair. Not an error. */
  skipped: z.array(
    z.object({ mentee: Person, mentor: Person, reason: z.enum(["mentee_already_matched", "mentor_full"]), message: z.string() }),
  ),
  /** Unmatched mentees told, kindly, that we could not match them yet. */
  unmatchedNotified: z.number().int(),
  /** Other drafts of the programme, now discarded. */
  discarded: z.number().int(),
});

// ── Pairs as a coordinator sees them (metadata only; never what the pair writes) ──

export const DeclineProposal = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(3, "Say in a few words why (3 characters at least); your coordinator reads it, your match does not")
    .max(500, "Keep it to 500 characters"),
});

export const CoordinatorPair = z
  .object({
    id: Id,
    mentee: Person,
    mentor: Person,
    status: RelationshipStatus,
    origin: RelationshipOrigin,
    roundId: Id.nullable(),
    mentorAccepted: z.boolean(),
    menteeAccepted: z.boolean(),
    /** Who turned a proposal down and why: the coordinator needs it to refill the place. */
    declinedBy: z.enum(["mentor", "mentee"]).nullable(),
    declineReason: z.string().nullable(),
    endCategory: z.string().nullable(),
    startedAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "CoordinatorPair" });

export const CoordinatorPairQuery = Page.extend({ status: RelationshipStatus.optional() });
export const CoordinatorPairPage = pageOf(CoordinatorPair);
export const ProgrammePairParams = z.strictObject({ id: Id, relationshipId: Id });

export const ManualPair = PairRef;

export const Rematch = z.strictObject({
  note: z.string().trim().max(1000, "Keep the note to 1,000 characters").optional().describe("A short word from you, added to both emails"),
});
export const RematchResult = z.object({ ended: CoordinatorPair, freedMentee: Person });
