import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { isApiError } from "../../lib/api";
import { formatDateTime } from "../../lib/dates";
import { setFlash } from "../../lib/flash";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import {
  discardRound,
  type PublishResult,
  type RerunInput,
  type RoundDetail,
  refreshMatching,
  rerunRound,
  roundQuery,
  roundsQuery,
} from "./matching-api";
import { plural, roundStatusLabels } from "./matching-labels";
import { PAIRS_PAGE_SIZE } from "./matching-search";
import { MentorContention } from "./mentor-contention";
import { MoveDialog, type MoveTarget } from "./move-dialog";
import { PairsTable } from "./pairs-table";
import { PublishDialog } from "./publish-dialog";
import { PublishedNotice } from "./published-notice";
import { RerunSection } from "./rerun-section";
import { RoundSummaryCard } from "./round-summary";
import { forgetTuning, useTuning } from "./tuning";
import { UnmatchedList } from "./unmatched-list";
import "./matching.css";

const route = getRouteApi("/_app/programmes/$programmeId/matching/$roundId");

export function RoundPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Matching round">
      {(programme) => <Round programme={programme} />}
    </ProgrammeSection>
  );
}

function Round({ programme }: { programme: Programme }) {
  const { roundId } = route.useParams();
  const search = route.useSearch();
  const page = search.page ?? 1;
  const query = useQuery(
    roundQuery(programme.id, roundId, {
      limit: PAIRS_PAGE_SIZE,
      offset: (page - 1) * PAIRS_PAGE_SIZE,
      sort: search.sort,
      mentor: search.mentor,
    }),
  );
  const round = query.data;

  if (!round) {
    if (query.isError) {
      const missing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
      return missing ? (
        <>
          <p>This round doesn't exist in this programme.</p>
          <p>
            <Link to="/programmes/$programmeId/matching" params={{ programmeId: programme.id }}>
              Back to matching
            </Link>
          </p>
        </>
      ) : (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      );
    }
    return <LoadingState label="Loading the round…" />;
  }
  // A new round (e.g. "the draft this was run from") starts with fresh forms and dialogs.
  return <RoundView key={round.id} programme={programme} round={round} />;
}

function RoundView({ programme, round }: { programme: Programme; round: RoundDetail }) {
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const draft = round.status === "draft";
  const tuning = useTuning(round.id, { locked: round.settings.locked, excluded: round.settings.excluded });
  const [moving, setMoving] = useState<MoveTarget | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const [published, setPublished] = useState<PublishResult | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  /** Runs again from this round and opens the new draft. */
  const runAgain = async (body: RerunInput) => {
    const next = await rerunRound(programme.id, round.id, body);
    forgetTuning(round.id);
    await refreshMatching(queryClient, programme.id);
    const path = `/programmes/${programme.id}/matching/${next.id}`;
    setFlash(
      `New draft: ${next.stats.matched} of ${plural(next.stats.mentees, "mentee")} matched. Compare it with the draft it came from below.`,
      path,
    );
    await navigate({ to: "/programmes/$programmeId/matching/$roundId", params: { programmeId: programme.id, roundId: next.id } });
  };

  const discard = useMutation({
    mutationFn: () => discardRound(programme.id, round.id),
    onSuccess: async () => {
      forgetTuning(round.id);
      setDiscarding(false);
      await refreshMatching(queryClient, programme.id);
      setOutcome("This draft has been discarded. It stays in the list of rounds for reference.");
    },
  });

  const kindLabel = round.kind === "open" ? "Open places only" : "Whole pool";

  return (
    <>
      <div className="round-header">
        <p className="round-header__status">
          <span className={`badge badge--round-${round.status}`}>{roundStatusLabels[round.status]}</span>{" "}
          <span>
            {kindLabel}, run {formatDateTime(round.createdAt)}
            {round.publishedAt ? `, published ${formatDateTime(round.publishedAt)}` : ""}
          </span>
        </p>
        <p className="round-header__links">
          <Link to="/programmes/$programmeId/matching" params={{ programmeId: programme.id }}>
            All rounds
          </Link>
          {round.settings.basedOn ? (
            <>
              <Link to="/programmes/$programmeId/matching/$roundId" params={{ programmeId: programme.id, roundId: round.settings.basedOn }}>
                The draft this was run from
              </Link>
              <Link
                to="/programmes/$programmeId/matching/compare"
                params={{ programmeId: programme.id }}
                search={{ a: round.settings.basedOn, b: round.id }}
              >
                Compare with the draft it was run from
              </Link>
            </>
          ) : null}
          {round.status === "published" ? (
            <Link to="/programmes/$programmeId/matching/pairs" params={{ programmeId: programme.id }}>
              Pairs in this programme
            </Link>
          ) : null}
        </p>
      </div>

      <div role="status" className="flash-region">
        {outcome ? (
          <div className="notice notice--success" tabIndex={-1} ref={outcomeRef}>
            <p>{outcome}</p>
          </div>
        ) : null}
      </div>
      {published ? <PublishedNotice programmeId={programme.id} result={published} /> : null}

      {draft && round.stale ? (
        <div className="notice notice--warning">
          <h2 className="notice__title">The pool has changed since this run</h2>
          <p>
            {plural(round.poolChanges, "person has", "people have")} joined, left or changed their answers. This draft can't be published;
            run it again to match the pool as it is now.
          </p>
          <RunAgainButton onRun={() => runAgain({})} />
        </div>
      ) : null}

      {draft ? (
        <div className="actions-row round-actions">
          <button type="button" className="button button--primary" onClick={() => setPublishing(true)}>
            Publish…
          </button>
          <button type="button" className="button button--danger-outline" onClick={() => setDiscarding(true)}>
            Discard…
          </button>
          <CompareForm programmeId={programme.id} round={round} />
        </div>
      ) : (
        <div className="actions-row round-actions">
          <CompareForm programmeId={programme.id} round={round} />
        </div>
      )}

      <RoundSummaryCard round={round} />
      <PairsTable
        programmeId={programme.id}
        round={round}
        search={search}
        tuning={draft ? tuning : null}
        onMove={(pair) => setMoving({ mentee: pair.mentee, mentor: pair.mentor })}
      />
      <UnmatchedList
        programmeId={programme.id}
        round={round}
        onPair={draft ? (mentee) => setMoving({ mentee, mentor: null }) : undefined}
      />
      {draft ? <RerunSection round={round} tuning={tuning} onRerun={runAgain} /> : null}
      <MentorContention mentors={round.mentors} />

      {draft ? (
        <>
          <MoveDialog
            programmeId={programme.id}
            round={round}
            target={moving}
            onCancel={() => setMoving(null)}
            onDone={async (_result, message) => {
              setMoving(null);
              await refreshMatching(queryClient, programme.id);
              setOutcome(message);
            }}
          />
          <PublishDialog
            programme={programme}
            round={round}
            open={publishing}
            onCancel={() => setPublishing(false)}
            onPublished={async (result) => {
              setPublishing(false);
              forgetTuning(round.id);
              setPublished(result);
              await refreshMatching(queryClient, programme.id);
            }}
            onRunAgain={async () => {
              setPublishing(false);
              await runAgain({});
            }}
          />
          <ConfirmDialog
            open={discarding}
            title="Discard this draft?"
            confirmLabel="Discard"
            pendingLabel="Discarding…"
            variant="danger"
            pending={discard.isPending}
            error={discard.isError ? discard.error.message : null}
            onConfirm={() => discard.mutate()}
            onCancel={() => {
              discard.reset();
              setDiscarding(false);
            }}
          >
            <p>Nobody has been told about this draft, so nobody is emailed. A discarded draft can't be published.</p>
          </ConfirmDialog>
        </>
      ) : null}
    </>
  );
}

function RunAgainButton({ onRun }: { onRun: () => Promise<unknown> }) {
  const mutation = useMutation({ mutationFn: onRun });
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => mutation.mutate()}
        disabled={mutation.isPending}
        aria-busy={mutation.isPending || undefined}
      >
        {mutation.isPending ? "Running again…" : "Run again"}
      </button>
      {mutation.isError ? <p className="field__error">{mutation.error.message}</p> : null}
    </>
  );
}

/** Pick another round of the programme and open the comparison. */
function CompareForm({ programmeId, round }: { programmeId: string; round: RoundDetail }) {
  const navigate = useNavigate();
  const rounds = useQuery(roundsQuery(programmeId));
  const others = (rounds.data ?? []).filter((r) => r.id !== round.id);
  const [other, setOther] = useState("");
  const chosen = other || round.settings.basedOn || others[0]?.id || "";
  if (others.length === 0) return null;
  return (
    <form
      className="compare-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) return;
        void navigate({
          to: "/programmes/$programmeId/matching/compare",
          params: { programmeId },
          search: { a: chosen, b: round.id },
        });
      }}
    >
      <label htmlFor="compare-with">Compare with</label>
      <select id="compare-with" value={chosen} onChange={(event) => setOther(event.target.value)}>
        {others.map((r) => (
          <option key={r.id} value={r.id}>
            {roundStatusLabels[r.status]}, {formatDateTime(r.createdAt)} ({r.stats.matched} matched)
          </option>
        ))}
      </select>
      <button type="submit" className="button button--secondary">
        Compare
      </button>
    </form>
  );
}
