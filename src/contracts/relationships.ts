import { z } from "zod";
import { Id } from "./common.js";
import { ProgrammeType } from "./programmes.js";

export const RelationshipStatus = z.enum(["proposed", "active", "paused", "completed", "ended", "declined"]);
export const RelationshipOrigin = z.enum(["round", "self_match", "manual", "rematch", "shortlist"]);
export const PairSide = z.enum(["mentor", "mentee"]).describe("mentor also stands for coach, mentee for coachee");

/** A pair as one of its two people sees it. */
export const MyRelationship = z
  .object({
    id: Id,
    programme: z.object({ id: Id, name: z.string(), slug: z.string(), type: ProgrammeType }),
    status: RelationshipStatus,
    origin: RelationshipOrigin,
    side: PairSide,
    partner: z.object({ name: z.string(), email: z.string() }),
    /** Why the two were paired, from the matching round or the mentor's ranking. */
    matchReasons: z.array(z.string()),
    /** Whether each side has accepted a proposed pair. */
    mentorAccepted: z.boolean(),
    menteeAccepted: z.boolean(),
    startedAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
    /** Both chose to continue after the term: the workspace stays open. */
    continuing: z.boolean(),
    /** Whether the pair can still write in the workspace. */
    writable: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "MyRelationship" });
export type MyRelationship = z.infer<typeof MyRelationship>;

export const RelationshipParams = z.strictObject({ relationshipId: Id });
