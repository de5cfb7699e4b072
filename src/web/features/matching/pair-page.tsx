import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { isApiError } from "../../lib/api";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { editPair, type PairDetail, pairQuery, type RoundDetail, refreshMatching, roundQuery } from "./matching-api";
import { formatScore, roundStatusLabels } from "./matching-labels";
import { withNothingChanged } from "./move-dialog";
import { PairExplanation } from "./pair-explanation";
import { ProfileColumn } from "./profile-column";
import { useTuning } from "./tuning";
import "./matching.css";

const route = getRouteApi("/_app/programmes/$programmeId/matching/$roundId/pairs/$menteeEnrolmentId");

export function PairPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Side by side">
      {(programme) => <Pair programme={programme} />}
    </ProgrammeSection>
  );
}

function Pair({ programme }: { programme: Programme }) {
  const { roundId, menteeEnrolmentId } = route.useParams();
  const search = route.useSearch();
  // The round's mentors (for "what if") and status; one pair is enough of its pairs.
  const roundResult = useQuery(roundQuery(programme.id, roundId, { limit: 1, offset: 0 }));
  const query = useQuery(pairQuery(programme.id, roundId, menteeEnrolmentId, search.mentor));
  const detail = query.data;
  const round = roundResult.data;

  const back = (
    <p>
      <Link to="/programmes/$programmeId/matching/$roundId" params={{ programmeId: programme.id, roundId }}>
        <span aria-hidden="true">← </span>Back to the round
      </Link>
    </p>
  );

  if (!detail || !round) {
    const error = query.error ?? roundResult.error;
    if (error) {
      const missing = isApiError(error) && (error.status === 404 || error.status === 400);
      return (
        <>
          {missing ? <p>This mentee isn't in this round, or the round doesn't exist.</p> : <ErrorState error={error} />}
          {back}
        </>
      );
    }
    return (
      <>
        <LoadingState label="Loading both profiles…" />
        {back}
      </>
    );
  }
  return (
    <>
      {back}
      <PairView
        key={`${round.id}:${menteeEnrolmentId}`}
        programme={programme}
        round={round}
        detail={detail}
        fetching={query.isFetching}
        mentorParam={search.mentor}
      />
    </>
  );
}

function PairView({
  programme,
  round,
  detail,
  fetching,
  mentorParam,
}: {
  programme: Programme;
  round: RoundDetail;
  detail: PairDetail;
  fetching: boolean;
  mentorParam?: string;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const draft = round.status === "draft";
  const tuning = useTuning(round.id, { locked: round.settings.locked, excluded: round.settings.excluded });
  const [outcome, setOutcome] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const mentee = detail.mentee;
  const mentor = detail.mentor;
  const ref = mentor ? { menteeEnrolmentId: mentee.person.enrolmentId, mentorEnrolmentId: mentor.person.enrolmentId } : null;
  const named = ref && mentor ? { ...ref, menteeName: mentee.person.name, mentorName: mentor.person.name } : null;

  const assign = useMutation({
    mutationFn: (mentorId: string | null) => editPair(programme.id, round.id, mentee.person.enrolmentId, mentorId),
    onSuccess: async (_result, mentorId) => {
      await refreshMatching(queryClient, programme.id);
      if (mentorId) {
        await navigate({
          to: "/programmes/$programmeId/matching/$roundId/pairs/$menteeEnrolmentId",
          params: { programmeId: programme.id, roundId: round.id, menteeEnrolmentId: mentee.person.enrolmentId },
          search: {},
          replace: true,
        });
      }
      setOutcome(
        mentorId
          ? `${mentee.person.name} is now paired with ${mentor?.person.name ?? "this mentor"} in the draft.`
          : `${mentee.person.name} is now unmatched in the draft.`,
      );
    },
  });

  const mentors = [...round.mentors].sort((a, b) => a.mentor.name.localeCompare(b.mentor.name));
  const unmatchedInRound = round.unmatched.some((u) => u.mentee.enrolmentId === mentee.person.enrolmentId);
  const o = detail.overlaps;

  return (
    <div aria-busy={fetching || undefined}>
      <p className="lead">
        {mentor ? (
          <>
            {mentee.person.name} and {mentor.person.name}
            {detail.inRound ? " are paired in this round" : " are not paired in this round: this is a “what if”"}.
          </>
        ) : (
          <>{mentee.person.name} has no mentor in this round.</>
        )}{" "}
        <span className="muted">({roundStatusLabels[round.status]} round.)</span>
      </p>

      <div role="status" className="flash-region">
        {outcome ? (
          <div className="notice notice--success" tabIndex={-1} ref={outcomeRef}>
            <p>{outcome}</p>
          </div>
        ) : null}
      </div>

      {detail.unmatchedReason && !mentor ? (
        <div className="notice notice--warning">
          <h2 className="notice__title">Why unmatched</h2>
          <p>{detail.unmatchedReason}</p>
        </div>
      ) : null}

      {mentor && !detail.allowed ? (
        <div className="notice notice--error">
          <h2 className="notice__title">Grove won't make this pair</h2>
          <ul>
            {detail.blockedBy.map((b) => (
              <li key={b.rule}>{b.message}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <form
        className="what-if"
        onSubmit={(event) => {
          event.preventDefault();
          const value = new FormData(event.currentTarget).get("mentor");
          void navigate({
            to: "/programmes/$programmeId/matching/$roundId/pairs/$menteeEnrolmentId",
            params: { programmeId: programme.id, roundId: round.id, menteeEnrolmentId: mentee.person.enrolmentId },
            search: { mentor: typeof value === "string" && value ? value : undefined },
          });
        }}
      >
        <div className="field">
          <label htmlFor="what-if-mentor">Look at {mentee.person.name} with</label>
          <select id="what-if-mentor" name="mentor" defaultValue={mentorParam ?? ""} key={mentorParam ?? ""}>
            <option value="">{unmatchedInRound ? "Choose a mentor…" : "Their mentor in this round"}</option>
            {mentors.map((m) => (
              <option key={m.mentor.enrolmentId} value={m.mentor.enrolmentId}>
                {m.mentor.name} ({m.assigned} of {m.capacity} places used)
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Show
        </button>
      </form>

      {mentor ? (
        <section aria-labelledby="overlap-title" className="card">
          <h2 id="overlap-title">
            In common{detail.score !== null ? <span className="overlap-score"> · score {formatScore(detail.score)}</span> : null}
          </h2>
          <dl className="stat-list">
            <div>
              <dt>Skills</dt>
              <dd>{o.skills.length ? o.skills.join(", ") : "None"}</dd>
            </div>
            <div>
              <dt>Areas</dt>
              <dd>{o.areas.length ? o.areas.join(", ") : "None"}</dd>
            </div>
            <div>
              <dt>Languages</dt>
              <dd>{o.languages.length ? o.languages.join(", ") : "None"}</dd>
            </div>
            <div>
              <dt>Interests</dt>
              <dd>{o.interests.length ? o.interests.join(", ") : "None"}</dd>
            </div>
            <div>
              <dt>Both free</dt>
              <dd>
                {o.availabilityMinutesPerWeek > 0
                  ? `${o.availabilityMinutesPerWeek} minutes a week`
                  : mentee.availability.length > 0 && mentor.availability.length > 0
                    ? "No shared weekly time"
                    : "Not known: weekly times missing"}
              </dd>
            </div>
            <div>
              <dt>Time zones</dt>
              <dd>{o.timeZoneHoursApart === 0 ? "The same offset" : `${o.timeZoneHoursApart} hours apart`}</dd>
            </div>
          </dl>
          {detail.score !== null ? (
            <PairExplanation
              pair={{
                mentee: mentee.person,
                mentor: mentor.person,
                score: detail.score,
                locked: detail.locked,
                manual: detail.manual,
                reasons: detail.reasons,
                factors: detail.factors,
              }}
            />
          ) : null}
          {draft && ref && named ? (
            <div className="actions-row actions-row--tight">
              {detail.inRound ? (
                <>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => (tuning.isLocked(ref) ? tuning.unlock(ref) : tuning.lock(named))}
                  >
                    {tuning.isLocked(ref) ? "Unlock in the next run" : "Lock for the next run"}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => (tuning.isExcluded(ref) ? tuning.include(ref) : tuning.exclude(named))}
                  >
                    {tuning.isExcluded(ref) ? "Allow again in the next run" : "Exclude from the next run"}
                  </button>
                  <button type="button" className="button button--danger-outline" onClick={() => assign.mutate(null)}>
                    Leave {mentee.person.name} unmatched
                  </button>
                </>
              ) : detail.allowed ? (
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => assign.mutate(mentor.person.enrolmentId)}
                  disabled={assign.isPending}
                >
                  {assign.isPending ? "Saving…" : `Pair ${mentee.person.name} with ${mentor.person.name} in this draft`}
                </button>
              ) : null}
            </div>
          ) : null}
          {assign.isError ? (
            <p className="notice notice--error" role="alert">
              {withNothingChanged(assign.error.message)}
            </p>
          ) : null}
        </section>
      ) : null}

      <div className="side-by-side">
        <ProfileColumn side={mentee} title="Mentee" />
        {mentor ? (
          <ProfileColumn side={mentor} title="Mentor" />
        ) : (
          <section className="card profile-column" aria-label="No mentor">
            <p>Choose a mentor above to see how they would fit.</p>
          </section>
        )}
      </div>
    </div>
  );
}
