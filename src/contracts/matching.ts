import { z } from "zod";
import { Id } from "./common.js";

export const FactorName = z.enum(["skills", "areas", "experience", "interests", "availability", "language"]);
const Weight = z.number().min(0, "Weights go from 0 (ignore) to 10 (must match)").max(10, "Weights go from 0 (ignore) to 10 (must match)");

export const RoundCreate = z.strictObject({
  weights: z.partialRecord(FactorName, Weight).optional().describe("0 = ignore, 10 = must match; defaults apply for the rest"),
  k: z.number().int().min(1).max(500).default(50).describe("Candidate mentors kept per mentee"),
  requireSharedLanguage: z.boolean().default(true),
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

export const RoundSummary = z
  .object({
    id: Id,
    programmeId: Id,
    status: z.enum(["draft", "published", "discarded"]),
    settings: z.object({ weights: z.record(z.string(), z.number()), k: z.number().int(), requireSharedLanguage: z.boolean() }),
    stats: RoundStats,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "MatchRound" });

const Person = z.object({ enrolmentId: Id, name: z.string(), email: z.string() });

export const RoundPair = z.object({
  mentee: Person,
  mentor: Person,
  score: z.number(),
  locked: z.boolean(),
  reasons: z.array(z.string()).describe("The two or three reasons in plain words"),
  factors: z.array(z.object({ factor: z.string(), value: z.number().nullable(), weight: z.number(), points: z.number() })),
});

export const RoundDetail = RoundSummary.extend({
  pairs: z.array(RoundPair),
  pairsTotal: z.number().int(),
  unmatched: z.array(z.object({ mentee: Person, kind: z.string(), reason: z.string() })),
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
export const RoundDetailQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
