import { z } from "zod";
import { DECLINE_REASON_MAX, MESSAGE_MAX, MESSAGE_MIN, REQUEST_STATUSES } from "../core/self-match/requests.js";
import { Id, Page, pageOf } from "./common.js";

export const MatchRequestStatus = z.enum(REQUEST_STATUSES);

/** What another participant may see of someone before they are a pair: never their manager, email or private answers. */
export const PublicProfile = z
  .object({
    skills: z.array(z.object({ name: z.string(), level: z.number().int() })).describe("Mentor: skills offered; mentee: skills to grow"),
    areas: z.array(z.string()).describe("Mentor: kinds of help offered; mentee: kinds of help sought"),
    yearsExperience: z.number().nullable(),
    timezone: z.string().nullable(),
    languages: z.array(z.string()),
  })
  .meta({ id: "PublicProfile" });

export const MentorCard = z
  .object({
    enrolmentId: Id,
    name: z.string(),
    profile: PublicProfile,
    score: z.number().describe("0–100: how well this mentor fits you, by the same scoring as the matching engine"),
    reasons: z.array(z.string()).describe("Two or three reasons in plain words"),
    placesLeft: z.number().int(),
    /** Your latest request to this mentor, if any (pending, or declined: a declined mentor cannot be asked again). */
    myRequest: z.object({ id: Id, status: MatchRequestStatus }).nullable(),
  })
  .meta({ id: "MentorCard" });

export const MentorBrowse = pageOf(MentorCard).extend({
  requestLimit: z.number().int(),
  pendingRequests: z.number().int().describe("Your requests waiting for an answer; at most requestLimit"),
  requestExpiryDays: z.number().int(),
});

export const MentorBrowseQuery = Page;

export const MatchRequestCreate = z.strictObject({
  mentorEnrolmentId: Id,
  message: z
    .string()
    .trim()
    .min(MESSAGE_MIN, `Write at least ${MESSAGE_MIN} characters: say why you would like this mentor`)
    .max(MESSAGE_MAX, `Messages are at most ${MESSAGE_MAX} characters`),
});

export const MatchRequestDecline = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, "Give the mentee a reason; they read it")
    .max(DECLINE_REASON_MAX, `Reasons are at most ${DECLINE_REASON_MAX} characters`),
});

const Times = {
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  respondedAt: z.iso.datetime().nullable(),
};

/** A request as the mentee who wrote it sees it. */
export const SentRequest = z
  .object({
    id: Id,
    programmeId: Id,
    status: MatchRequestStatus,
    mentor: z.object({ enrolmentId: Id, name: z.string() }),
    message: z.string(),
    /** The mentor's reason, when they declined. */
    declineReason: z.string().nullable(),
    /** Why Grove closed it without an answer (another mentor accepted you, the mentor is full). */
    closedReason: z.string().nullable(),
    /** The pair the request became, once accepted. */
    relationshipId: Id.nullable(),
    ...Times,
  })
  .meta({ id: "SentMatchRequest" });

/** A request as the mentor it was sent to sees it. */
export const ReceivedRequest = z
  .object({
    id: Id,
    programmeId: Id,
    status: MatchRequestStatus,
    mentee: z.object({ enrolmentId: Id, name: z.string(), profile: PublicProfile }),
    message: z.string(),
    score: z.number().nullable().describe("null when a rule now rules the pair out (e.g. no shared language)"),
    reasons: z.array(z.string()),
    declineReason: z.string().nullable(),
    closedReason: z.string().nullable(),
    relationshipId: Id.nullable(),
    ...Times,
  })
  .meta({ id: "ReceivedMatchRequest" });

export const SentRequests = pageOf(SentRequest).extend({
  box: z.literal("sent"),
  requestLimit: z.number().int(),
  pendingRequests: z.number().int(),
});
export const ReceivedRequests = pageOf(ReceivedRequest).extend({
  box: z.literal("received"),
  pendingRequests: z.number().int(),
  placesLeft: z.number().int(),
  paused: z.boolean(),
});

export const RequestList = z.discriminatedUnion("box", [SentRequests, ReceivedRequests]);

export const RequestBox = z.enum(["sent", "received"]);
export const MatchRequestListQuery = Page.extend({
  box: RequestBox.default("sent").describe("sent: your requests as a mentee; received: requests to you as a mentor"),
});

export const MatchRequestParams = z.strictObject({ requestId: Id });

export const AcceptResult = z.object({
  request: ReceivedRequest,
  relationshipId: Id,
});

/** What a coordinator sees of self-matching: counts and ages, never the messages. */
export const MatchRequestSummary = z
  .object({
    matchMode: z.enum(["round", "self"]),
    counts: z.record(MatchRequestStatus, z.number().int()),
    oldestPendingDays: z.number().nullable(),
    /** Pending requests older than half their time to expire: the mentor may need a nudge. */
    unanswered: z.array(
      z.object({
        id: Id,
        mentee: z.object({ enrolmentId: Id, name: z.string() }),
        mentor: z.object({ enrolmentId: Id, name: z.string() }),
        createdAt: z.iso.datetime(),
        expiresAt: z.iso.datetime(),
        ageDays: z.number(),
      }),
    ),
    unansweredTotal: z.number().int(),
    /** Approved mentees with no live pair and no pending request: they may need help choosing. */
    menteesWithoutRequest: z.number().int(),
  })
  .meta({ id: "MatchRequestSummary" });

export type MentorCard = z.infer<typeof MentorCard>;
export type SentRequest = z.infer<typeof SentRequest>;
export type ReceivedRequest = z.infer<typeof ReceivedRequest>;
