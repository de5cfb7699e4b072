import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { END_CATEGORY_LABELS, type EndCategory } from "../../../core/relationships/status";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { Pagination } from "../../components/pagination";
import { TextAreaField } from "../../components/text-area-field";
import { isApiError } from "../../lib/api";
import { formatDateTime } from "../../lib/dates";
import { setFlash } from "../../lib/flash";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { type CoordinatorPair, pairListQuery, refreshMatching, rematch, resolveOpen, roundsQuery } from "./matching-api";
import { plural } from "./matching-labels";
import { pairStatuses } from "./matching-search";
import { PairByHandDialog } from "./pair-by-hand-dialog";
import { settingsOf } from "./settings-form";
import "./matching.css";

const route = getRouteApi("/_app/programmes/$programmeId/matching/pairs");
const PAGE_SIZE = 25;

export const pairStatusLabels: Record<(typeof pairStatuses)[number], string> = {
  proposed: "Proposed",
  active: "Active",
  paused: "Paused",
  completed: "Completed",
  ended: "Ended",
  declined: "Declined",
};

const originLabels: Record<CoordinatorPair["origin"], string> = {
  round: "Matching round",
  self_match: "Mentee's request",
  manual: "Set by hand",
  rematch: "Rematch",
  shortlist: "Coachee's pick from a shortlist",
};

export function PairsPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection
      programmeId={programmeId}
      title="Pairs"
      lead={() => (
        <p>
          Every pair in this programme and where it stands. You see who is paired and how it is going, never what a pair writes to each
          other.
        </p>
      )}
    >
      {(programme) => <Pairs programme={programme} />}
    </ProgrammeSection>
  );
}

function Pairs({ programme }: { programme: Programme }) {
  const search = route.useSearch();
  const page = search.page ?? 1;
  const query = useQuery(pairListQuery(programme.id, { status: search.status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
  const data = query.data;
  const [ending, setEnding] = useState<CoordinatorPair | null>(null);
  const [resolving, setResolving] = useState(false);
  const [pairing, setPairing] = useState(false);
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  return (
    <>
      <div className="toolbar toolbar--actions">
        <p className="muted">
          Declined proposals and rematches leave mentees without a mentor. Resolve open places to match them with mentors who still have
          room, without touching anyone else's pair.
        </p>
        <div className="actions-row actions-row--tight">
          <button type="button" className="button button--primary" onClick={() => setResolving(true)}>
            Resolve open places…
          </button>
          <button type="button" className="button button--secondary" onClick={() => setPairing(true)}>
            Pair by hand…
          </button>
          <Link to="/programmes/$programmeId/matching" params={{ programmeId: programme.id }} className="button button--secondary">
            Matching rounds
          </Link>
        </div>
      </div>

      <PairByHandDialog
        programme={programme}
        open={pairing}
        onClose={() => setPairing(false)}
        onPaired={async (pair) => {
          setPairing(false);
          setOutcome(
            `${pair.mentee.name} and ${pair.mentor.name} are paired${pair.status === "proposed" ? "; both are asked to accept" : ""}. Both were emailed.`,
          );
          await refreshMatching(queryClient, programme.id);
        }}
      />

      <nav aria-label="Filter pairs by status" className="status-filters">
        <ul>
          {([undefined, ...pairStatuses] as const).map((status) => (
            <li key={status ?? "all"}>
              <Link
                to="/programmes/$programmeId/matching/pairs"
                params={{ programmeId: programme.id }}
                search={{ status }}
                className="status-filters__link"
                // "All" must not count as current whenever a status is chosen.
                activeOptions={{ exact: true, includeSearch: true, explicitUndefined: true }}
                aria-current={search.status === status ? "page" : undefined}
              >
                {status ? pairStatusLabels[status] : "All"}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <div role="status" className="flash-region">
        {outcome ? (
          <div className="notice notice--success" tabIndex={-1} ref={outcomeRef}>
            <p>{outcome}</p>
            <button type="button" className="button button--link" onClick={() => setOutcome(null)}>
              Dismiss<span className="visually-hidden"> message</span>
            </button>
          </div>
        ) : null}
      </div>

      <section aria-labelledby="pairs-list-title" aria-busy={query.isFetching || undefined}>
        <h2 id="pairs-list-title" className="visually-hidden">
          Pairs
        </h2>
        <p role="status" className="results-count">
          {data ? `${plural(data.total, "pair")}${search.status ? ` ${pairStatusLabels[search.status].toLowerCase()}` : ""}` : ""}
        </p>
        {query.isPending ? <LoadingState label="Loading the pairs…" /> : null}
        {query.isError && !data ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
        {data && data.total === 0 ? (
          <div className="empty">
            <p className="empty__title">{search.status ? "No pairs with this status." : "No pairs yet."}</p>
            {search.status ? null : (
              <p>
                Pairs appear here when you publish a{" "}
                <Link to="/programmes/$programmeId/matching" params={{ programmeId: programme.id }}>
                  matching round
                </Link>
                .
              </p>
            )}
          </div>
        ) : null}
        {data && data.items.length > 0 ? (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it
          <section className="table-scroll table-scroll--contained" aria-labelledby="coordinator-pairs-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="coordinator-pairs-caption" className="visually-hidden">
                Pairs, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Mentee</th>
                  <th scope="col">Mentor</th>
                  <th scope="col">Status</th>
                  <th scope="col">Details</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((pair) => (
                  <PairRow key={pair.id} pair={pair} onRematch={() => setEnding(pair)} />
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        {data ? (
          <Pagination
            label="Pair pages"
            total={data.total}
            limit={PAGE_SIZE}
            offset={(page - 1) * PAGE_SIZE}
            to={`/programmes/${programme.id}/matching/pairs`}
            search={(target) => ({ ...search, page: target > 1 ? target : undefined })}
          />
        ) : null}
      </section>

      <RematchDialog
        programmeId={programme.id}
        pair={ending}
        onCancel={() => setEnding(null)}
        onDone={(message) => {
          setEnding(null);
          setOutcome(message);
        }}
      />
      <ResolveOpenDialog programme={programme} open={resolving} onCancel={() => setResolving(false)} />
    </>
  );
}

function acceptance(pair: CoordinatorPair): string {
  if (pair.mentorAccepted && pair.menteeAccepted) return "Both accepted";
  if (pair.menteeAccepted) return "Mentee accepted; waiting for the mentor";
  if (pair.mentorAccepted) return "Mentor accepted; waiting for the mentee";
  return "Waiting for both to accept";
}

function PairRow({ pair, onRematch }: { pair: CoordinatorPair; onRematch: () => void }) {
  const live = pair.status === "proposed" || pair.status === "active" || pair.status === "paused";
  return (
    <tr>
      <th scope="row">
        {pair.mentee.name}
        <span className="data-table__sub">{pair.mentee.email}</span>
      </th>
      <td>
        {pair.mentor.name}
        <span className="data-table__sub">{pair.mentor.email}</span>
      </td>
      <td>
        <span className={`badge badge--pair-${pair.status}`}>{pairStatusLabels[pair.status]}</span>
      </td>
      <td className="pair-details">
        {pair.status === "proposed" ? <p>{acceptance(pair)}</p> : null}
        {pair.status === "declined" ? (
          <div className="decline-note">
            <p>
              Declined by the {pair.declinedBy ?? "pair"}
              {pair.endedAt ? ` on ${formatDateTime(pair.endedAt)}` : ""}:
            </p>
            {pair.declineReason ? <p className="quote">{pair.declineReason}</p> : <p className="muted">No reason given.</p>}
          </div>
        ) : null}
        {pair.status === "ended" && pair.endCategory ? (
          <p>Ended: {END_CATEGORY_LABELS[pair.endCategory as EndCategory] ?? pair.endCategory}</p>
        ) : null}
        {pair.startedAt ? <p className="muted">Started {formatDateTime(pair.startedAt)}</p> : null}
        <p className="muted">
          {originLabels[pair.origin]}, {formatDateTime(pair.createdAt)}
        </p>
      </td>
      <td>
        {live ? (
          <button type="button" className="button button--secondary button--small" onClick={onRematch}>
            Rematch…<span className="visually-hidden"> {pair.mentee.name}</span>
          </button>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}

function RematchDialog({
  programmeId,
  pair,
  onCancel,
  onDone,
}: {
  programmeId: string;
  pair: CoordinatorPair | null;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | undefined>();
  const mutation = useMutation({
    mutationFn: (target: CoordinatorPair) => rematch(programmeId, target.id, note.trim() || undefined),
    onSuccess: async (result) => {
      setNote("");
      await refreshMatching(queryClient, programmeId);
      onDone(
        `${result.ended.mentee.name} and ${result.ended.mentor.name} are no longer paired; both have been emailed. ${result.freedMentee.name} can be matched again: resolve open places when you're ready.`,
      );
    },
    onError: (error) => {
      const found = isApiError(error) ? error.fieldIssues.find((i) => i.path[0] === "note") : undefined;
      if (found) setNoteError(found.message);
    },
  });
  return (
    <ConfirmDialog
      open={pair !== null}
      title={pair ? `Rematch ${pair.mentee.name}?` : ""}
      confirmLabel="End the pair and rematch"
      pendingLabel="Ending the pair…"
      variant="danger"
      pending={mutation.isPending}
      error={mutation.isError && !noteError ? mutation.error.message : null}
      onConfirm={() => pair && mutation.mutate(pair)}
      onCancel={() => {
        mutation.reset();
        setNoteError(undefined);
        onCancel();
      }}
    >
      {pair ? (
        <>
          <p>
            The pair of {pair.mentee.name} and {pair.mentor.name} ends with no fault on either side. Both are told by email that you are
            finding {pair.mentee.name} a new match, and {pair.mentor.name}'s place opens up again. This can't be undone.
          </p>
          <TextAreaField
            id="rematch-note"
            label="A note for both (optional)"
            hint="Added to both emails. Keep it kind; neither of them did anything wrong."
            value={note}
            onChange={(value) => {
              setNote(value);
              setNoteError(undefined);
            }}
            error={noteError}
            rows={3}
            maxLength={1000}
          />
        </>
      ) : null}
    </ConfirmDialog>
  );
}

function ResolveOpenDialog({ programme, open, onCancel }: { programme: Programme; open: boolean; onCancel: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const rounds = useQuery({ ...roundsQuery(programme.id), enabled: open });
  const latest = rounds.data?.find((r) => r.status === "published") ?? rounds.data?.[0];
  const mutation = useMutation({
    mutationFn: () => {
      const settings = latest ? settingsOf(latest.settings) : undefined;
      return resolveOpen(programme.id, settings ?? {});
    },
    onSuccess: async (round) => {
      await refreshMatching(queryClient, programme.id);
      const path = `/programmes/${programme.id}/matching/${round.id}`;
      setFlash(
        `Open places: ${round.stats.matched} of ${plural(round.stats.mentees, "waiting mentee")} matched in this draft. Review it, then publish.`,
        path,
      );
      await navigate({ to: "/programmes/$programmeId/matching/$roundId", params: { programmeId: programme.id, roundId: round.id } });
    },
  });
  return (
    <ConfirmDialog
      open={open}
      title="Resolve open places?"
      confirmLabel="Run for open places"
      pendingLabel="Running…"
      pending={mutation.isPending}
      error={mutation.isError ? mutation.error.message : null}
      onConfirm={() => mutation.mutate()}
      onCancel={() => {
        mutation.reset();
        onCancel();
      }}
    >
      <p>
        Grove runs the engine again for mentees who have no live pair and mentors who still have a place. Pairs that are proposed or active
        stay exactly as they are.
      </p>
      <p>
        {latest ? "It uses the weights and options of your latest round." : "It uses the default weights; you can tune them on the draft."}{" "}
        The result is a draft: nobody is told anything until you publish it.
      </p>
    </ConfirmDialog>
  );
}
