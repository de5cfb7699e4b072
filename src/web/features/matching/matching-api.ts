import { keepPreviousData, type QueryClient, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CoordinatorPairPage as CoordinatorPairPageSchema,
  CoordinatorPair as CoordinatorPairSchema,
  DeclineProposal,
  PairDetail as PairDetailSchema,
  PairEditResult as PairEditResultSchema,
  PairRef as PairRefSchema,
  PublishResult as PublishResultSchema,
  RematchResult as RematchResultSchema,
  RoundComparison as RoundComparisonSchema,
  RoundCreate,
  RoundDetail as RoundDetailSchema,
  RoundPair as RoundPairSchema,
  RoundRerun,
  RoundSummary as RoundSummarySchema,
} from "../../../contracts/matching";
import type { MyRelationship, RelationshipStatus } from "../../../contracts/relationships";
import { api } from "../../lib/api";

export type RoundSummary = z.infer<typeof RoundSummarySchema>;
export type RoundDetail = z.infer<typeof RoundDetailSchema>;
export type RoundPair = z.infer<typeof RoundPairSchema>;
export type RoundStatus = RoundSummary["status"];
export type RoundSettingsInput = z.input<typeof RoundCreate>;
export type RerunInput = z.input<typeof RoundRerun>;
export type PairRef = z.infer<typeof PairRefSchema>;
export type MatchPersonRef = RoundPair["mentee"];
export type PairDetail = z.infer<typeof PairDetailSchema>;
export type PairSideProfile = NonNullable<PairDetail["mentor"]>;
export type RoundComparison = z.infer<typeof RoundComparisonSchema>;
export type PairEditResult = z.infer<typeof PairEditResultSchema>;
export type PublishResult = z.infer<typeof PublishResultSchema>;
export type CoordinatorPair = z.infer<typeof CoordinatorPairSchema>;
export type CoordinatorPairPage = z.infer<typeof CoordinatorPairPageSchema>;
export type RematchResult = z.infer<typeof RematchResultSchema>;
export type PairStatus = z.infer<typeof RelationshipStatus>;

const id = encodeURIComponent;
const programmePath = (programmeId: string) => `/api/programmes/${id(programmeId)}`;
const roundsPath = (programmeId: string) => `${programmePath(programmeId)}/match-rounds`;
const roundPath = (programmeId: string, roundId: string) => `${roundsPath(programmeId)}/${id(roundId)}`;
const pairPath = (programmeId: string, roundId: string, menteeEnrolmentId: string) =>
  `${roundPath(programmeId, roundId)}/pairs/${id(menteeEnrolmentId)}`;

export type RoundPageParams = { limit: number; offset: number; sort?: "score-desc" | "score-asc" | "mentee" | "mentor"; mentor?: string };
export type ComparePageParams = { a: string; b: string; limit: number; offset: number };
export type PairListParams = { status?: PairStatus; limit: number; offset: number };

export const matchingKeys = {
  all: (programmeId: string) => ["programmes", "detail", programmeId, "matching"] as const,
  rounds: (programmeId: string) => ["programmes", "detail", programmeId, "matching", "rounds"] as const,
  round: (programmeId: string, roundId: string) => ["programmes", "detail", programmeId, "matching", "round", roundId] as const,
  roundPage: (programmeId: string, roundId: string, params: RoundPageParams) =>
    ["programmes", "detail", programmeId, "matching", "round", roundId, "page", params] as const,
  pair: (programmeId: string, roundId: string, menteeEnrolmentId: string, mentorEnrolmentId?: string) =>
    ["programmes", "detail", programmeId, "matching", "round", roundId, "pair", menteeEnrolmentId, mentorEnrolmentId ?? null] as const,
  compare: (programmeId: string, params: ComparePageParams) =>
    ["programmes", "detail", programmeId, "matching", "compare", params] as const,
  pairs: (programmeId: string) => ["programmes", "detail", programmeId, "matching", "pairs"] as const,
  pairList: (programmeId: string, params: PairListParams) => ["programmes", "detail", programmeId, "matching", "pairs", params] as const,
  /** The signed-in person's own pairs (GET /api/relationships), shared with the workspace pages. */
  mine: ["relationships"] as const,
};

/** After anything that changes rounds or pairs: refetch every matching view of the programme. */
export const refreshMatching = (queryClient: QueryClient, programmeId: string) =>
  queryClient.invalidateQueries({ queryKey: matchingKeys.all(programmeId) });

// ---- Rounds ----------------------------------------------------------------------------

export const roundsQuery = (programmeId: string) =>
  queryOptions({
    queryKey: matchingKeys.rounds(programmeId),
    queryFn: ({ signal }) => api<RoundSummary[]>(roundsPath(programmeId), { signal }),
  });

/** One round with a page of its pairs (sorted and filtered by the server), every unmatched mentee and the mentors. */
export const roundQuery = (programmeId: string, roundId: string, params: RoundPageParams) =>
  queryOptions({
    queryKey: matchingKeys.roundPage(programmeId, roundId, params),
    queryFn: ({ signal }) => api<RoundDetail>(roundPath(programmeId, roundId), { query: params, signal }),
    // Keep the page on screen while another block of the same round loads, never another round's.
    placeholderData: (previous) => (previous?.id === roundId ? previous : undefined),
  });

/** Runs the engine over the approved pool; the answer is the new draft. */
export const runRound = (programmeId: string, body: RoundSettingsInput) =>
  api<RoundSummary>(roundsPath(programmeId), { method: "POST", body });

/** Runs again from a round: its settings, locks and exclusions with these changes; the answer is a new draft. */
export const rerunRound = (programmeId: string, roundId: string, body: RerunInput) =>
  api<RoundSummary>(`${roundPath(programmeId, roundId)}/rerun`, { method: "POST", body });

/** Re-solves only mentees without a live pair against mentors with places left; the answer is a new draft. */
export const resolveOpen = (programmeId: string, body: RoundSettingsInput) =>
  api<RoundSummary>(`${roundsPath(programmeId)}/resolve-open`, { method: "POST", body });

export const discardRound = (programmeId: string, roundId: string) =>
  api<RoundSummary>(`${roundPath(programmeId, roundId)}/discard`, { method: "POST", body: {} });

/** Creates the pairs; a pool that changed since the run answers 409 stale_round. */
export const publishRound = (programmeId: string, roundId: string, poolFingerprint: string) =>
  api<PublishResult>(`${roundPath(programmeId, roundId)}/publish`, { method: "POST", body: { poolFingerprint } });

/** Side by side: the mentee and their mentor in the round, or any mentor for a "what if". */
export const pairQuery = (programmeId: string, roundId: string, menteeEnrolmentId: string, mentorEnrolmentId?: string) =>
  queryOptions({
    queryKey: matchingKeys.pair(programmeId, roundId, menteeEnrolmentId, mentorEnrolmentId),
    queryFn: ({ signal }) => api<PairDetail>(pairPath(programmeId, roundId, menteeEnrolmentId), { query: { mentorEnrolmentId }, signal }),
    // A "what if" with another mentor keeps the mentee on screen while it loads.
    placeholderData: (previous) =>
      previous?.roundId === roundId && previous.mentee.person.enrolmentId === menteeEnrolmentId ? previous : undefined,
  });

/** Moves a mentee to another mentor in a draft, or leaves them unmatched (null). */
export const editPair = (programmeId: string, roundId: string, menteeEnrolmentId: string, mentorEnrolmentId: string | null) =>
  api<PairEditResult>(pairPath(programmeId, roundId, menteeEnrolmentId), { method: "PATCH", body: { mentorEnrolmentId } });

export const compareQuery = (programmeId: string, params: ComparePageParams) =>
  queryOptions({
    queryKey: matchingKeys.compare(programmeId, params),
    queryFn: ({ signal }) => api<RoundComparison>(`${roundsPath(programmeId)}/compare`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });

// ---- Pairs after publishing --------------------------------------------------------------

export const pairListQuery = (programmeId: string, params: PairListParams) =>
  queryOptions({
    queryKey: matchingKeys.pairList(programmeId, params),
    queryFn: ({ signal }) => api<CoordinatorPairPage>(`${programmePath(programmeId)}/relationships`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });

/** Ends a pair at no one's fault and frees the mentee for a new match. */
/** Pairs two approved people by hand, under the same rules as a round (both emailed). */
export const pairByHand = (programmeId: string, body: { menteeEnrolmentId: string; mentorEnrolmentId: string }) =>
  api<CoordinatorPair>(`${programmePath(programmeId)}/relationships`, { method: "POST", body });

export const rematch = (programmeId: string, relationshipId: string, note?: string) =>
  api<RematchResult>(`${programmePath(programmeId)}/relationships/${id(relationshipId)}/rematch`, {
    method: "POST",
    body: note ? { note } : {},
  });

// ---- A participant answers a proposal ------------------------------------------------------

export const acceptProposal = (relationshipId: string) =>
  api<MyRelationship>(`/api/relationships/${id(relationshipId)}/accept`, { method: "POST", body: {} });

export const declineProposal = (relationshipId: string, body: z.input<typeof DeclineProposal>) =>
  api<MyRelationship>(`/api/relationships/${id(relationshipId)}/decline`, { method: "POST", body });

export const myRelationshipsQuery = queryOptions({
  queryKey: matchingKeys.mine,
  queryFn: ({ signal }) => api<MyRelationship[]>("/api/relationships", { signal }),
});
